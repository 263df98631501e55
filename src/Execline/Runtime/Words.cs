using System.Collections;

namespace Execline.Runtime;

/// A command line in execlineb's block encoding, viewed without copying. A block is the same words seen
/// with one more leading space stripped; a substitution shares every word it leaves unchanged. Each word
/// is stored once as (leading spaces, rest), so reading blocks nested n deep, or a chain of thousands of
/// defines, costs time in proportion to what changes, not to the whole remaining script at every step.
public sealed class Words : Native.IByteStrings
{
    /// The words themselves, each as (leading spaces, rest): strings given as such, or a parsed script's
    /// bytes, where a word becomes a string only while it is being read.
    sealed class Store
    {
        public readonly int Count;
        public readonly int[] Lead;
        readonly string[]? _rest;
        /// A script's bytes: the rest of word i is [_start[i], _start[i + 1]).
        readonly byte[]? _text;
        readonly int[]? _start;
        int[]? _dollars;

        public Store(IReadOnlyList<string> words)
        {
            Count = words.Count;
            Lead = new int[Count];
            _rest = new string[Count];
            for (int i = 0; i < Count; i++)
            {
                var word = words[i];
                int lead = 0;
                while (lead < word.Length && word[lead] == ' ') lead++;
                Lead[i] = lead;
                _rest[i] = lead == 0 ? word : word.Substring(lead);
            }
        }

        public Store(byte[] text, int[] lead, int[] start, int count)
        {
            Count = count;
            Lead = lead;
            _text = text;
            _start = start;
        }

        public int RestLength(int i) => _rest != null ? _rest[i].Length : _start![i + 1] - _start[i];

        /// Word i's bytes, after spaces leading spaces.
        public void CopyBytes(int i, int spaces, Span<byte> to)
        {
            to[..spaces].Fill((byte)' ');
            to = to[spaces..];
            if (_text != null)
            {
                _text.AsSpan(_start![i], to.Length).CopyTo(to);
                return;
            }
            var rest = _rest![i];
            for (int k = 0; k < to.Length; k++) to[k] = (byte)rest[k];
        }

        /// Word i with spaces leading spaces before its rest.
        public string Word(int i, int spaces)
        {
            if (_rest != null) return spaces == 0 ? _rest[i] : new string(' ', spaces) + _rest[i];
            int start = _start![i], n = _start[i + 1] - start;
            if (spaces + n == 0) return "";
            return string.Create(spaces + n, (_text!, start, spaces), static (chars, w) =>
            {
                chars[..w.spaces].Fill(' ');
                System.Text.Encoding.Latin1.GetChars(w.Item1.AsSpan(w.start, chars.Length - w.spaces), chars[w.spaces..]);
            });
        }

        /// What test says of word i's rest, read where it lies (a script's bytes are not made a string).
        public bool Concerns(int i, Func<ReadOnlySpan<char>, bool> test)
        {
            if (_rest != null) return test(_rest[i]);
            var bytes = _text.AsSpan(_start![i], _start[i + 1] - _start[i]);
            if (bytes.Length > 1024) return test(System.Text.Encoding.Latin1.GetString(bytes));
            Span<char> chars = stackalloc char[bytes.Length];
            System.Text.Encoding.Latin1.GetChars(bytes, chars);
            return test(chars);
        }

        /// The indices of the words whose rest holds a "$", ascending.
        public int[] Dollars => _dollars ??= FindDollars();

        int[] FindDollars()
        {
            var found = new List<int>();
            if (_rest != null)
            {
                for (int i = 0; i < Count; i++)
                    if (_rest[i].Contains('$')) found.Add(i);
                return found.ToArray();
            }
            if (Count == 0) return [];
            int pos = _start![0], end = _start[Count];
            while (pos < end)
            {
                int k = _text.AsSpan(pos, end - pos).IndexOf((byte)'$');
                if (k < 0) break;
                int i = WordAt(pos + k);
                found.Add(i);
                pos = _start[i + 1];
            }
            return found.ToArray();
        }

