using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-ps [ -H ] [ -w spacing ] [ -W wchanfile ] [ -l | -o field,field... ] — list the processes of /proc
/// in columns under a header, by pid or as a tree (-H: kernel threads first, children indented under
/// their parent). Default fields user,pid,tty,s,start,args; -l adds cpcpu,pmem,vsize,rss,cttime.
/// -W is accepted: the kernel no longer gives names of wait channels.
public sealed class S6Ps : Builtin
{
    public override string Usage => "s6-ps [ -H ] [ -w spacing ] [ -W wchanfile ] [ -l | -o field,field... ]";

    public override Outcome Run(Invocation inv)
    {
        var fields = Pick("user,pid,tty,s,start,args");
        bool tree = false;
        int spacing = 2;
        var g = new Getopt(inv.Argv, "Hlw:W:o:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'H': tree = true; break;
                case 'l': fields = Pick("user,pid,cpcpu,pmem,vsize,rss,tty,s,start,cttime,args"); break;
                case 'w': if (!Numbers.TryUInt(arg, out spacing)) throw inv.Usage(); break;
                case 'W': break;
                case 'o': fields = ParseFields(inv, arg!); break;
                default: throw inv.Usage();
            }
        }
        spacing = Math.Clamp(spacing, 1, 256);
        var processes = ProcessList.Read(fields.Any(f => f.Name == "env"))
                        ?? throw inv.DieErrno(111, "unable to open /proc", Native.Errno.Value);
        processes.Sort((a, b) => a.Pid.CompareTo(b.Pid));
        if (tree) processes = TreeOrder(processes);
        var context = new PsContext();
        var cells = processes.Select(p => fields.Select(f => f.Format(context, p)).ToArray()).ToList();
        var widths = fields.Select((f, j) => cells.Select(r => r[j].Length).Append(f.Header.Length).Max()).ToArray();
        var output = new Output(inv);
        WriteRow(output, fields, widths, spacing, fields.Select(f => f.Header).ToArray());
        foreach (var row in cells) WriteRow(output, fields, widths, spacing, row);
        output.Flush();
        return Outcome.Exit(0);
    }

    static PsField[] Pick(string names) => names.Split(',').Select(n => PsField.All.First(f => f.Name == n)).ToArray();

    static PsField[] ParseFields(Invocation inv, string list)
    {
        var fields = new List<PsField>();
        foreach (var name in list.Split(','))
        {
            if (name.Length == 0) throw inv.Die(100, "invalid (empty) field for -o option");
            var f = PsField.All.FirstOrDefault(x => x.Name == name) ?? throw inv.Die(100, $"invalid field for -o option: {name}");
            if (fields.Contains(f)) throw inv.Die(100, $"duplicate field for -o option: {name}");
            fields.Add(f);
        }
        return fields.ToArray();
    }

    /// Columns padded to their widths (numbers on the right), spacing between, nothing after the last.
    static void WriteRow(Output output, PsField[] fields, int[] widths, int spacing, string[] row)
    {
        for (int j = 0; j < fields.Length; j++)
        {
            var pad = new string(' ', widths[j] - row[j].Length);
            if (fields[j].Right) output.Put(pad);
            output.Put(row[j]);
            if (j < fields.Length - 1) output.Put((fields[j].Right ? "" : pad) + new string(' ', spacing));
        }
        output.Put('\n');
    }

    /// Depth-first from the processes whose parent is not listed, by pid but init last (so kernel threads
    /// come first), children by pid; init's children are not indented under it.
    static List<ProcessEntry> TreeOrder(List<ProcessEntry> byPid)
    {
        var pids = byPid.Select(p => p.Pid).ToHashSet();
        var children = byPid.GroupBy(p => pids.Contains(p.Ppid) && p.Ppid != p.Pid ? p.Ppid : 0)
            .ToDictionary(grp => grp.Key, grp => grp.ToList());
        var ordered = new List<ProcessEntry>();
        void Visit(ProcessEntry p, int height)
        {
            if (p.Pid == 1) height = -1;
            p.Height = Math.Max(height, 0);
            ordered.Add(p);
            if (children.TryGetValue(p.Pid, out var kids))
                foreach (var k in kids) Visit(k, height + 1);
        }
        if (children.TryGetValue(0, out var roots))
            foreach (var r in roots.OrderBy(r => r.Pid == 1)) Visit(r, 0);
        return ordered;
    }
}
