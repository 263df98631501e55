using Execline.Runtime;

namespace Execline.Builtins.Loops;

public static class LoopsFamily
{
    public static readonly string[] Names = ["forx", "forstdin", "forbacktickx", "loopwhilex", "pipeline", "heredoc", "piperw"];

    public static Builtin? Make(string name) => name switch
    {
        "forx" => new Forx(),
        "forstdin" => new Forstdin(),
        "loopwhilex" => new Loopwhilex(),
        "pipeline" => new Pipeline(),
        "heredoc" => new Heredoc(),
        "piperw" => new Piperw(),
        "forbacktickx" => new Forbacktickx(),
        HeredocChild.Name => new HeredocChild(),
        _ => null,
    };
}
