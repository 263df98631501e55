using System.Collections;

namespace Execline.Runtime;

/// A command line in execlineb's block encoding, viewed without copying: a block is the same words seen
/// with one more leading space stripped. Each word is stored once as (leading spaces, rest), so reading a
/// block nested n deep costs O(words), not O(characters), and a script of 10,000 nested blocks runs in
/// linear memory instead of building and re-copying every indented word at every level.
public sealed class Words : IReadOnlyList<string>
{
    sealed class Store
    {
        public readonly int[] Lead;
        public readonly string[] Rest;
        public Store(int n) { Lead = new int[n]; Rest = new string[n]; }
    }

    readonly Store _store;
    readonly int _start;
    readonly int _strip;

    public int Count { get; }

    Words(Store store, int start, int count, int strip)
    {
        _store = store;
        _start = start;
        Count = count;
        _strip = strip;
    }

    public static readonly Words Empty = new(new Store(0), 0, 0, 0);

    /// Plain argv words (a process's argv, a substitution's output).
    public static Words Of(IReadOnlyList<string> argv)
    {
        if (argv is Words w) return w;
        var s = new Store(argv.Count);
        for (int i = 0; i < argv.Count; i++)
        {
            var word = argv[i];
            int lead = 0;
            while (lead < word.Length && word[lead] == ' ') lead++;
            s.Lead[i] = lead;
            s.Rest[i] = lead == 0 ? word : word.Substring(lead);
        }
        return new Words(s, 0, argv.Count, 0);
    }

    /// Builds words given as (block depth, text) pairs, the way the parser produces them.
    public sealed class Builder
    {
        readonly List<int> _lead = new();
        readonly List<string> _rest = new();

        public void Add(int depth, string text)
        {
            int lead = 0;
            while (lead < text.Length && text[lead] == ' ') lead++;
            _lead.Add(depth + lead);
            _rest.Add(lead == 0 ? text : text.Substring(lead));
        }

        public Words Build()
        {
            var s = new Store(_lead.Count);
            _lead.CopyTo(s.Lead);
            _rest.CopyTo(s.Rest);
            return new Words(s, 0, s.Lead.Length, 0);
        }
    }

    /// The word as this view sees it: up to Strip leading spaces removed.
    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            int j = _start + index;
            int spaces = _store.Lead[j] - Math.Min(_strip, _store.Lead[j]);
            var rest = _store.Rest[j];
            return spaces == 0 ? rest : new string(' ', spaces) + rest;
        }
    }

    /// True when the word is empty in this view: a block terminator at this level.
    public bool IsEnd(int index)
    {
        int j = _start + index;
        return _store.Rest[j].Length == 0 && _store.Lead[j] <= _strip;
    }

    /// True when the word starts with a space in this view: it belongs to a block one level down.
    public bool IsIndented(int index) => _store.Lead[_start + index] > _strip;

    public Words Slice(int from) => Slice(from, Count - from);

    public Words Slice(int from, int count)
    {
        if (from < 0 || count < 0 || from + count > Count) throw new ArgumentOutOfRangeException(nameof(from));
        return new Words(_store, _start + from, count, _strip);
    }

    /// Words [from, from+count) seen one block level down.
    public Words Inner(int from, int count)
    {
        var slice = Slice(from, count);
        return new Words(_store, slice._start, count, _strip + 1);
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
