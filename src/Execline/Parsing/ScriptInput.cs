using Sprache;

namespace Execline.Parsing;

/// A position in a script, as Sprache's parsers see it. Sprache's own Input makes a dictionary of memos at
/// every character it advances over, which dominated the time a short script took to start; this one makes
/// none until asked, and lets a run of characters be skipped with one object.
sealed class ScriptInput : IInput
{
    IDictionary<object, object>? _memos;

    public ScriptInput(string source) : this(source, 0, 1, 1) { }

    ScriptInput(string source, int position, int line, int column)
    {
        Source = source;
        Position = position;
        Line = line;
        Column = column;
    }

    public string Source { get; }
    public int Position { get; }
    public int Line { get; }
    public int Column { get; }
    public bool AtEnd => Position == Source.Length;
    public char Current => Source[Position];
    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance() => Skip(1);

    /// The position count characters further on.
    public ScriptInput Skip(int count)
    {
        if (count > Source.Length - Position) throw new InvalidOperationException("cannot advance past the end of the script");
        int line = Line, column = Column;
        for (int p = Position; p < Position + count; p++)
        {
            if (Source[p] == '\n') { line++; column = 1; }
            else column++;
        }
        return new ScriptInput(Source, Position + count, line, column);
    }

    public bool Equals(IInput? other) => other != null && ReferenceEquals(Source, other.Source) && Position == other.Position;
    public override bool Equals(object? obj) => obj is IInput other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
    public override string ToString() => $"Line {Line}, Column {Column}";
}