        /// The word whose bytes hold the byte at pos: the last one starting at or before it.
        int WordAt(int pos)
        {
            int lo = 0, hi = Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (_start![mid] <= pos) lo = mid;
                else hi = mid - 1;
            }
            return lo;
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
        return new Words([new Part(new Store(argv), 0, argv.Count, 0)]);
    }

    /// head's words, then these: the rest is still this view, not copied (a directive put in front of the
    /// rest of a long script).
    public Words Prefixed(IReadOnlyList<string> head) =>
        new([new Part(new Store(head), 0, head.Count, 0), .. _parts.Where(p => p.Count > 0)]);

    /// Builds the words of a parsed script, whose bytes the parser leaves in the script's buffer one word
    /// after the other: each word is its leading spaces (block depth included) and where its rest starts.
    public sealed class Builder
    {
        readonly byte[] _text;
        readonly int[] _lead, _start;
        int _count;

        /// capacity is an upper bound on the number of words; pages the arrays do not use are never touched.
        public Builder(byte[] text, int capacity)
        {
            _text = text;
            _lead = GC.AllocateUninitializedArray<int>(capacity);
            _start = GC.AllocateUninitializedArray<int>(capacity + 1);
        }

        public void Add(int lead, int restStart)
        {
            _lead[_count] = lead;
            _start[_count++] = restStart;
        }

        /// end is where the last word's rest ends.
        public Words Build(int end)
        {
            _start[_count] = end;
            return new Words([new Part(new Store(_text, _lead, _start, _count), 0, _count, 0)]);
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

    public int ByteLength(int index)
    {
        int j = Locate(index, out var part);
        return Spaces(part, j) + part.Store.RestLength(j);
    }

    /// The word's bytes, without making a string of it: to is ByteLength(index) long.
    public void CopyBytes(int index, Span<byte> to)
    {
        int j = Locate(index, out var part);
        part.Store.CopyBytes(j, Spaces(part, j), to);
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
            for (int k = first; k < part.Count; k++)
            {
                int j = part.Start + k;
                if (lead[j] > part.Strip) continue;
                if (part.Store.RestLength(j) == 0) return _offsets[p] + k;
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
    /// null to keep it. Unchanged runs are shared with this view, and so are replacements that are views.
    /// concerns, when given, sees the word first (its characters, without leading spaces, not made into a
    /// string): a word it rejects is kept without being offered.
    public Words Substitute(Func<string, IReadOnlyList<string>?> expand, Func<ReadOnlySpan<char>, bool>? concerns = null)
    {
        List<Part>? parts = null;
        for (int pi = 0; pi < _parts.Length; pi++)
        {
            var part = _parts[pi];
            var dollars = part.Store.Dollars;
            int end = part.Start + part.Count, kept = part.Start;
            for (int d = FirstAtOrAfter(dollars, part.Start); d < dollars.Length && dollars[d] < end; d++)
            {
                int j = dollars[d];
                if (concerns != null && !part.Store.Concerns(j, concerns)) continue;
                var replacement = expand(Word(part, j));
                if (replacement == null) continue;
                parts ??= new List<Part>(_parts[..pi]);
                if (j > kept) parts.Add(part with { Start = kept, Count = j - kept });
                if (replacement is Words view) parts.AddRange(view._parts.Where(x => x.Count > 0));
                else if (replacement.Count > 0) parts.Add(Fresh(replacement));
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

    static Part Fresh(IReadOnlyList<string> words) => new(new Store(words), 0, words.Count, 0);

    /// The index of the first entry at or after index in sorted, ascending indices.
    static int FirstAtOrAfter(int[] sorted, int index)
    {
        int i = Array.BinarySearch(sorted, index);
        return i >= 0 ? i : ~i;
    }

    static string Word(Part part, int j) => part.Store.Word(j, Spaces(part, j));

    /// The leading spaces of word j as the part sees it: up to Strip of them removed.
    static int Spaces(Part part, int j)
    {
        int lead = part.Store.Lead[j];
        return lead - Math.Min(part.Strip, lead);
    }

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var part in _parts)
            for (int j = part.Start; j < part.Start + part.Count; j++) yield return Word(part, j);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
