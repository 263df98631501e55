using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

public static class ControlFlowFamily
{
    public static readonly Command[] Commands =
    [
        new("foreground", Needs.None, () => new Foreground()),
        new("exit", Needs.None, () => new Exit()),
        new("if", Needs.None, () => new If()),
        new("ifelse", Needs.None, () => new IfElse()),
        new("ifte", Needs.None, () => new Ifte()),
        new("ifthenelse", Needs.None, () => new IfThenElse()),
        new("tryexec", Needs.Files, () => new TryExec()),
        new("exec", Needs.None, () => new Exec()),
        new("case", Needs.None, () => new Case()),
    ];
}
