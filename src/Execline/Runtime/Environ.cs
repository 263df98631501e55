namespace Execline.Runtime;

/// The environment as an ordered list of NAME=VALUE byte strings. Setting or unsetting follows
/// execline's merge (the matching slot is overwritten by the last entry, then a set appends), which is
/// what fixes the order `env` prints.
public sealed class Environ
{
    readonly List<string> _entries;

    public Environ(IEnumerable<string> entries) => _entries = new List<string>(entries);

    public Environ Clone() => new(_entries);

    public IReadOnlyList<string> Entries => _entries;

    static int NameLength(string entry)
    {
        int i = entry.IndexOf('=');
        return i < 0 ? entry.Length : i;
    }

    static bool HasName(string entry, string name) =>
        entry.Length >= name.Length && string.CompareOrdinal(entry, 0, name, 0, name.Length) == 0
        && (entry.Length == name.Length || entry[name.Length] == '=');

    int IndexOf(string name)
    {
        for (int i = 0; i < _entries.Count; i++)
            if (HasName(_entries[i], name)) return i;
        return -1;
    }

    public string? Get(string name)
    {
        int i = IndexOf(name);
        if (i < 0) return null;
        var e = _entries[i];
        return e.Length == name.Length ? "" : e.Substring(name.Length + 1);
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    public void Set(string name, string value)
    {
        Remove(name);
        _entries.Add(name + "=" + value);
    }

    public void Unset(string name) => Remove(name);

    void Remove(string name)
    {
        int i = IndexOf(name);
        if (i < 0) return;
        int last = _entries.Count - 1;
        _entries[i] = _entries[last];
        _entries.RemoveAt(last);
    }

    public void Clear() => _entries.Clear();

    /// Renames or removes entries in place (frame push and pop keep the order).
    public void Rewrite(Func<string, string, string?> rename)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            var e = _entries[i];
            int n = NameLength(e);
            var name = e.Substring(0, n);
            var newName = rename(name, e);
            if (newName == null) { _entries.RemoveAt(i); i--; }
            else if (newName != name) _entries[i] = newName + e.Substring(n);
        }
    }

    public void RemoveWhere(Func<string, bool> nameMatches)
    {
        _entries.RemoveAll(e => nameMatches(e.Substring(0, NameLength(e))));
    }
}
