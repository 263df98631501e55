using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-dumpenv [ -N | -n ] [ -m mode ] envdir — write the environment as an envdir: envdir is made (mode
/// 0755 by default; an existing directory is fine), then one file per variable holding its value, with
/// a trailing newline under -N. Each file is written as envdir/=.tmp and renamed into place (upstream's
/// NAME=.tmp is too long for a name of 251 to 255 bytes; envdir readers skip either). A variable whose
/// name is no file name of its own (empty, . or .., a slash, past NAME_MAX) is skipped with a warning.
public sealed class S6Dumpenv : Builtin
{
    public override string Usage => "s6-dumpenv [ -N | -n ] [ -m mode ] envdir";

    public override Outcome Run(Invocation inv)
    {
        uint mode = SysStat.Mode0755;
        bool newline = false;
        var g = new Getopt(inv.Argv, "nNm:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': newline = false; break;
                case 'N': newline = true; break;
                case 'm': if (!Octal.ScanFull(arg!, out mode)) throw inv.Usage(); break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var dir = inv.Argv[g.Index];
        int err = Files.Mkdir(dir, (int)mode);
        if (err != 0)
        {
            if (err != Errno.EEXIST) throw inv.DieErrno(111, $"unable to mkdir {dir}", err);
            var st = Files.Stat(dir, out err) ?? throw inv.DieErrno(111, $"unable to stat {dir}", err);
            if (!Files.IsType(st, SysStat.S_IFDIR)) throw inv.DieErrno(111, $"unable to mkdir {dir}", Errno.ENOTDIR);
        }
        foreach (var entry in inv.Env.Entries)
        {
            int eq = entry.IndexOf('=');
            if (eq < 0) continue; // not a variable: nothing to name the file after
            var name = entry[..eq];
            if (!IsFileName(name))
            {
                // upstream writes ../../etc/x outside the directory, and dies on a/b, losing the rest
                inv.Warn($"variable {name} not dumped: its name is not a valid file name");
                continue;
            }
            var file = dir + "/" + name;
            var value = entry[(eq + 1)..];
            err = AtomicFile.Replace(file, Text.Bytes.ToBytes(newline ? value + "\n" : value), dir + "/=.tmp");
            if (err != 0) throw inv.DieErrno(111, $"unable to open {file}", err);
        }
        return Outcome.Exit(0);
    }

    /// A name that makes one file right in the directory: not empty, not . or .., no slash, and no
    /// longer than NAME_MAX.
    static bool IsFileName(string name) =>
        name.Length is > 0 and <= 255 && name != "." && name != ".." && name.IndexOf('/') < 0;
}
