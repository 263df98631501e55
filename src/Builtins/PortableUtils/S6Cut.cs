using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-cut [ -b list | -c list | -f list ] [ -d delim ] [ -n ] [ -s ] [ file... ] — print the selected
/// bytes (-b, -c: the same, bytes) or delim-separated fields (-f, tab by default) of each line of stdin or
/// of the files ("-" is stdin). A list is ranges N, N-M, N-, -M separated by commas or blanks. With -f, a
/// line without delim is printed whole unless -s. -n is accepted and ignored.
public sealed class S6Cut : Builtin
{
    public override string Usage => "s6-cut [ -b list | -c list | -f list ] [ -d delim ] [ -n ] [ -s ] [ file... ]";

    /// One range, Right 0 standing for "to the end".
    readonly record struct Range(ulong Left, ulong Right)
    {
        public bool Contains(ulong n) => n >= Left && (Right == 0 || n <= Right);
    }

    public override Outcome Run(Invocation inv)
    {
        List<Range>? ranges = null;
        bool fields = false, suppress = false;
        char delimiter = '\t';
        var g = new Getopt(inv.Argv, "nsb:c:f:d:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': break;
                case 's': suppress = true; break;
                case 'd': delimiter = arg!.Length > 0 ? arg[0] : '\0'; break;
                case 'b' or 'c' or 'f':
                    if (ranges != null) throw inv.Usage();
                    ranges = ParseList(inv, arg!);
                    fields = c == 'f';
                    break;
                default: throw inv.Usage();
            }
        }
        if (ranges == null || ranges.Count == 0) throw inv.Usage();
        ranges.Sort((a, b) => a.Left.CompareTo(b.Left));
        var files = inv.Rest(g.Index);
        var output = new Output(inv);
        if (files.Count == 0) files = Words.Of(["-"]);
        foreach (var file in files)
        {
            bool stdin = file == "-";
            int fd = stdin ? inv.State.Fds.Real(0) : Fcntl.Open(file, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
            if (fd < 0 && !stdin) throw inv.DieErrno(111, $"unable to open {file} for reading", Errno.Value);
            var input = new Input(inv, stdin ? 0 : -1, fd) { BeforeRead = output.Flush };
            while (input.ReadLine(out var line, out var newline))
            {
                var cut = fields ? CutFields(line, ranges, delimiter, suppress) : CutBytes(line, ranges);
                if (cut == null) continue;
                output.Put(cut);
                if (newline) output.Put('\n');
            }
            if (!stdin) Unistd.close(fd);
        }
        output.Flush();
        return Outcome.Exit(0);
    }

    static List<Range> ParseList(Invocation inv, string list)
    {
        var ranges = new List<Range>();
        int i = 0;
        while (i < list.Length)
        {
            ulong left = 1, right;
            if (list[i] != '-' && !Scan(list, ref i, out left) || left == 0) throw BadList(inv, list);
            if (i < list.Length && list[i] == '-')
            {
                i++;
                if (!Scan(list, ref i, out right)) right = 0;
                else if (right < left) throw BadList(inv, list);
            }
            else right = left;
            if (i < list.Length)
            {
                if (list[i] is not (',' or ' ' or '\t')) throw BadList(inv, list);
                i++;
            }
            ranges.Add(new Range(left, right));
        }
        return ranges;
    }

    static Fatal BadList(Invocation inv, string list) => inv.Die(100, $"invalid list argument: {list}");

    static bool Scan(string s, ref int i, out ulong value)
    {
        int start = i;
        value = 0;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9') value = value * 10 + (ulong)(s[i++] - '0');
        return i > start;
    }

    static string CutBytes(string line, List<Range> ranges)
    {
        var sb = new System.Text.StringBuilder();
        for (int k = 0; k < line.Length; k++)
            if (ranges.Any(r => r.Contains((ulong)k + 1))) sb.Append(line[k]);
        return sb.ToString();
    }

    /// The selected fields joined by the delimiter; a line without one whole (nothing under -s, unless the
    /// list starts at field 1, as upstream's does).
    static string? CutFields(string line, List<Range> ranges, char delimiter, bool suppress)
    {
        var parts = line.Split(delimiter);
        if (parts.Length == 1) return !suppress || ranges[0].Left == 1 ? line : null;
        var selected = new List<string>();
        for (int k = 0; k < parts.Length; k++)
            if (ranges.Any(r => r.Contains((ulong)k + 1))) selected.Add(parts[k]);
        return string.Join(delimiter, selected);
    }
}
