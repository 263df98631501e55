namespace Execline.Runtime;

/// skalibs' subgetopt: clusters, an option's argument is the rest of its word or the next word,
/// "--" ends options, a word not starting with '-' (or "-" alone) stops the scan.
public sealed class Getopt
{
    readonly IReadOnlyList<string> _argv;
    readonly string _optstring;
    int _pos;

    /// Index of the first operand once Next has returned false.
    public int Index { get; private set; }

    public Getopt(IReadOnlyList<string> argv, string optstring, int start = 1)
    {
        _argv = argv;
        _optstring = optstring;
        Index = start;
    }

    /// The next option, or false when the options are over. Unknown options and missing arguments
    /// come back as '?' (with the offending letter in arg).
    public bool Next(out char opt, out string? arg)
    {
        opt = '\0';
        arg = null;
        if (_pos == 0)
        {
            if (Index >= _argv.Count) return false;
            var w = _argv[Index];
            if (w.Length < 2 || w[0] != '-') return false;
            if (w == "--") { Index++; return false; }
            _pos = 1;
        }
        var word = _argv[Index];
        char c = word[_pos++];
        int k = c == ':' ? -1 : _optstring.IndexOf(c);
        if (k < 0)
        {
            Advance(word);
            opt = '?';
            arg = c.ToString();
            return true;
        }
        opt = c;
        if (k + 1 < _optstring.Length && _optstring[k + 1] == ':')
        {
            if (_pos < word.Length) { arg = word.Substring(_pos); Index++; _pos = 0; }
            else if (Index + 1 < _argv.Count) { arg = _argv[Index + 1]; Index += 2; _pos = 0; }
            else { Index++; _pos = 0; opt = '?'; arg = c.ToString(); }
            return true;
        }
        Advance(word);
        return true;
    }

    void Advance(string word)
    {
        if (_pos >= word.Length) { Index++; _pos = 0; }
    }
}
