using System.Globalization;
using Execline.Native;
using Execline.Parsing;
using Execline.Rc.Database;

namespace Execline.Rc.Sources;

/// One service definition directory, SRC/NAME, read as s6-rc-compile reads it: the type first, then what
/// every atomic service may have, then what its type has, each file in s6-rc-compile's order so that the
/// first problem found is the one it would report.
sealed class ServiceDirectory(SourceSet set, string srcdir, string name)
{
    readonly DefinitionFiles _files = new($"{srcdir}/{name}");
    NameTable Names => set.Names;
    CompileLog Log => set.Log;

    string PathOf(string file) => _files.PathOf(file);

    public void Read()
    {
        Log.Detail($"parsing {_files.Dir}");
        switch (ReadType())
        {
            case ServiceType.Longrun: ReadLongrun(); break;
            case ServiceType.Oneshot: ReadOneshot(); break;
            case ServiceType.Bundle: ReadBundle(); break;
            default: throw new RcError(1, $"invalid {PathOf("type")}: must be oneshot, longrun, or bundle");
        }
    }

    /// The first 8 bytes of type, less one final newline, must be exactly a type's word.
    ServiceType ReadType()
    {
        var data = _files.ReadPrefix("type", 8, out int errno)
            ?? throw new RcError(111, $"unable to read {PathOf("type")}", errno);
        int n = data.Length;
        if (n < 6) return ServiceType.Undefined;
        if (data[n - 1] == '\n') n--;
        if (n == 8) return ServiceType.Undefined;
        return CString(data, n) switch
        {
            "longrun" => ServiceType.Longrun,
            "oneshot" => ServiceType.Oneshot,
            "bundle" => ServiceType.Bundle,
            _ => ServiceType.Undefined,
        };
    }

    void ReadOneshot()
    {
        Log.Detail($"{name} has type oneshot");
        var oneshot = new OneshotDefinition(name, _files);
        ReadCommon(oneshot, ServiceType.Oneshot, set.Oneshots.Count);
        var reload = ReadScript("reload", mandatory: false);
        var up = ReadScript("up", mandatory: true);
        var down = ReadScript("down", mandatory: false);
        oneshot.Scripts = new OneshotScripts(up, down, reload);
        oneshot.Dependencies.Add(InternalServices.OneshotRunner);
        set.Oneshots.Add(oneshot);
    }

    void ReadLongrun()
    {
        Log.Detail($"{name} has type longrun");
        var longrun = new LongrunDefinition(name, _files);
        ReadCommon(longrun, ServiceType.Longrun, set.Longruns.Count);
        CheckRunScript();
        bool producer = false, lastConsumer = false;
        if (NameLists.FromFile(Names, Log, _files, name, "producer-for") is { } consumers)
        {
            if (consumers.Count != 1) throw new RcError(1, $"{PathOf("producer-for")} should only contain one service name");
            longrun.Consumer = consumers[0];
            longrun.Dependencies.Add(consumers[0]);
            longrun.Dependencies.Add(InternalServices.FdHolder);
            Log.Detail($"{name} is a producer for {consumers[0]}");
            producer = true;
        }
        if (NameLists.FromFile(Names, Log, _files, name, "consumer-for") is { Count: > 0 } producers)
        {
            if (!producer)
            {
                // s6-rc-compile stores the pipe's holder in the first producer's slot of its list, which
                // then continues in the dependencies, and moves that producer to the end
                producers.Add(producers[0]);
                producers.RemoveAt(0);
                longrun.Dependencies.Add(InternalServices.FdHolder);
                lastConsumer = true;
            }
            longrun.Producers.AddRange(producers);
            foreach (var p in producers) Log.Detail($"{name} is a consumer for {p}");
        }
        if (lastConsumer)
        {
            if (NameLists.FromFile(Names, Log, _files, name, "pipeline-name") is { } pipeline)
            {
                if (pipeline.Count != 1) throw new RcError(1, $"{PathOf("pipeline-name")} should only contain one name");
                longrun.PipelineName = pipeline[0];
            }
        }
        else if (Exists("pipeline-name", "access"))
            Log.Warn($"{_files.Dir} contains a pipeline-name file despite not being a last consumer; this file will be ignored");
        set.Longruns.Add(longrun);
    }

