using Execline.Native;

namespace Execline.Rc.Sources;

/// The lists of names a definition directory holds (dependencies, contents, producer-for, ...): a
/// directory whose entries are the names, or a file of one name per line. Every name read is recorded in
/// the name table, and refused there if it has a reserved prefix.
static class NameLists
{
    /// The entries of SRC/NAME/LIST not starting with a dot, in directory order; null when there is no
    /// such directory.
    public static List<string>? FromDirectory(NameTable names, DefinitionFiles files, string service, string list)
    {
        string path = files.PathOf(list);
        var entries = files.List(list, out int errno);
        if (entries == null)
        {
            if (errno == Errno.ENOENT) return null;
            throw new RcError(111, $"unable to opendir {path}", errno);
        }
        var result = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.StartsWith('.')) continue;
            names.Mention(service, entry);
            result.Add(entry);
        }
        return result;
    }

    /// The names of the file SRC/NAME/LIST: one a line, blanks (spaces, tabs) before it skipped, blanks
    /// after it kept, empty lines and lines starting with # ignored, a name listed twice kept once. Null
    /// when there is no such file.
    public static List<string>? FromFile(NameTable names, CompileLog log, DefinitionFiles files, string service, string list)
    {
        string path = files.PathOf(list);
        var data = files.ReadAll(list, out int errno, out bool opened);
        if (data == null)
        {
            if (!opened && errno == Errno.ENOENT) return null;
            throw new RcError(111, $"unable to {(opened ? "read" : "open")} {path}", errno);
        }
        var result = new List<string>();
        int start = 0;
        while (start < data.Length)
        {
            int end = Array.IndexOf(data, (byte)'\n', start);
            if (end < 0) end = data.Length;
            int i = start;
            while (i < end && (data[i] == ' ' || data[i] == '\t')) i++;
            // a line is a C string there: it ends at a NUL
            int nul = Array.IndexOf(data, (byte)0, i, end - i);
            int stop = nul < 0 ? end : nul;
            if (i < stop && data[i] != '#')
            {
                var name = Text.Bytes.Latin1(data.AsSpan(i, stop - i));
                names.Mention(service, name);
                if (result.Contains(name)) log.Notice($"in {path}: name listed more than once: {name}");
                else result.Add(name);
            }
            start = end + 1;
        }
        return result;
    }
}
