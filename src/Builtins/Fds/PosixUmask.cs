using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// posix-umask [ -S ] [ mask ] [ prog... ] — with no mask, print the umask (octal, or -S symbolic);
/// else set it from an octal or symbolic mask and exec prog (nothing: exit 0).
public sealed class PosixUmask : Builtin
{
    public override string Usage => "posix-umask [ -S ] [ mask ] [ prog... ]";

    public override Outcome Run(Invocation inv)
    {
        bool symbolic = false;
        var g = new Getopt(inv.Argv, "S");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            symbolic = true;
        }
        int i = g.Index;
        if (i >= inv.Argv.Count) return Print(inv, symbolic);
        var text = inv.Argv[i];
        int mask;
        if (Octal.ScanFull(text, out var octal)) mask = (int)(octal & SysStat.ACCESSPERMS);
        else
        {
            var perms = SymbolicMode.Apply(text, ~inv.State.Umask);
            if (perms == null) throw inv.Die(1, "invalid mode string");
            mask = ~perms.Value & SysStat.ACCESSPERMS;
        }
        inv.State.Umask = mask;
        return inv.Exec(inv.Rest(i + 1));
    }

    static Outcome Print(Invocation inv, bool symbolic)
    {
        int mask = inv.State.Umask;
        string line;
        if (symbolic)
        {
            var parts = new List<string>();
            for (int shift = 6; shift >= 0; shift -= 3)
            {
                int allowed = ~(mask >> shift);
                var p = "ugo"[2 - shift / 3] + "=";
                if ((allowed & 4) != 0) p += "r";
                if ((allowed & 2) != 0) p += "w";
                if ((allowed & 1) != 0) p += "x";
                parts.Add(p);
            }
            line = string.Join(",", parts);
        }
        else line = Convert.ToString(mask, 8).PadLeft(4, '0');
        int e = inv.Write(1, line + "\n");
        if (e != 0) throw inv.DieErrno(111, "unable to write to stdout", e);
        return Outcome.Exit(0);
    }
}
