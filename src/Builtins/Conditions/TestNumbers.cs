namespace Execline.Builtins.Conditions;

/// skalibs' integer scanning as eltest uses it: a decimal prefix, read until a digit would overflow.
static class TestNumbers
{
    /// Optional sign and at least one digit; the rest of the word is ignored ("12abc" is 12). The
    /// magnitude is read up to 4294967295 (4294967296 after "-") and then wraps to a 32-bit int, so
    /// "2147483648" is -2147483648 and "-2147483649" is 2147483647.
    public static bool TryInt(string s, out int value)
    {
        value = 0;
        bool negative = s.StartsWith('-');
        int i = negative || s.StartsWith('+') ? 1 : 0;
        ulong limit = negative ? 1UL << 32 : uint.MaxValue;
        int start = i;
        ulong magnitude = 0;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            ulong next = magnitude * 10 + (ulong)(s[i] - '0');
            if (next > limit) break;
            magnitude = next;
            i++;
        }
        if (i == start) return false;
        value = negative ? (int)(uint)(0 - magnitude) : (int)(uint)magnitude;
        return true;
    }
}
