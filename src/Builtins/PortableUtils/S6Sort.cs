using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-sort [ -bcfru0 ] — sort the lines of stdin (NUL-terminated records with -0) bytewise: -b ignores
/// leading blanks, -f case, -r reverses, -u keeps one of equal lines; -c only checks the order (exit 1
/// when unsorted, or with -u when two lines are equal).
public sealed class S6Sort : Builtin
{
    public override string Usage => "s6-sort [ -bcfru0 ]";

    public override Outcome Run(Invocation inv)
    {
        bool blanks = false, check = false, fold = false, reverse = false, unique = false;
        byte separator = (byte)'\n';
        var g = new Getopt(inv.Argv, "bcfru0");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'b': blanks = true; break;
                case 'c': check = true; break;
                case 'f': fold = true; break;
                case 'r': reverse = true; break;
                case 'u': unique = true; break;
                case '0': separator = 0; break;
                default: throw inv.Usage();
            }
        }
        var records = ReadRecords(inv, separator);
        Comparison<byte[]> compare = (a, b) =>
        {
            int r = CompareRecords(a, b, blanks, fold);
            return reverse ? -r : r;
        };
        if (check)
        {
            for (int i = 1; i < records.Count; i++)
                if (compare(records[i - 1], records[i]) >= (unique ? 0 : 1)) return Outcome.Exit(1);
            return Outcome.Exit(0);
        }
        var sorted = records.Order(Comparer<byte[]>.Create(compare)).ToList();
        var output = new Output(inv);
        for (int i = 0; i < sorted.Count; i++)
        {
            // of a run of equal records, the last one stays
            if (unique && i + 1 < sorted.Count && compare(sorted[i], sorted[i + 1]) == 0) continue;
            output.Put(sorted[i]);
            output.Put(new[] { separator });
        }
        output.Flush();
        return Outcome.Exit(0);
    }

    /// The records of stdin without their separators (the last may have had none).
    static List<byte[]> ReadRecords(Invocation inv, byte separator)
    {
        var all = new MemoryStream();
        var input = new Input(inv);
        for (var chunk = input.Read(); chunk.Length > 0; chunk = input.Read()) all.Write(chunk);
        var data = all.ToArray();
        var records = new List<byte[]>();
        int start = 0;
        while (start < data.Length)
        {
            int end = Array.IndexOf(data, separator, start);
            if (end < 0) end = data.Length;
            records.Add(data[start..end]);
            start = end + 1;
        }
        return records;
    }

    /// strncmp (or strncasecmp) over the shorter length, which stops at a NUL, then the shorter first.
    static int CompareRecords(byte[] a, byte[] b, bool blanks, bool fold)
    {
        int i = 0, j = 0;
        if (blanks)
        {
            while (i < a.Length && (a[i] == ' ' || a[i] == '\t')) i++;
            while (j < b.Length && (b[j] == ' ' || b[j] == '\t')) j++;
        }
        int n1 = a.Length - i, n2 = b.Length - j, n = Math.Min(n1, n2);
        for (int k = 0; k < n; k++)
        {
            int x = a[i + k], y = b[j + k];
            if (fold)
            {
                if (x is >= 'A' and <= 'Z') x += 32;
                if (y is >= 'A' and <= 'Z') y += 32;
            }
            if (x != y) return x - y;
            if (x == 0) return 0;
        }
        return n1 - n2;
    }
}
