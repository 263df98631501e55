using Execline.Runtime;

namespace Execline.Builtins.Loops;

public static class LoopsFamily
{
    public static readonly Command[] Commands =
    [
        new("forx", Needs.None, () => new Forx()),
        new("forstdin", Needs.None, () => new Forstdin()),
        new("forbacktickx", Needs.None, () => new Forbacktickx()),
        new("loopwhilex", Needs.None, () => new Loopwhilex()),
        // The block must be the child of the program that follows, not of a caller's process.
        new("pipeline", Needs.OwnProcess, () => new Pipeline()),
        new("heredoc", Needs.None, () => new Heredoc()),
        new("piperw", Needs.None, () => new Piperw()),
        new(HeredocChild.Name, Needs.None, () => new HeredocChild()) { Hidden = true },
    ];
}
