using System.Globalization;

namespace Execline.Rc.Database;

/// COMPILED/db, the one file of our compiled format (not s6-rc's binary one: only our tools read it).
/// Text lines of fields separated by one space, the name always last so it may hold spaces and tabs
/// (never a newline: s6-rc-compile refuses those):
///
///     execline-cs s6-rc database 1                       format and version
///     longrun FLAGS UP DOWN DEPS CONSUMER PRODUCERS NAME  one per longrun, index order (0, 1, ...)
///     oneshot FLAGS UP DOWN DEPS UPLEN DOWNLEN RELOADLEN NAME
///     UP DOWN RELOAD                                      right after its line: the three command
///                                                         lines, LEN bytes each, every word ended by NUL
///     bundle CONTENTS NAME                                 one per bundle, s6-rc-compile's order
///     end
///
/// FLAGS is the flag bits in decimal (1 essential, 2 recommended, bundles' already given to their
/// contents), UP and DOWN the timeouts in ms, DEPS, PRODUCERS and CONTENTS atomic indices in ascending
/// (producers: s6-rc's) order joined by commas or "-" for none, CONSUMER an index or "-". Oneshots
/// follow the longruns, so a service's index is its rank among the longrun and oneshot lines.
public static class DatabaseFile
{
    public const string Name = "db";
    const string Magic = "execline-cs s6-rc database 1";

    public static byte[] Encode(ServiceDatabase db)
    {
        var o = new MemoryStream();
        Line(o, Magic);
        foreach (var s in db.Services)
        {
            string common = $"{(uint)s.Flags} {s.TimeoutUp} {s.TimeoutDown} {List(s.Dependencies)}";
            if (s.Type == ServiceType.Longrun)
            {
                Line(o, $"longrun {common} {(s.Consumer < 0 ? "-" : s.Consumer.ToString())} {List(s.Producers)} {s.Name}");
                continue;
            }
            var scripts = s.Scripts!;
            byte[] up = Argv(scripts.Up), down = Argv(scripts.Down), reload = Argv(scripts.Reload);
            Line(o, $"oneshot {common} {up.Length} {down.Length} {reload.Length} {s.Name}");
            o.Write(up);
            o.Write(down);
            o.Write(reload);
        }
        foreach (var b in db.Bundles) Line(o, $"bundle {List(b.Contents)} {b.Name}");
        Line(o, "end");
        return o.ToArray();
    }

    /// COMPILED/db, or the RcError s6-rc-db gives for a database it cannot read (111) or use (4).
    public static ServiceDatabase Load(string compiled)
    {
        string path = $"{compiled}/{Name}";
        var data = Disk.ReadAll(path, out int errno, out _) ?? throw new RcError(111, $"unable to read {path}", errno);
        return Decode(data) ?? throw new RcError(4, $"invalid service database in {path}");
    }

