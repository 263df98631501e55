using Execline.Runtime;

namespace Execline.Multicall;

/// The multi-call binary: every command name is a link to it, and argv[0]'s basename says which one runs.
/// Invoked by its own name, it takes the command as its first argument.
static class Program
{
    static int Main(string[] args)
    {
        RealProcess.SeedRuntimeRandomness();
        var argv = CommandLine.Argv(args);
        CommandSet.Register();
        var name = Self.BaseName(argv.Count > 0 ? argv[0] : "execline");
        if (name == "execline")
        {
            if (argv.Count == 2 && argv[1] == "--list") return List();
            if (argv.Count < 2)
            {
                Say("execline: usage: execline command [ args... ] | execline --list");
                return 100;
            }
            argv.RemoveAt(0);
            name = Self.BaseName(argv[0]);
        }
        if (Registry.Find(name) == null)
        {
            Say($"execline: fatal: unknown command: {name}");
            return 100;
        }
        Native.Signal.DefaultSignalDispositions();
        var state = ProcessState.FromThisProcess(CommandLine.Environ());
        try
        {
            return Chain.RunTail(argv, state, name, name);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Say($"{name}: fatal: internal error: {e.GetType().Name}: {e.Message}");
            return 101;
        }
    }

    static int List()
    {
        foreach (var n in Registry.Names.Order(StringComparer.Ordinal)) Native.Unistd.WriteAll(1, Text.Bytes.ToBytes(n + "\n"));
        return 0;
    }

    static void Say(string line) => Native.Unistd.WriteAll(2, Text.Bytes.ToBytes(line + "\n"));
}
