using Execline.Native;
using Execline.Parsing;
using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Language;

/// execlineb: reads a script (a file or -c), turns it into one command line, sets up the positional
/// parameters and strictness, and execs into it — here, continues the chain with it.
public sealed class Execlineb : Builtin
{
    /// Reading and parsing a script only transforms the state: a supervisor can start an execline run
    /// script in its own process up to the script's first real program.
    public override string Usage => "execlineb [ -p | -P | -S nmin | -s nmin ] [ -q | -w | -W ] [ -c commandline ] script args";

    enum Positional { Push, Set, None, Substitute, SubstituteShifted }

    public override Outcome Run(Invocation inv)
    {
        var mode = Positional.Push;
        int min = 0, strictOption = -1;
        string? command = null;
        var g = new Getopt(inv.Argv, "pPqwWeS:s:c:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'p': mode = Positional.Set; break;
                case 'P': mode = Positional.None; break;
                case 'S':
                case 's':
                    if (!Numbers.TryUInt(arg, out min)) throw inv.Usage();
                    mode = c == 'S' ? Positional.Substitute : Positional.SubstituteShifted;
                    break;
                case 'q': strictOption = 0; break;
                case 'w': strictOption = 1; break;
                case 'W': strictOption = 2; break;
                case 'e': break; // no-op since 2.9.4
                case 'c': command = arg; break;
                default: throw inv.Usage();
            }
        }
        var operands = new List<string>(inv.Rest(g.Index));
        string dollar0, source;
        byte[] script;
        int length;
        if (command != null)
        {
            dollar0 = inv.Argv[0];
            script = Text.Bytes.ToBytes(command);
            length = script.Length;
            source = "the -c script";
        }
        else
        {
            if (operands.Count == 0) throw inv.Usage();
            dollar0 = operands[0];
            operands.RemoveAt(0);
            script = ReadScript(inv, dollar0, out length);
            source = dollar0;
        }

        Words words;
        try
        {
            words = ScriptParser.Parse(script, length, source);
        }
        catch (ScriptError e)
        {
            throw inv.Die(100, $"{e.Kind} in {e.Source} at line {e.Line}, column {e.Column}: {e.Detail}");
        }
        if (words.Count == 0) return Outcome.Exit(0);

        int strict = strictOption;
        bool strictUnset = false;
        if (strictOption == 0) inv.Env.Unset("EXECLINE_STRICT");
        else if (strictOption > 0) inv.Env.Set("EXECLINE_STRICT", strictOption.ToString());
        else
        {
            var v = inv.Env.Get("EXECLINE_STRICT");
            if (v == null) strictUnset = true;
            else if (Numbers.TryUInt(v, out var level)) strict = level;
            else
            {
                inv.Warn("invalid EXECLINE_STRICT value, unsetting it");
                inv.Env.Unset("EXECLINE_STRICT");
                strict = 0;
            }
        }

        switch (mode)
        {
            case Positional.Push:
                Frames.Push(inv.Env, Frames.PositionalPrefix);
                SetPositionals(inv.Env, dollar0, operands);
                break;
            case Positional.Set:
                SetPositionals(inv.Env, dollar0, operands);
                break;
            case Positional.Substitute:
            case Positional.SubstituteShifted:
                if (operands.Count < min)
                {
                    var msg = $"too few arguments: expecting at least {min} but got {operands.Count}";
                    if (strict >= 2) throw inv.Die(100, msg);
                    if (strict == 1 || strictUnset) inv.Warn(msg);
                }
                words = Substitutor.Apply(words, Keys(dollar0, operands, min, mode == Positional.SubstituteShifted));
                break;
        }
        return Outcome.Exec(words);
    }

    static void SetPositionals(Environ env, string dollar0, List<string> args)
    {
        env.Set("#", args.Count.ToString());
        env.Set("0", dollar0);
        for (int i = 0; i < args.Count; i++) env.Set((i + 1).ToString(), args[i]);
    }

    static Dictionary<string, IReadOnlyList<string>> Keys(string dollar0, List<string> args, int min, bool shifted)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>
        {
            ["#"] = [args.Count.ToString()],
            ["0"] = [dollar0],
            ["@"] = shifted ? args.GetRange(Math.Min(min, args.Count), args.Count - Math.Min(min, args.Count)) : args,
        };
        for (int i = 1; i <= Math.Max(args.Count, min); i++)
            keys[i.ToString()] = [i <= args.Count ? args[i - 1] : ""];
        return keys;
    }

    /// The script's bytes: the first length of the buffer, which the parser then reuses for the words.
    static byte[] ReadScript(Invocation inv, string file, out int length)
    {
        var path = DescriptorPaths.InProcess(inv.State, file);
        int fd = path == null ? -1 : Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        if (fd < 0) throw inv.DieErrno(111, $"unable to open {file} for reading", path == null ? Errno.ENOENT : Errno.Value);
        var bytes = Unistd.Slurp(fd, out length, out int err);
        Unistd.close(fd);
        if (bytes == null) throw inv.DieErrno(111, "unable to parse script", err);
        return bytes;
    }
}
