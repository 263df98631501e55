using System.Runtime.InteropServices;

namespace Execline.Native;

/// Renames this process in place, as an exec under argv would name it (Startup/process-title.c).
public static unsafe partial class ProcessTitle
{
    [LibraryImport("execline-startup", EntryPoint = "execline_set_process_title")]
    private static partial int SetTitle(byte** argv, int argc);

    /// False when it could not be done (no room where the kernel keeps our argv, no /proc, or a build
    /// without our C): the caller execs instead.
    public static bool Set(IReadOnlyList<string> argv)
    {
        try
        {
            using var args = new CStringArray(argv);
            return SetTitle(args.Pointer, argv.Count) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
