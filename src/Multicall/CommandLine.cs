using Execline.Native;

namespace Execline.Multicall;

/// argv and the environment as the kernel gave them, byte for byte (the runtime's own string[] would
/// have decoded them as UTF-8 and replaced invalid bytes).
static unsafe class CommandLine
{
    public static List<string> Argv(string[] args)
    {
        // The runtime decoded argv as UTF-8, replacing only what was invalid: with no replacement character
        // anywhere, encoding each word back gives the kernel's bytes, without reading /proc/self/cmdline
        // (which costs more than the rest of a short chain's start).
        var decoded = System.Environment.GetCommandLineArgs();
        if (decoded.Length == args.Length + 1 && Array.TrueForAll(decoded, w => !w.Contains('\uFFFD')))
        {
            var words = new List<string>(decoded.Length);
            foreach (var w in decoded) words.Add(Text.Bytes.Latin1(System.Text.Encoding.UTF8.GetBytes(w)));
            return words;
        }
        var raw = Unistd.ReadFile("/proc/self/cmdline");
        if (raw != null && raw.Length > 0) return Split(raw);
        var list = new List<string> { System.Environment.ProcessPath ?? "execline" };
        list.AddRange(args);
        return list;
    }

    /// The environment from libc's environ array: unlike /proc/self/environ it needs no file reads.
    public static List<string> Environ()
    {
        var environ = Unistd.environ;
        var list = new List<string>();
        for (var p = environ; p != null && *p != null; p++) list.Add(Text.Bytes.FromCString(*p));
        return list;
    }

    static List<string> Split(byte[] raw)
    {
        var words = new List<string>();
        int start = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != 0) continue;
            words.Add(Text.Bytes.Latin1(new ReadOnlySpan<byte>(raw, start, i - start)));
            start = i + 1;
        }
        if (start < raw.Length) words.Add(Text.Bytes.Latin1(new ReadOnlySpan<byte>(raw, start, raw.Length - start)));
        return words;
    }
}