    void ReadBundle()
    {
        Log.Detail($"{name} has type bundle");
        var bundle = new BundleDefinition(name, _files);
        Names.Define(srcdir, name, ServiceType.Bundle, set.Bundles.Count);
        var contents = NameLists.FromDirectory(Names, _files, name, "contents.d")
            ?? NameLists.FromFile(Names, Log, _files, name, "contents")
            ?? throw new RcError(111, $"unable to open {PathOf("contents")}", Errno.ENOENT);
        bundle.Contents.AddRange(contents);
        bundle.Flags = ReadFlags();
        set.Bundles.Add(bundle);
    }

    /// The name, dependencies, timeouts and flags every atomic service may have.
    void ReadCommon(AtomicDefinition service, ServiceType type, int index)
    {
        Names.Define(srcdir, name, type, index);
        var deps = NameLists.FromDirectory(Names, _files, name, "dependencies.d")
            ?? NameLists.FromFile(Names, Log, _files, name, "dependencies");
        if (deps != null) service.Dependencies.AddRange(deps);
        service.TimeoutDown = ReadTimeout("timeout-down");
        service.TimeoutUp = ReadTimeout("timeout-up");
        service.Flags = ReadFlags();
    }

    /// Milliseconds, 0 when the file is absent: decimal digits only (trailing newlines allowed), at most
    /// 63 bytes read, within 32 bits.
    uint ReadTimeout(string file)
    {
        var data = _files.ReadPrefix(file, 63, out int errno);
        if (data == null)
        {
            if (errno != Errno.ENOENT) throw new RcError(111, $"unable to read {PathOf(file)}", errno);
            return 0;
        }
        int n = data.Length;
        while (n > 0 && data[n - 1] == '\n') n--;
        if (!uint.TryParse(CString(data, n), NumberStyles.None, null, out var ms))
            throw new RcError(1, $"invalid {PathOf(file)}");
        return ms;
    }

    ServiceFlags ReadFlags()
    {
        var flags = ServiceFlags.None;
        if (Exists("flag-essential", "read")) flags |= ServiceFlags.Essential;
        if (Exists("flag-recommended", "read")) flags |= ServiceFlags.Recommended;
        return flags;
    }

    /// Whether the file is there; any error but its absence ends the compilation, "unable to VERB" it.
    bool Exists(string file, string verb) =>
        _files.Exists(file, out int errno) ?? throw new RcError(111, $"unable to {verb} {PathOf(file)}", errno);

    /// run must be there and be a regular file (a link to one will do); it is copied when the database
    /// is written.
    void CheckRunScript()
    {
        var regular = _files.IsRegularFile("run", out int errno, out bool failedOpen);
        if (regular == null)
        {
            if (failedOpen && errno == Errno.ENOENT) throw new RcError(1, $"unable to find a run script in {PathOf("run")}");
            throw new RcError(111, $"unable to {(failedOpen ? "open" : "stat")} {PathOf("run")}", errno);
        }
        if (regular == false) throw new RcError(1, $"{PathOf("run")} is not a regular file");
    }

    /// An up, down or reload file: one execline command line, lexed now so a syntax error stops the
    /// compilation and names where it is. An absent optional file is an empty command line.
    IReadOnlyList<string> ReadScript(string file, bool mandatory)
    {
        string path = PathOf(file);
        var data = _files.ReadAll(file, out int errno, out bool opened);
        if (data == null)
        {
            if (!opened && (errno != Errno.ENOENT || mandatory)) throw new RcError(111, $"unable to open {path}", errno);
            if (opened) throw new RcError(111, $"unable to parse {path}", errno);
            return [];
        }
        try
        {
            return ScriptParser.Parse(data, data.Length, path).ToList();
        }
        catch (ScriptError e) when (e.Kind == "syntax error")
        {
            throw new RcError(1, $"syntax error in {path} at line {e.Line}, column {e.Column}: {e.Detail}");
        }
        catch (ScriptError e)
        {
            throw new RcError(1, $"syntax error in {path}: {e.Kind} at line {e.Line}, column {e.Column}: {e.Detail}");
        }
    }

    /// The bytes up to the first NUL, as C reads a buffer.
    static string CString(byte[] data, int length)
    {
        int nul = Array.IndexOf(data, (byte)0, 0, length);
        return Text.Bytes.Latin1(data.AsSpan(0, nul < 0 ? length : nul));
    }
}
