using Execline.Native;

namespace Execline.Admin.Check;

/// The commands of our multi-call program, known from the installation this tool runs from: every name
/// beside it (usr/bin) that is the program usr/lib/execline-cs/execline, by a hard or symbolic link. So the
/// list is the one the program was installed with, with no copy of it here to fall out of date.
sealed class OurCommands
{
    readonly string? _dir;
    readonly (ulong Dev, ulong Ino)? _program;

    public OurCommands()
    {
        _dir = Path.GetDirectoryName(Environment.ProcessPath);
        if (_dir != null && SysStat.StatPath(_dir + "/../lib/execline-cs/execline", out var st) == 0) _program = (st.Dev, st.Ino);
    }

    public bool Contains(string name) =>
        _program != null && !name.Contains('/') && SysStat.StatPath($"{_dir}/{name}", out var st) == 0 && (st.Dev, st.Ino) == _program;
}
