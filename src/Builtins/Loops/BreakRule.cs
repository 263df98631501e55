using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// The -o okcodes / -x breakcodes options of forx, forstdin and forbacktickx: by default a loop never
/// breaks; -x breaks on a listed code, -o on any code not listed. The last of them wins.
public sealed class BreakRule
{
    List<int> _codes = new();
    bool _breakWhenListed = true;

    /// Takes one -o or -x option; false when its list holds no number at all.
    public bool Take(char opt, string list)
    {
        if (!Numbers.TryCodeList(list, out var codes)) return false;
        _codes = codes;
        _breakWhenListed = opt == 'x';
        return true;
    }

    /// Codes compare as unsigned 16-bit numbers, as upstream's do.
    public bool Breaks(int estatus) => _breakWhenListed == _codes.Contains((ushort)estatus);
}
