namespace Execline.Runtime;

/// The block encoding execlineb writes into argv: words of a block carry one leading space per level,
/// and an empty word ends it.
public static class Block
{
    /// Reads the block starting at argv[start]: one leading space stripped from each word. Returns the
    /// index of the terminating empty word, or -1 when there is none.
    public static int Read(Invocation inv, IReadOnlyList<string> argv, int start, out Words block)
    {
        int number = ++inv.BlocksRead;
        var words = Words.Of(argv);
        var unquoted = new List<int>();
        int end = words.EndOfBlock(start, unquoted);
        if (unquoted.Count > 0)
        {
            int strict = inv.State.Strict;
            foreach (var i in unquoted)
            {
                if (strict >= 2) throw inv.Die(100, $"unquoted argument {words[i]} at block {number} position {i - start}");
                if (strict == 1) inv.Warn($"unquoted argument {words[i]} at block {number} position {i - start}");
            }
        }
        block = words.Inner(start, (end < 0 ? words.Count : end) - start);
        return end;
    }

    /// Reads a block that must be terminated, failing with "PROG: fatal: MESSAGE" (100) otherwise.
    public static Words ReadTerminated(Invocation inv, IReadOnlyList<string> argv, ref int index, string message = "unterminated block")
    {
        int end = Read(inv, argv, index, out var block);
        if (end < 0) throw inv.Die(100, message);
        index = end + 1;
        return block;
    }

    /// Quotes words one level deeper, as execlineb would have encoded them inside a block.
    public static IEnumerable<string> Quote(IEnumerable<string> words)
    {
        foreach (var w in words) yield return " " + w;
        yield return "";
    }
}
