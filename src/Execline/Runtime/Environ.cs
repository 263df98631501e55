namespace Execline.Runtime;

/// The environment as an ordered list of NAME=VALUE byte strings. Setting or unsetting follows
/// execline's merge (the matching slot is overwritten by the last entry, then a set appends), which is
/// what fixes the order `env` prints.
public sealed class Environ
{
    readonly List<string> _entries;
    /// Name to slot, once the environment is large enough for linear lookups to turn a script that sets
    /// thousands of variables (positional parameters, fdreserve) quadratic. Null while small, or while
    /// duplicate names (possible in an inherited environ) make the first match the one that counts.
    Dictionary<string, int>? _index;
    bool _indexRefused;
    const int IndexFrom = 64;

    public Environ(IEnumerable<string> entries) => _entries = new List<string>(entries);

    public Environ Clone() => new(_entries);

    public IReadOnlyList<string> Entries => _entries;

    static int NameLength(string entry)
    {
        int i = entry.IndexOf('=');
        return i < 0 ? entry.Length : i;
    }

    static bool HasName(string entry, string name) =>
        entry.StartsWith(name, StringComparison.Ordinal) && (entry.Length == name.Length || entry[name.Length] == '=');

    int IndexOf(string name)
    {
        if (_index != null || (_entries.Count >= IndexFrom && !_indexRefused && BuildIndex()))
            return _index!.TryGetValue(name, out var slot) ? slot : -1;
        for (int i = 0; i < _entries.Count; i++)
            if (HasName(_entries[i], name)) return i;
        return -1;
    }

    bool BuildIndex()
    {
        var index = new Dictionary<string, int>(_entries.Count * 2);
        for (int i = 0; i < _entries.Count; i++)
        {
            if (index.TryAdd(_entries[i].Substring(0, NameLength(_entries[i])), i)) continue;
            _indexRefused = true;
            return false;
        }
        _index = index;
        return true;
    }

    /// After a change that moves many entries at once, lookups start over.
    void Reindex()
    {
        _index = null;
        _indexRefused = false;
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
        if (_index != null) _index[name] = _entries.Count - 1;
    }

    public void Unset(string name) => Remove(name);

    void Remove(string name)
    {
        int i = IndexOf(name);
        if (i < 0) return;
        int last = _entries.Count - 1;
        var moved = _entries[last];
        _entries[i] = moved;
        _entries.RemoveAt(last);
        if (_index == null) return;
        _index.Remove(name);
        if (i != last) _index[moved.Substring(0, NameLength(moved))] = i;
    }

    public void Clear()
    {
        _entries.Clear();
        Reindex();
    }

    /// Renames or removes entries in place (frame push and pop keep the order).
    public void Rewrite(Func<string, string, string?> rename)
    {
        var kept = new List<string>(_entries.Count);
        foreach (var e in _entries)
        {
            int n = NameLength(e);
            var name = e.Substring(0, n);
            var newName = rename(name, e);
            if (newName != null) kept.Add(newName == name ? e : newName + e.Substring(n));
        }
        _entries.Clear();
        _entries.AddRange(kept);
        Reindex();
    }

    public void RemoveWhere(Func<string, bool> nameMatches)
    {
        _entries.RemoveAll(e => nameMatches(e.Substring(0, NameLength(e))));
        Reindex();
    }
}
