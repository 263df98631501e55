using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

public static class ControlFlowFamily
{
    public static readonly string[] Names = ["foreground", "exit", "if", "ifelse", "ifte", "ifthenelse", "tryexec", "exec", "case"];

    public static Builtin? Make(string name) => name switch
    {
        "foreground" => new Foreground(),
        "exit" => new Exit(),
        "if" => new If(),
        "ifelse" => new IfElse(),
        "ifte" => new Ifte(),
        "ifthenelse" => new IfThenElse(),
        "tryexec" => new TryExec(),
        "exec" => new Exec(),
        "case" => new Case(),
        _ => null,
    };
}
