namespace Execline.Admin.Check;

/// Every command an execline script names, the first word of each command of its chain and of the
/// command lines in its blocks, is a builtin of ours, a program in the image's PATH or an absolute path
/// that exists in the image. A word with a substitution in it ($1, ${x}) is only known at run time and is
/// left alone; so are the arguments of a program (or of a builtin whose syntax is not known here).
static class CommandCheck
{
    public const string Kind = "command";

    public static void Run(CheckContext cx, string file, List<ScriptNode> script) => Walk(cx, file, script, 0);

    static void Walk(CheckContext cx, string file, List<ScriptNode> nodes, int i)
    {
        while (i < nodes.Count && !nodes[i].IsBlock)
        {
            var command = nodes[i];
            if (command.Word.Contains('$')) return;
            if (!ChainSyntax.Builtins.TryGetValue(command.Word, out var syntax))
            {
                if (!Exists(cx, command.Word))
                    cx.Add(Finding.Error(Kind, file, command.Line, command.Column, Missing(cx, command.Word)));
                return;
            }
            i++;
            bool sameName = false;
            while (i < nodes.Count && !nodes[i].IsBlock && nodes[i].Word.Length > 1 && nodes[i].Word[0] == '-')
            {
                var option = nodes[i++].Word;
                if (option == "--") break;
                for (int k = 1; k < option.Length; k++)
                {
                    if (option[k] == 'S' && command.Word == "importas") sameName = true;
                    if (!syntax.TakesValue(option[k])) continue;
                    if (k + 1 == option.Length) i++;
                    break;
                }
            }
            // importas -S VAR: one name for both the variable and what it imports
            var shape = sameName ? syntax.Shape[1..] : syntax.Shape;
            foreach (var part in shape)
            {
                if (i >= nodes.Count || nodes[i].IsBlock != (part != 'a')) return;
                if (part == 'p') Walk(cx, file, nodes[i].Block!, 0);
                i++;
            }
        }
    }

    static bool Exists(CheckContext cx, string name)
    {
        if (name.StartsWith('/')) return cx.Root.IsRegularFile(name);
        // relative to a directory known only at run time
        if (name.Contains('/')) return true;
        return cx.Ours.Contains(name) || cx.Path.Any(dir => cx.Root.IsExecutableFile($"{dir}/{name}"));
    }

    static string Missing(CheckContext cx, string name) => name.StartsWith('/')
        ? $"command {name} not found in the image (expected an existing file)"
        : $"command {name} not found (expected a builtin or a program in {string.Join(':', cx.Path)})";
}
