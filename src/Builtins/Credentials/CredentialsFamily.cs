using Execline.Runtime;

namespace Execline.Builtins.Credentials;

public static class CredentialsFamily
{
    public static readonly string[] Names = ["s6-envuidgid", "s6-applyuidgid", "s6-setuidgid"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-envuidgid" => new EnvUidGid(),
        "s6-applyuidgid" => new ApplyUidGid(),
        "s6-setuidgid" => new SetUidGid(),
        _ => null,
    };
}
