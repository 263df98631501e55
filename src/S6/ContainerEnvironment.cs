using Execline.Native;
using Execline.Runtime;

namespace Execline.S6;

/// The container's environment as s6-overlay's printcontenv sees it: /init saves it as one file per
/// variable under Directory, unless S6_KEEP_ENV is a non-zero integer, in which case the whole tree
/// inherits it and the live environment is the one to read.
public static class ContainerEnvironment
{
    public const string Directory = "/var/run/s6/container_environment";
    /// Where s6-overlay v3's stage0 saves it.
    public const string V3Directory = "/run/s6/container_environment";

    /// The value of name, or null when it is not set; a file's one trailing newline is not part of it.
    public static string? Get(Environ env, string name, string directory = Directory)
    {
        if (KeepsEnvironment(env)) return env.Get(name);
        var data = Unistd.ReadFile(directory + "/" + name);
        if (data == null) return null;
        var value = Text.Bytes.Latin1(data);
        return value.EndsWith('\n') ? value.Substring(0, value.Length - 1) : value;
    }

    static bool KeepsEnvironment(Environ env) =>
        TryInteger(env.Get("S6_KEEP_ENV") ?? "0", out var keep) && keep != 0;

    /// A decimal integer with an optional sign, as s6-test compares them.
    public static bool TryInteger(string s, out long value)
    {
        value = 0;
        int i = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
        if (i == s.Length) return false;
        for (; i < s.Length; i++)
        {
            if (s[i] < '0' || s[i] > '9') return false;
            value = value * 10 + (s[i] - '0');
        }
        if (s[0] == '-') value = -value;
        return true;
    }
}
