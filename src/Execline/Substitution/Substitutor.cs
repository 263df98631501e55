using System.Text;

namespace Execline.Substitution;

/// execline's substitution: every reference $KEY or ${KEY} to a known key in every word is replaced by the
/// key's values. An odd run of backslashes before the "$" keeps the reference literal, and half of the
/// backslashes stay. A word with several references expands to the cartesian product, the first
/// reference varying slowest; a key with no values makes the word vanish.
public static class Substitutor
{
    public static List<string> Apply(IEnumerable<string> words, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        var output = new List<string>();
        foreach (var w in words) Expand(w, values, output);
        return output;
    }

    /// The same substitution on a command line in block encoding, sharing every word it leaves unchanged.
    /// A word that is one reference ("$v") becomes the values themselves: a value that is a view of the
    /// script's words stays where it is, however large, and is never copied into a string.
    /// A word that names none of the keys is left alone before it is made a string: a directive at the
    /// head of a long script goes over every "$" of it, most of them other keys' (stage0's importas each
    /// took 0.1 ms).
    public static Runtime.Words Apply(Runtime.Words words, IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        words.Substitute(w =>
        {
            if (w.Length > 1 && TryReference(w, 0, values, out var only, out int end) && end == w.Length) return only;
            var output = new List<string>(1);
            Expand(w, values, output);
            return output.Count == 1 && output[0] == w ? null : output;
        }, w => NamesKey(w, values));

    /// Whether word holds a reference to one of the keys, whatever backslashes come before it.
    static bool NamesKey(ReadOnlySpan<char> word, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        for (int at = word.IndexOf('$'); at >= 0; at = NextDollar(word, at))
            if (NameAt(word, at, out var name, out _) && IsKey(word[name], values)) return true;
        return false;
    }

    static bool IsKey(ReadOnlySpan<char> name, IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        values is Dictionary<string, IReadOnlyList<string>> d && d.TryGetAlternateLookup<ReadOnlySpan<char>>(out var keys)
            ? keys.ContainsKey(name)
            : values.ContainsKey(name.ToString());

    static int NextDollar(ReadOnlySpan<char> word, int at)
    {
        int k = word[(at + 1)..].IndexOf('$');
        return k < 0 ? -1 : at + 1 + k;
    }

    abstract record Segment;
    sealed record Literal(string Text) : Segment;
    sealed record Reference(IReadOnlyList<string> Values) : Segment;

    static void Expand(string word, IReadOnlyDictionary<string, IReadOnlyList<string>> values, List<string> output)
    {
        if (word.IndexOf('$') < 0)
        {
            output.Add(word);
            return;
        }
        var segments = new List<Segment>();
        var lit = new StringBuilder();
        int i = 0, n = word.Length;
        while (i < n)
        {
            char c = word[i];
            if (c != '\\' && c != '$')
            {
                lit.Append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && word[j] == '\\') j++;
            int slashes = j - i;
            if (j < n && TryReference(word, j, values, out var vals, out int end))
            {
                lit.Append('\\', slashes / 2);
                if (slashes % 2 == 1) lit.Append(word, j, end - j);
                else
                {
                    if (lit.Length > 0) segments.Add(new Literal(lit.ToString()));
                    lit.Clear();
                    segments.Add(new Reference(vals!));
                }
                i = end;
                continue;
            }
            // not a reference to a key of ours: copy the backslashes and the "$" as they are
            lit.Append(word, i, slashes);
            i = j;
            if (i < n && word[i] == '$')
            {
                lit.Append('$');
                i++;
            }
        }
        if (lit.Length > 0) segments.Add(new Literal(lit.ToString()));
        // A word that is one reference ("$v") becomes the values themselves, not copies of them; with one
        // value per reference the word is one concatenation, made without a builder's copy.
        if (segments is [Reference only]) output.AddRange(only.Values);
        else if (segments.TrueForAll(s => s is Literal || ((Reference)s).Values.Count == 1))
            output.Add(string.Concat(segments.Select(s => s is Literal l ? l.Text : ((Reference)s).Values[0]).ToArray()));
        else Product(segments, 0, new StringBuilder(), output);
    }

    /// A reference at word[at] == '$' naming a known key: its values and the index after it.
    static bool TryReference(string word, int at, IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        out IReadOnlyList<string>? vals, out int end)
    {
        vals = null;
        return NameAt(word, at, out var name, out end) && values.TryGetValue(word[name], out vals);
    }

    /// The name of a reference at word[at] == '$' ($name or ${name}) and the index after it.
    static bool NameAt(ReadOnlySpan<char> word, int at, out Range name, out int end)
    {
        name = default;
        end = at;
        if (at >= word.Length || word[at] != '$' || at + 1 >= word.Length) return false;
        if (word[at + 1] == '{')
        {
            int k = at + 2;
            while (k < word.Length && word[k] != '}' && word[k] != '\\' && word[k] != '$' && word[k] != '{') k++;
            if (k >= word.Length || word[k] != '}' || k == at + 2) return false;
            name = (at + 2)..k;
            end = k + 1;
        }
        else
        {
            int k = at + 1;
            while (k < word.Length && word[k] != '\\' && word[k] != '$' && word[k] != '{' && word[k] != '}') k++;
            if (k == at + 1) return false;
            name = (at + 1)..k;
            end = k;
        }
        return true;
    }

    static void Product(List<Segment> segments, int index, StringBuilder prefix, List<string> output)
    {
        if (index == segments.Count)
        {
            output.Add(prefix.ToString());
            return;
        }
        int mark = prefix.Length;
        switch (segments[index])
        {
            case Literal l:
                prefix.Append(l.Text);
                Product(segments, index + 1, prefix, output);
                break;
            case Reference r:
                foreach (var v in r.Values)
                {
                    prefix.Append(v);
                    Product(segments, index + 1, prefix, output);
                    prefix.Length = mark;
                }
                break;
        }
        prefix.Length = mark;
    }
}
