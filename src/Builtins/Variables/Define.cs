using System.Collections;
using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// define [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key value prog...
public sealed class Define : SubstitutionDirective
{
    public override string Usage => "define [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key value prog...";

    public override int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set)
    {
        var t = new ValueTransform();
        var g = new Getopt(argv, "NnsCcd:", start + 1);
        while (g.Next(out var c, out var arg))
        {
            if (c == '?') throw new DirectiveError(DirectiveError.Kind.Syntax);
            t = Transform(t, c, arg);
        }
        if (argv.Count - g.Index < 2) throw new DirectiveError(DirectiveError.Kind.Syntax);
        int at = g.Index + 1;
        // Netstrings (-d "") are read at once: a malformed value is an error even if nothing refers to it.
        if (t.Split && t.Delimiters.Length == 0) set.Add(argv[g.Index], Words(t, argv[at]));
        // A value taken as it is stays a view of the command line: substituted alone into a word, it is
        // never copied (a 16 MiB value is 16 MiB in the script, and then in the argv of an exec).
        else if (t == new ValueTransform() && argv is Execline.Runtime.Words words) set.Add(argv[g.Index], words.Slice(at, 1));
        else set.Add(argv[g.Index], new Unread(() => t.Apply(argv[at])!));
        return g.Index + 2;
    }

    /// A value read when a reference to it is first met: a script word becomes a string only when read,
    /// and a large value that nothing after it names is then never copied.
    sealed class Unread(Func<List<string>> read) : IReadOnlyList<string>
    {
        List<string>? _words;
        List<string> Words => _words ??= read();
        public int Count => Words.Count;
        public string this[int index] => Words[index];
        public IEnumerator<string> GetEnumerator() => Words.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
