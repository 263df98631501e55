using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// multisubstitute { directive... } prog...
/// Runs several substitution directives (define, importas, elglob, elgetpositionals, multidefine, with
/// their commands' syntax) and substitutes all their keys in ONE pass: no value sees another key.
public sealed class Multisubstitute : Builtin
{
    public override string Usage => "see http://skarnet.org/software/execline/multisubstitute.html";

    static SubstitutionDirective? Directive(string name) =>
        Array.Find(VariablesFamily.Commands, c => c.AnswersTo(name))?.Make() as SubstitutionDirective;

    public override Outcome Run(Invocation inv)
    {
        var argv = inv.Argv;
        if (argv.Count < 2) throw inv.Usage();
        var set = new SubstitutionSet();
        int end = SubstitutionDirective.ReadBlock(inv, argv, 1, set, out var block);
        if (end < 0) throw set.WithWarnings(inv.Die(100, "unterminated block"));
        if (end + 1 == argv.Count) throw set.WithWarnings(inv.Usage());
        int i = 0;
        while (i < block.Count)
        {
            var name = block[i];
            var directive = Directive(name) ?? throw set.WithWarnings(inv.Die(100, $"syntax error: unrecognized directive {name}"));
            try
            {
                i = directive.Parse(inv, block, i, set);
            }
            catch (DirectiveError e)
            {
                throw set.WithWarnings(e.What switch
                {
                    DirectiveError.Kind.Syntax => inv.Die(100, $"syntax error at directive {name}"),
                    DirectiveError.Kind.Key => inv.Die(100, $"wrong key for directive {name}"),
                    DirectiveError.Kind.System => inv.DieErrno(111, $"unable to run directive {name}", e.Errno),
                    _ => inv.Die(111, $"unknown error with directive {name}"),
                });
            }
            catch (Fatal f)
            {
                throw set.WithWarnings(f);
            }
        }
        set.Flush(inv);
        foreach (var u in set.Unsets) inv.Env.Unset(u);
        return Outcome.Exec(Substitutor.Apply(inv.Rest(end + 1), set.Values));
    }
}
