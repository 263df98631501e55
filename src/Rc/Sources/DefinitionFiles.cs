using Execline.Native;

namespace Execline.Rc.Sources;

/// The files of one service definition directory, read by name. The directory is listed once: a file it
/// does not hold is absent (ENOENT) without a system call. A definition may have some twenty optional
/// files and most have two or three, so compiling fifty longruns asked the disk for a thousand files
/// that were not there. When the directory cannot be listed, every file is asked for, as before.
public sealed class DefinitionFiles
{
    readonly HashSet<string>? _names;

    public DefinitionFiles(string dir)
    {
        Dir = dir;
        if (Dirent.ListDirectory(dir, out _) is { } names) _names = new HashSet<string>(names, StringComparer.Ordinal);
    }

    public string Dir { get; }

    public string PathOf(string file) => $"{Dir}/{file}";

    /// False when the listing says the file is not there.
    public bool MayHold(string file) => _names == null || _names.Contains(file);

    public byte[]? ReadPrefix(string file, int max, out int errno)
    {
        if (MayHold(file)) return Disk.ReadPrefix(PathOf(file), max, out errno);
        errno = Errno.ENOENT;
        return null;
    }

    public byte[]? ReadAll(string file, out int errno, out bool opened)
    {
        if (MayHold(file)) return Disk.ReadAll(PathOf(file), out errno, out opened);
        (errno, opened) = (Errno.ENOENT, false);
        return null;
    }

    public bool? Exists(string file, out int errno)
    {
        if (MayHold(file)) return Disk.Exists(PathOf(file), out errno);
        errno = 0;
        return false;
    }

    public bool Readable(string file) => MayHold(file) && Disk.Readable(PathOf(file));

    public bool? IsRegularFile(string file, out int errno, out bool failedOpen)
    {
        if (MayHold(file)) return Disk.IsRegularFile(PathOf(file), out errno, out failedOpen);
        (errno, failedOpen) = (Errno.ENOENT, true);
        return null;
    }

    public List<string>? List(string subdir, out int errno)
    {
        if (MayHold(subdir)) return Disk.List(PathOf(subdir), out errno);
        errno = Errno.ENOENT;
        return null;
    }
}
