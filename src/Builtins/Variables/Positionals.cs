using Execline.Runtime;

namespace Execline.Builtins.Variables;

/// Reading the positional parameters "#", "0", "1"... that execlineb left in the environment.
static class Positionals
{
    /// skalibs' uint0_scan: a full unsigned decimal that fits in 32 bits.
    public static bool TryScan(string? s, out uint value)
    {
        value = 0;
        if (!Numbers.TryUnsigned(s, out var v) || v > uint.MaxValue) return false;
        value = (uint)v;
        return true;
    }

    /// The value of "#", dying "# not set" or "invalid $#" (100).
    public static uint Count(Invocation inv)
    {
        var x = inv.Env.Get("#");
        if (x == null) throw inv.Die(100, "# not set");
        if (!TryScan(x, out var n)) throw inv.Die(100, "invalid $#");
        return n;
    }

    /// The value of positional i, dying "i not set" (100).
    public static string Get(Invocation inv, ulong i) =>
        inv.Env.Get(i.ToString()) ?? throw inv.Die(100, $"{i} not set");

    /// Whether a positional is the empty word that ends a block.
    public static bool IsBlockEnd(string word) => word.Length == 0;
}
