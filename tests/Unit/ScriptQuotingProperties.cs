using CsCheck;
using Execline.Parsing;

namespace Execline.Tests.Unit;

/// Any words survive quoting and re-parsing, alone or arranged in nested blocks.
public class ScriptQuotingProperties
{
    /// A word as scripts have them: a few pieces, each a run of ordinary text or one byte the lexer treats
    /// specially, or now and then any other byte but NUL. Shrinking drops pieces, shortens runs and moves
    /// towards the first bytes listed.
    static readonly Gen<string> Piece =
        Gen.Frequency(
            (4, Gen.Char["abcxyz0123456789_-./=:ABC"].Array[1, 8].Select(cs => new string(cs))),
            (3, Gen.Char[" \"\\\n\t{}#$"].Select(c => c.ToString())),
            (1, Gen.Char['\x01', '\xff'].Select(c => c.ToString())));

    static readonly Gen<string> Word = Piece.Array[0, 5].Select(string.Concat);

    /// A script as a tree: a word, or a block of items.
    abstract record Item;
    sealed record W(string Text) : Item;
    sealed record B(Item[] Items) : Item;

    /// At most three levels of blocks, each of a few items.
    static readonly Gen<Item> AnItem =
        Gen.Recursive<Item>((depth, item) =>
            depth >= 3
                ? Word.Select(w => (Item)new W(w))
                : Gen.Frequency(
                    (4, Word.Select(w => (Item)new W(w))),
                    (1, item.Array[0, 4].Select(items => (Item)new B(items)))));

    static readonly Gen<Item[]> Script = AnItem.Array[0, 8];

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

    [Fact]
    public void Quoted_words_parse_back_to_the_same_words() =>
        Word.Array[0, 20].Sample(words =>
        {
            var script = string.Join(" \n", words.Select(ScriptQuoting.Quote));
            return ScriptParser.Parse(script, "test").SequenceEqual(words);
        }, iter: 2000);

    [Fact]
    public void Nested_blocks_parse_to_the_block_encoding() =>
        Script.Sample(items =>
        {
            var expected = new List<string>();
            Encode(items, 0, expected);
            return ScriptParser.Parse(Rendered(items), "test").SequenceEqual(expected);
        }, iter: 2000, print: Rendered);

    static string Rendered(Item[] items)
    {
        var sb = new System.Text.StringBuilder();
        Render(items, sb);
        return sb.ToString();
    }

    [Fact]
    public void A_word_with_NUL_has_no_script_form() =>
        Assert.Throws<ArgumentException>(() => ScriptQuoting.Quote("a\0b"));
}
