namespace Execline.Runtime;

/// A command as its family declares it, once: the name it answers to and prints, what it needs, and how to
/// make it. Only the declaration exists until a script calls the command.
public sealed class Command(string name, Needs needs, Func<Builtin> make)
{
    public string Name { get; } = name;
    public Needs Needs { get; } = needs;

    /// More names it answers to, under which it still prints Name (execline-cd is also cd).
    public string[]? Aliases { get; init; }

    /// Not installed as a link, not listed: one of our own processes reaches it by argv[0] only.
    public bool Hidden { get; init; }

    public bool AnswersTo(string name) => name == Name || (Aliases != null && Array.IndexOf(Aliases, name) >= 0);

    public Builtin Make()
    {
        var b = make();
        b.Prog = Name;
        b.Needs = Needs;
        return b;
    }
}
