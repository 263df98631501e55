using System.Collections;

namespace Execline.Runtime;

/// A command line in execlineb's block encoding, viewed without copying. A block is the same words seen
/// with one more leading space stripped; a substitution shares every word it leaves unchanged. Each word
/// is stored once as (leading spaces, rest), so reading blocks nested n deep, or a chain of thousands of
/// defines, costs time in proportion to what changes, not to the whole remaining script at every step.
public sealed class Words : IReadOnlyList<string>
{
    sealed class Store
    {
        public readonly int[] Lead;
        public readonly string[] Rest;
        int[]? _nextDollar;

        public Store(int n)
        {
            Lead = new int[n];
            Rest = new string[n];
        }

        public void Set(int i, string word)
        {
            int lead = 0;
            while (lead < word.Length && word[lead] == ' ') lead++;
            Lead[i] = lead;
            Rest[i] = lead == 0 ? word : word.Substring(lead);
        }

        /// For each index, the first index at or after it whose word holds a "$" (Length when none).
        public int[] NextDollar
        {
            get
            {
                if (_nextDollar != null) return _nextDollar;
                var next = new int[Rest.Length + 1];
                next[Rest.Length] = Rest.Length;
                for (int i = Rest.Length - 1; i >= 0; i--) next[i] = Rest[i].Contains('$') ? i : next[i + 1];
                return _nextDollar = next;
            }
        }
    }

    /// A run of consecutive words of one store, seen with Strip leading spaces removed.
    sealed record Part(Store Store, int Start, int Count, int Strip);

    readonly Part[] _parts;
    /// Index of each part's first word in this view.
    readonly int[] _offsets;

    public int Count { get; }

    Words(Part[] parts)
    {
        _parts = parts;
        _offsets = new int[parts.Length];
        int n = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            _offsets[i] = n;
            n += parts[i].Count;
        }
        Count = n;
    }

    /// Plain argv words (a process's argv, a substitution's output).
    public static Words Of(IReadOnlyList<string> argv)
    {
        if (argv is Words w) return w;
        var s = new Store(argv.Count);
        for (int i = 0; i < argv.Count; i++) s.Set(i, argv[i]);
        return new Words([new Part(s, 0, argv.Count, 0)]);
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
            return new Words([new Part(s, 0, s.Lead.Length, 0)]);
        }
    }

    /// The part holding the word at index, and the word's index in that part's store.
    int Locate(int index, out Part part)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        int p = _parts.Length == 1 ? 0 : Array.BinarySearch(_offsets, index);
        if (p < 0) p = ~p - 1;
        while (_parts[p].Count == 0) p++;
        part = _parts[p];
        return part.Start + index - _offsets[p];
    }

    /// The word as this view sees it: up to Strip leading spaces removed.
    public string this[int index]
    {
        get
        {
            int j = Locate(index, out var part);
            return Word(part, j);
        }
    }

    /// The index of the first terminator at or after start (-1 if none), noting in unindented each word
    /// before it that does not belong to a block one level down.
    public int EndOfBlock(int start, List<int> unindented)
    {
        for (int p = 0; p < _parts.Length; p++)
        {
            var part = _parts[p];
            int first = Math.Max(start - _offsets[p], 0);
            var lead = part.Store.Lead;
            var rest = part.Store.Rest;
            for (int k = first; k < part.Count; k++)
            {
                int j = part.Start + k;
                if (lead[j] > part.Strip) continue;
                if (rest[j].Length == 0) return _offsets[p] + k;
                unindented.Add(_offsets[p] + k);
            }
        }
        return -1;
    }

    public Words Slice(int from) => Slice(from, Count - from);

    public Words Slice(int from, int count) => View(from, count, 0);

    /// Words [from, from+count) seen one block level down.
    public Words Inner(int from, int count) => View(from, count, 1);

    Words View(int from, int count, int deeper)
    {
        if (from < 0 || count < 0 || from + count > Count) throw new ArgumentOutOfRangeException(nameof(from));
        var parts = new List<Part>();
        int end = from + count;
        for (int p = 0; p < _parts.Length; p++)
        {
            int lo = Math.Max(from, _offsets[p]), hi = Math.Min(end, _offsets[p] + _parts[p].Count);
            if (lo >= hi) continue;
            var part = _parts[p];
            parts.Add(part with { Start = part.Start + lo - _offsets[p], Count = hi - lo, Strip = part.Strip + deeper });
        }
        return new Words(parts.ToArray());
    }

    /// These words with each word holding a "$" offered to expand, which returns its replacement words, or
    /// null to keep it. Unchanged runs are shared with this view.
    public Words Substitute(Func<string, List<string>?> expand)
    {
        List<Part>? parts = null;
        for (int pi = 0; pi < _parts.Length; pi++)
        {
            var part = _parts[pi];
            var next = part.Store.NextDollar;
            int end = part.Start + part.Count, kept = part.Start;
            for (int j = next[part.Start]; j < end; j = next[j + 1])
            {
                var replacement = expand(Word(part, j));
                if (replacement == null) continue;
                parts ??= new List<Part>(_parts[..pi]);
                if (j > kept) parts.Add(part with { Start = kept, Count = j - kept });
                if (replacement.Count > 0) parts.Add(Fresh(replacement));
                kept = j + 1;
            }
            if (parts == null) continue;
            if (end > kept) parts.Add(part with { Start = kept, Count = end - kept });
        }
        if (parts == null) return this;
        var result = new Words(parts.ToArray());
        // Many small parts make indexing and slicing slow: past a point, one flat copy is cheaper.
        return parts.Count > 32 && parts.Count > result.Count / 8 ? Of(new List<string>(result)) : result;
    }

    static Part Fresh(List<string> words)
    {
        var s = new Store(words.Count);
        for (int i = 0; i < words.Count; i++) s.Set(i, words[i]);
        return new Part(s, 0, words.Count, 0);
    }

    static string Word(Part part, int j)
    {
        int lead = part.Store.Lead[j];
        int spaces = lead - Math.Min(part.Strip, lead);
        var rest = part.Store.Rest[j];
        return spaces == 0 ? rest : new string(' ', spaces) + rest;
    }

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var part in _parts)
            for (int j = part.Start; j < part.Start + part.Count; j++) yield return Word(part, j);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