    /// The database in data, or null when data is not one (another format or version, a damaged file).
    public static ServiceDatabase? Decode(byte[] data)
    {
        try
        {
            return new Reader(data).Read();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// The words of a command line, each ended by a NUL (what `s6-rc-db script` prints).
    public static byte[] Argv(IReadOnlyList<string> words)
    {
        var o = new MemoryStream();
        foreach (var w in words)
        {
            o.Write(Text.Bytes.ToBytes(w));
            o.WriteByte(0);
        }
        return o.ToArray();
    }

    static string List(int[] indices) => indices.Length == 0 ? "-" : string.Join(',', indices);

    static void Line(MemoryStream o, string text)
    {
        o.Write(Text.Bytes.ToBytes(text));
        o.WriteByte((byte)'\n');
    }

    sealed class Reader(byte[] data)
    {
        int _pos;

        public ServiceDatabase Read()
        {
            if (NextLine() != Magic) throw new FormatException();
            var services = new List<Service>();
            var bundles = new List<Bundle>();
            int longruns = 0;
            while (true)
            {
                var line = NextLine();
                if (line == "end") break;
                int space = line.IndexOf(' ');
                var kind = space < 0 ? line : line[..space];
                switch (kind)
                {
                    case "longrun" when services.Count == longruns && bundles.Count == 0:
                    {
                        var f = Fields(line, 8);
                        services.Add(new Service
                        {
                            Name = Name(f[7]), Type = ServiceType.Longrun, Flags = Flags(f[1]),
                            TimeoutUp = Number(f[2]), TimeoutDown = Number(f[3]), Dependencies = Indices(f[4]),
                            Consumer = f[5] == "-" ? -1 : (int)Number(f[5]), Producers = Indices(f[6], ascending: false),
                        });
                        longruns++;
                        break;
                    }
                    case "oneshot" when bundles.Count == 0:
                    {
                        var f = Fields(line, 9);
                        var scripts = new OneshotScripts(Words(Number(f[5])), Words(Number(f[6])), Words(Number(f[7])));
                        services.Add(new Service
                        {
                            Name = Name(f[8]), Type = ServiceType.Oneshot, Flags = Flags(f[1]),
                            TimeoutUp = Number(f[2]), TimeoutDown = Number(f[3]), Dependencies = Indices(f[4]),
                            Scripts = scripts,
                        });
                        break;
                    }
                    case "bundle":
                    {
                        var f = Fields(line, 3);
                        bundles.Add(new Bundle(Name(f[2]), Indices(f[1])));
                        break;
                    }
                    default: throw new FormatException();
                }
            }
            if (_pos != data.Length) throw new FormatException();
            Validate(services, longruns, bundles);
            return new ServiceDatabase(services, longruns, bundles);
        }

        /// Every index in range, pipelines between longruns, names unique.
        static void Validate(List<Service> services, int longruns, List<Bundle> bundles)
        {
            int n = services.Count;
            bool InRange(int i) => i < n;
            foreach (var s in services)
            {
                if (!s.Dependencies.All(InRange) || s.Consumer >= longruns || !s.Producers.All(i => i < longruns))
                    throw new FormatException();
            }
            if (bundles.Any(b => !b.Contents.All(InRange))) throw new FormatException();
            var names = services.Select(s => s.Name).Concat(bundles.Select(b => b.Name));
            if (names.Distinct(StringComparer.Ordinal).Count() != n + bundles.Count) throw new FormatException();
        }

        string NextLine()
        {
            int end = Array.IndexOf(data, (byte)'\n', _pos);
            if (end < 0) throw new FormatException();
            var line = Text.Bytes.Latin1(data.AsSpan(_pos, end - _pos));
            _pos = end + 1;
            return line;
        }

        /// The command line of the next length bytes.
        List<string> Words(uint length)
        {
            if (length > data.Length - _pos || (length > 0 && data[_pos + (int)length - 1] != 0))
                throw new FormatException();
            var words = new List<string>();
            int end = _pos + (int)length;
            while (_pos < end)
            {
                int nul = Array.IndexOf(data, (byte)0, _pos, end - _pos);
                words.Add(Text.Bytes.Latin1(data.AsSpan(_pos, nul - _pos)));
                _pos = nul + 1;
            }
            return words;
        }

        /// The line's count fields, the last one the rest of the line (a name).
        static string[] Fields(string line, int count)
        {
            var f = line.Split(' ', count);
            if (f.Length != count) throw new FormatException();
            return f;
        }

        static string Name(string s) => s.Length > 0 ? s : throw new FormatException();

        static uint Number(string s) =>
            uint.TryParse(s, NumberStyles.None, null, out var v) && v <= int.MaxValue ? v : throw new FormatException();

        static ServiceFlags Flags(string s) => (ServiceFlags)Number(s);

        static int[] Indices(string s, bool ascending = true)
        {
            if (s == "-") return [];
            var list = s.Split(',').Select(x => (int)Number(x)).ToArray();
            bool ok = ascending
                ? list.Zip(list.Skip(1)).All(p => p.First < p.Second)
                : list.Distinct().Count() == list.Length;
            return ok ? list : throw new FormatException();
        }
    }
}
