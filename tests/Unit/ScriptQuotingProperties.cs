using Execline.Parsing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Execline.Tests.Unit;

/// Any words survive quoting and re-parsing, alone or arranged in nested blocks.
public class ScriptQuotingProperties
{
    /// A byte string without NUL, biased towards the bytes the lexer treats specially.
    static readonly Gen<string> Word =
        Gen.Frequency(
                (3, Gen.Elements('"', '\\', ' ', '\n', '\t', '{', '}', '#', '$', '0', 'x', '1')),
                (2, Gen.Choose(1, 255).Select(i => (char)i)),
                (3, Gen.Elements('a', 'b', 'c')))
            .ArrayOf()
            .Select(cs => new string(cs));

    /// A script as a tree: a word, or a block of items.
    abstract record Item;
    sealed record W(string Text) : Item;
    sealed record B(Item[] Items) : Item;

    static Gen<Item> ItemOf(int size) =>
        size <= 0
            ? Word.Select(w => (Item)new W(w))
            : Gen.Frequency(
                (4, Word.Select(w => (Item)new W(w))),
                (1, Gen.Sized(_ => ItemOf(size / 2)).ArrayOf().Select(items => (Item)new B(items))));

    static readonly Gen<Item[]> Script = Gen.Sized(n => ItemOf(n).ArrayOf());

    static void Render(IEnumerable<Item> items, System.Text.StringBuilder sb)
    {
        foreach (var item in items)
        {
            if (item is W w) sb.Append(ScriptQuoting.Quote(w.Text)).Append(' ');
            else
            {
                sb.Append("{\n");
                Render(((B)item).Items, sb);
                sb.Append("}\n");
            }
        }
    }

    /// execlineb's argv: one leading space per enclosing block, an empty word (indented) closing a block.
    static void Encode(IEnumerable<Item> items, int depth, List<string> argv)
    {
        foreach (var item in items)
        {
            if (item is W w) argv.Add(new string(' ', depth) + w.Text);
            else
            {
                Encode(((B)item).Items, depth + 1, argv);
                argv.Add(new string(' ', depth));
            }
        }
    }

    [Property(MaxTest = 300)]
    public Property Quoted_words_parse_back_to_the_same_words() =>
        Prop.ForAll(Word.ArrayOf().ToArbitrary(), words =>
        {
            var script = string.Join(" \n", words.Select(ScriptQuoting.Quote));
            return ScriptParser.Parse(script, "test").SequenceEqual(words);
        });

    [Property(MaxTest = 300)]
    public Property Nested_blocks_parse_to_the_block_encoding() =>
        Prop.ForAll(Script.ToArbitrary(), items =>
        {
            var sb = new System.Text.StringBuilder();
            Render(items, sb);
            var expected = new List<string>();
            Encode(items, 0, expected);
            return ScriptParser.Parse(sb.ToString(), "test").SequenceEqual(expected);
        });

    [Fact]
    public void A_word_with_NUL_has_no_script_form() =>
        Assert.Throws<ArgumentException>(() => ScriptQuoting.Quote("a\0b"));
}
