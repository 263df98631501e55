using Execline.Native;
using Execline.Runtime;
using Execline.S6;
using Execline.Text;

namespace Execline.Builtins.EnvironmentVariables;

/// backtick [ -i | -I | -x | -D default ] [ -N | -n ] [ -E | -e ] var { prog... } remainder... — run the
/// block with its stdout to a pipe, read all of it, exec into remainder with var set to what was read.
public sealed class Backtick : Builtin
{
    public override string Usage => "backtick [ -i | -I | -x | -D default ] [ -N | -n ] [ -E | -e ] var { prog... } remainder...";

    /// What a failed block (or output holding a NUL) leads to: die, use the output anyway, or use the default.
    enum OnFailure { UseOutput, UseDefault, Die }

    public override Outcome Run(Invocation inv)
    {
        var mode = OnFailure.Die;
        bool chomp = true, import = false;
        string? dflt = null;
        var g = new Getopt(inv.Argv, "iINnxD:Ee");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'i': mode = OnFailure.Die; break;
                case 'I': mode = OnFailure.UseOutput; break;
                case 'N': chomp = false; break;
                case 'n': chomp = true; break;
                case 'x': mode = OnFailure.UseDefault; dflt = null; break;
                case 'D': mode = OnFailure.UseDefault; dflt = arg; break;
                case 'E': import = true; break;
                case 'e': import = false; break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var variable = inv.Argv[g.Index];
        if (!inv.IsValidVariable(variable)) throw inv.Die(100, "invalid variable name");
        int next = g.Index + 1;
        int end = Block.Read(inv, inv.Argv, next, out var block);
        if (block.Count == 0 && end >= 0) throw inv.Die(100, "empty block");
        if (end < 0) throw inv.Die(100, "unterminated block");
        next = end + 1;

        var (output, status) = Capture(inv, block);
        bool useDefault;
        if (status.Raw != 0)
        {
            if (mode == OnFailure.Die)
                throw inv.Die(status.EStatus, status.IsSignaled ? "child process crashed" : "child process exited non-zero");
            useDefault = mode == OnFailure.UseDefault;
        }
        else if (output.IndexOf('\0') >= 0)
        {
            if (mode == OnFailure.Die) throw inv.Die(124, "child process output contained a null character");
            useDefault = mode == OnFailure.UseDefault;
            if (useDefault) inv.Warn("child process output contained a null character");
            else output = SetAndExec.UpToNul(output);
        }
        else useDefault = false;
        string? value = dflt;
        if (!useDefault)
        {
            // The value is a C string (it ends at the first NUL); the chomp looks at the end of all that
            // was read, so after a failure with -I it removes nothing when a NUL came first.
            if (chomp && output.EndsWith('\n')) output = output.Substring(0, output.Length - 1);
            value = SetAndExec.UpToNul(output);
        }
        return SetAndExec.Run(inv, inv.Rest(next), variable, value, import);
    }

    /// Runs the block with fd 1 on a pipe that this process drains meanwhile (see PipeReader), so that
    /// nothing writing more than a pipe holds waits forever.
    static (string output, WaitStatus status) Capture(Invocation inv, IReadOnlyList<string> block)
    {
        var (r, w) = Unistd.Pipe();
        if (r < 0) throw inv.DieErrno(111, "unable to spawn " + block[0], Errno.Value);
        using var reader = new PipeReader(r);
        var clone = inv.State.Clone();
        clone.Fds.Set(1, clone.Own(w));
        var result = inv.RunBlock(block, clone, reader);
        var data = reader.Finish(out int readErr);
        Unistd.close(r);
        if (!result.Started) throw inv.DieErrno(111, "unable to spawn " + result.Program, result.SpawnErrno);
        if (data == null) throw inv.DieErrno(111, "unable to slurp", readErr);
        return (Bytes.Latin1(data), result.Status);
    }
}
