namespace Execline.Substitution;

/// How a value becomes words (define, importas, multidefine, backtick's reading): crunch, then chomp,
/// then split at delimiters, or read as netstrings when the delimiter set is empty.
public sealed record ValueTransform(string Delimiters = " \n\r\t", bool Crunch = false, bool Chomp = false, bool Split = false)
{
    /// The words of value, or null when netstrings were asked for and the value is not made of them.
    public List<string>? Apply(string value)
    {
        var d = Delimiters;
        if (d.Length > 0 && Crunch) value = CrunchRuns(value, d);
        bool chomped = false;
        if (Chomp && d.Length > 0 && value.Length > 0 && d.IndexOf(value[^1]) >= 0)
        {
            value = value.Substring(0, value.Length - 1);
            chomped = true;
        }
        if (!Split) return new List<string> { value };
        if (d.Length == 0) return Netstrings.Decode(value);
        var words = new List<string>();
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (d.IndexOf(value[i]) < 0) continue;
            words.Add(value.Substring(start, i - start));
            start = i + 1;
        }
        if (start < value.Length && !(Chomp && !chomped)) words.Add(value.Substring(start));
        return words;
    }

    static string CrunchRuns(string value, string d)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        bool inRun = false;
        foreach (var c in value)
        {
            bool isDelim = d.IndexOf(c) >= 0;
            if (isDelim && inRun) continue;
            inRun = isDelim;
            sb.Append(c);
        }
        return sb.ToString();
    }
}

public static class Netstrings
{
    /// A sequence of "len:bytes," netstrings, or null when malformed.
    public static List<string>? Decode(string s)
    {
        var words = new List<string>();
        int i = 0;
        while (i < s.Length)
        {
            int colon = s.IndexOf(':', i);
            if (colon <= i) return null;
            if (!ulong.TryParse(s.AsSpan(i, colon - i), System.Globalization.NumberStyles.None, null, out var len)) return null;
            if ((ulong)(s.Length - colon - 1) < len + 1) return null;
            int start = colon + 1;
            if (s[start + (int)len] != ',') return null;
            words.Add(s.Substring(start, (int)len));
            i = start + (int)len + 1;
        }
        return words;
    }

    public static string Encode(string s) => $"{s.Length}:{s},";
}
