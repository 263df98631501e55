using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// The options the waiting tools share: what to wait for (-u up, -U up and ready, -d down, -D down and
/// ready, -r/-R restarted: down first, then -u/-U), -a/-o all or any service, -t timeout in ms (0: none).
public sealed class WaitOptions
{
    public bool Up = true, Ready, Restart, Any;
    public long Deadline = long.MaxValue;

    /// Parses options; allowAny says whether -a/-o exist. Throws usage on anything else.
    public static WaitOptions Parse(Invocation inv, bool allowAny, out int index)
    {
        var o = new WaitOptions();
        ulong timeout = 0;
        var g = new Getopt(inv.Argv, allowAny ? "uUdDrRaot:" : "uUdDrRt:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'u': (o.Up, o.Ready, o.Restart) = (true, false, false); break;
                case 'U': (o.Up, o.Ready, o.Restart) = (true, true, false); break;
                case 'd': (o.Up, o.Ready, o.Restart) = (false, false, false); break;
                case 'D': (o.Up, o.Ready, o.Restart) = (false, true, false); break;
                case 'r': (o.Up, o.Ready, o.Restart) = (true, false, true); break;
                case 'R': (o.Up, o.Ready, o.Restart) = (true, true, true); break;
                case 'a': o.Any = false; break;
                case 'o': o.Any = true; break;
                case 't':
                    if (!Numbers.TryUnsigned(arg, out timeout) || timeout > uint.MaxValue) throw inv.Usage();
                    break;
                default: throw inv.Usage();
            }
        }
        // The clock starts before anything is subscribed, as upstream's does.
        if (timeout != 0) o.Deadline = System.Environment.TickCount64 + (long)timeout;
        index = g.Index;
        return o;
    }
}
