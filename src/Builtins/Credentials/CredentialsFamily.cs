using Execline.Runtime;

namespace Execline.Builtins.Credentials;

public static class CredentialsFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-envuidgid", Needs.Eager, () => new EnvUidGid()),
        new("s6-applyuidgid", Needs.OwnProcess, () => new ApplyUidGid()),
        new("s6-setuidgid", Needs.Eager, () => new SetUidGid()),
    ];
}
