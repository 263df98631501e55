using System.Text;
using Execline.Parsing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Execline.Tests.Conformance;

/// Bounded random scripts over the pure builtins give the same stdout and exit code under both
/// interpreters.
public class RandomScriptProperties
{
    static readonly string[] Names = ["x", "y", "z"];

    static readonly Gen<string> Value =
        Gen.Elements("", "a", "b c", " d ", "e\nf", "$x", "${y}z", "\\$x", "{", "}", "-n", "1", "0", "007", "a:b")
            .ArrayOf()
            .Select(parts => string.Concat(parts.Take(3)));

    static Gen<string> Word => Gen.OneOf(Value.Select(ScriptQuoting.Quote), Gen.Elements(Names).Select(n => "$" + n),
        Gen.Elements(Names).Select(n => "${" + n + "}"));

    static Gen<string> Print => Word.ArrayOf().Select(ws => "a " + string.Join(" ", ws.Take(4)));

    static Gen<string> Condition =>
        Gen.OneOf(
            Gen.Elements("eltest -n", "eltest -z").Combine(Word, (t, w) => $"{t} {w}"),
            Word.Combine(Word, (a, b) => $"eltest {a} = {b}"),
            Gen.Choose(0, 3).Select(n => $"exit {n}"));

    static Gen<string> Statement(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Elements(Names).Combine(Value, (n, v) => $"define {n} {ScriptQuoting.Quote(v)}"),
            Gen.Elements(Names).Combine(Value, (n, v) => $"define -s {n} {ScriptQuoting.Quote(v)}"),
            Gen.Elements(Names).Combine(Value, (n, v) => $"define -sCd : {n} {ScriptQuoting.Quote(v)}"),
            Gen.Elements(Names).Combine(Value, (n, v) => $"importas -D {ScriptQuoting.Quote(v)} {n} UNSET_{n}"),
            Gen.Elements(Names).Combine(Value, (n, v) => $"importas -sD {ScriptQuoting.Quote(v)} {n} UNSET_{n}"),
            Gen.Elements(Names).Combine(Value, (n, v) =>
                $"multisubstitute {{ define {n} {ScriptQuoting.Quote(v)} importas -D {ScriptQuoting.Quote(v + "!")} {(n == "x" ? "y" : "x")} NONE }}"));
        if (depth <= 0) return leaf;
        var block = Statement(depth - 1).ArrayOf().Combine(Print, (ss, p) => string.Join("\n", ss.Take(3).Append(p)));
        return Gen.Frequency(
            (4, leaf),
            (1, block.Select(b => $"foreground {{\n{b}\n}}")),
            (1, Condition.Combine(block.Combine(block, (t, e) => (t, e)), (c, te) => $"ifelse {{ {c} }} {{\n{te.t}\n}}")),
            (1, Gen.Elements(Names).Combine(Value.ArrayOf().Combine(block, (vs, b) => (vs, b)), (n, vb) =>
                $"forx -E {n} {{ {string.Join(" ", vb.vs.Take(3).Select(ScriptQuoting.Quote))} }} {{\n{vb.b}\n}}")));
    }

    static readonly Gen<string> Script =
        Statement(2).ArrayOf().Combine(Print.Combine(Gen.Choose(0, 4), (p, e) => (p, e)),
            (ss, end) => string.Join("\n", ss.Take(6)) + "\n" + end.p + "\n" + (end.e == 0 ? "" : $"exit {end.e}\n"));

    [Property(MaxTest = 60)]
    public Property Random_pure_scripts_print_and_exit_as_upstream() =>
        Prop.ForAll(Script.ToArbitrary(), script =>
        {
            var snippet = "cat > s.el <<'EOF_SCRIPT'\n" + script + "EOF_SCRIPT\nexeclineb s.el\n";
            var real = Sandbox.Execute("real", snippet);
            var ours = Sandbox.Execute("ours", snippet);
            bool same = real.Stdout.AsSpan().SequenceEqual(ours.Stdout) && real.ExitCode == ours.ExitCode;
            return same.Label(Verdict.Report(new Case("random", "random", null, snippet), ["stdout or exit code differs"], real, ours));
        });
}

static class GenPairs
{
    public static Gen<R> Combine<A, B, R>(this Gen<A> a, Gen<B> b, Func<A, B, R> f) =>
        a.SelectMany(x => b.Select(y => f(x, y)));
}
