using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Logging;

enum SelectionKind { Unprocessed, Match, NoMatch }

/// `f`, `+regex` or `-regex`.
sealed record Selection(SelectionKind Kind, PosixRegex? Regex);

enum ActionKind { Stdout, Alert, StatusFile, Logdir }

/// Where a selected line goes and how it is dressed: stamps and prefix, plus the action's own setting
/// (alert length, status file and its size, or the logdir's index).
sealed record LogAction(ActionKind Kind, bool Tai64n, bool LocalTime, string? Prefix, int Size, string? File, int Logdir);

/// Selections, then the actions that take a line those selections leave selected.
sealed record ScriptElement(Selection[] Selections, LogAction[] Actions);

/// How a logdir rotates, keeps and processes its archives, as the controls before it set.
sealed record LogdirSettings(string Dir, uint MaxSize, uint Keep, ulong MaxTotal, uint Tolerance, int RetryMs,
    string? Processor, bool ProcessorIsShell);

/// An s6-log script. Controls persist to the end of the script, except `t` and `T` which dress the next
/// action only. A selection after an action starts a new element.
sealed class LogScript
{
    public readonly List<ScriptElement> Elements = new();
    public bool StampsTai64n, StampsLocal;

    /// Checks the directives' shapes first (nothing is created if one is malformed), then reads their
    /// values in order, opening each logdir as it comes as upstream does.
    public static LogScript Parse(IReadOnlyList<string> words, Action<string> warn, Func<LogdirSettings, int> openLogdir)
    {
        CheckShapes(words, warn);
        var script = new LogScript();
        var sels = new List<Selection>();
        var acts = new List<LogAction>();
        uint size = 99999, keep = 10, tolerance = 2000;
        ulong total = 0;
        int retry = 2000, alertSize = 200, statusSize = 1001;
        string? processor = null, prefix = null;
        bool shell = false, tai = false, local = false;

        void EndElement()
        {
            script.Elements.Add(new ScriptElement(sels.ToArray(), acts.ToArray()));
            sels.Clear();
            acts.Clear();
        }
        void Act(ActionKind kind, int sizeSetting, string? file, int logdir)
        {
            acts.Add(new LogAction(kind, tai, local, prefix, sizeSetting, file, logdir));
            tai = local = false;
        }

        foreach (var w in words)
        {
            var arg = w.Substring(1);
            switch (w[0])
            {
                case 'f' or '+' or '-':
                    PosixRegex? re = null;
                    if (w[0] != 'f')
                    {
                        re = PosixRegex.Compile(arg, PosixRegex.REG_EXTENDED | PosixRegex.REG_NOSUB | PosixRegex.REG_NEWLINE, out int code, out _);
                        if (code == PosixRegex.REG_ESPACE) throw Fatal(111, "unable to initialize script: Cannot allocate memory");
                        if (re == null) throw Unrecognized(w);
                    }
                    if (acts.Count > 0) EndElement();
                    sels.Add(new Selection(w[0] == 'f' ? SelectionKind.Unprocessed : w[0] == '+' ? SelectionKind.Match : SelectionKind.NoMatch, re));
                    break;
                case 'n': keep = UInt32(w, arg); break;
                case 's': size = Math.Clamp(UInt32(w, arg), 4096u, 268435455u); break;
                case 'S': if (!Numbers.TryUnsigned(arg, out total)) throw Unrecognized(w); break;
                case 'l':
                    tolerance = UInt32(w, arg);
                    if (tolerance > size >> 1) throw Fatal(100, $"directive {w} conflicts with previous s directive");
                    break;
                case 'r': retry = (int)Math.Min(UInt32(w, arg), int.MaxValue); break;
                case 'E': alertSize = (int)Math.Min(UInt32(w, arg), int.MaxValue); break;
                case '^': statusSize = (int)Math.Min(UInt32(w, arg), int.MaxValue); break;
                case 'p': prefix = arg.Length > 0 ? arg : null; break;
                case '!' or '?':
                    processor = arg.Length > 0 ? arg : null;
                    shell = w[0] == '?';
                    break;
                case 't': tai = script.StampsTai64n = true; break;
                case 'T': local = script.StampsLocal = true; break;
                case '1': Act(ActionKind.Stdout, 0, null, -1); break;
                case '2': Act(ActionKind.Alert, alertSize, null, -1); break;
                case '=': Act(ActionKind.StatusFile, statusSize, arg, -1); break;
                default: // '.' or '/'
                    int index = openLogdir(new LogdirSettings(w, size, keep, total, tolerance, retry, processor, shell));
                    Act(ActionKind.Logdir, 0, null, index);
                    break;
            }
        }
        if (acts.Count > 0) EndElement();
        return script;
    }

    /// upstream's first pass: every directive is known and well formed, and some action exists.
    static void CheckShapes(IReadOnlyList<string> words, Action<string> warn)
    {
        bool acted = false, any = false;
        foreach (var w in words)
        {
            char c = w.Length > 0 ? w[0] : '\0';
            switch (c)
            {
                case 'f' or 't' or 'T' or '1' or '2' when w.Length > 1:
                    throw Fatal(100, $"syntax error at directive: {w}");
                case '=' when w.Length == 1:
                    throw Fatal(100, $"syntax error at directive: {w}");
                case 'f' or '+' or '-':
                    if (acted) { any = true; acted = false; }
                    break;
                case 'n' or 's' or 'S' or 'l' or 'r' or 'E' or '^' or 'p' or '!' or '?' or 't' or 'T':
                    break;
                case '1' or '2' or '.' or '/' or '=':
                    acted = true;
                    break;
                default:
                    throw Fatal(100, $"unrecognized directive: {w}");
            }
        }
        if (acted) return;
        if (!any) throw Fatal(100, "no action directive specified");
        warn("ignoring extraneous non-action directives");
    }

    static uint UInt32(string word, string digits) =>
        Numbers.TryUnsigned(digits, out var v) && v <= uint.MaxValue ? (uint)v : throw Unrecognized(word);

    static Fatal Unrecognized(string word) => Fatal(100, $"unrecognized directive: {word}");

    static Fatal Fatal(int code, string text) => new(code, $"s6-log: fatal: {text}");
}
