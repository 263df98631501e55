using Execline.Native;

namespace Execline.Builtins.Jobs;

/// What trap was asked to do: a command per signal (slot 0 = default), forwarding, the program.
sealed class TrapPlan
{
    public const int Slots = 65;

    /// Every signal but KILL, STOP and the two glibc keeps for itself (32, 33).
    public static readonly SignalSet Catchable = new SignalSet(ulong.MaxValue)
        .Without(Signal.SIGKILL).Without(Signal.SIGSTOP).Without(Signal.SIGRTMIN - 2).Without(Signal.SIGRTMIN - 1);

    public readonly IReadOnlyList<string>?[] Commands = new IReadOnlyList<string>?[Slots];
    public readonly bool Forward;
    public readonly IReadOnlyList<string> Program;

    public TrapPlan(bool forward, IReadOnlyList<string> program)
    {
        Forward = forward;
        Program = program;
    }

    public void ApplyDefault()
    {
        if (Commands[0] == null) return;
        for (int sig = 1; sig < Slots; sig++)
            if (Commands[sig] == null && Catchable.Contains(sig)) Commands[sig] = Commands[0];
    }

    /// The signals trap reads instead of letting them act: all with -x, else those with a command, and CHLD.
    public SignalSet Caught
    {
        get
        {
            if (Forward) return Catchable;
            var set = new SignalSet(0).With(Signal.SIGCHLD);
            for (int sig = 1; sig < Slots; sig++)
                if (Commands[sig] != null) set = set.With(sig);
            return set;
        }
    }
}
