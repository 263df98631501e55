namespace Execline.Runtime;

/// What a builtin says comes next: exec into a new command line, or exit.
public readonly struct Outcome
{
    public IReadOnlyList<string>? Argv { get; }
    /// The name to look up when it differs from argv[0] (exec -a, exec -l).
    public string? Program { get; }
    public int Code { get; }

    Outcome(IReadOnlyList<string>? argv, string? program, int code)
    {
        Argv = argv;
        Program = program;
        Code = code;
    }

    public bool IsExit => Argv == null;

    public static Outcome Exec(IReadOnlyList<string> argv, string? program = null) => new(argv, program, 0);
    public static Outcome Exit(int code) => new(null, null, code);
}
