namespace Execline.Admin.Status;

/// One line of `execline-cs status`: a supervised service (or its logger), or an s6-rc oneshot.
/// Null fields are not known or do not apply ("-" in the table). Ready is null where the service has no
/// notification-fd; CrashLoop is the crash-loop policy's state when it has written one. WantUp is what
/// the supervisor (or s6-rc) is told to keep it; NormallyUp, that it has no `down` file.
sealed record ServiceRow(
    string Name, string Kind, string State, long? Pid, long? Uptime, long? Restarts, bool? Ready, string? LastExit,
    CrashLoop? CrashLoop, bool WantUp, bool NormallyUp)
{
    /// Why the service is not as health wants it, or null. It should be up when it is wanted up, or when
    /// it has no `down` file (so a service taken down by hand counts; one whose `down` file was never
    /// overridden does not); then it is up, and ready where it says when.
    public string? Problem()
    {
        if (!WantUp && !NormallyUp) return null;
        var exit = LastExit != null ? ", last exit " + LastExit : "";
        var loop = CrashLoop is { } c ? $", crash-loop {c.State} after {c.Deaths} deaths" : "";
        if (State == "unsupervised") return "not supervised (no supervise/status)";
        if (State != "up")
            return WantUp ? $"{State} (wanted up{exit}{loop})" : $"{State} (taken down, as by s6-svc -d, and it has no down file{exit})";
        if (Ready == false) return "up but not ready (it has a notification-fd and has not said so)";
        return null;
    }
}

/// supervise/crash-loop: one ASCII line `STATE DEATHS UNTIL-UNIX-MS` the crash-loop policy writes, STATE
/// being backoff or gave-up.
sealed record CrashLoop(string State, long Deaths)
{
    public static CrashLoop? Read(string serviceDir)
    {
        if (Native.Unistd.ReadFile(serviceDir + "/supervise/crash-loop") is not { } data) return null;
        var fields = Text.Bytes.Latin1(data).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && long.TryParse(fields[1], out var deaths) ? new CrashLoop(fields[0], deaths) : null;
    }
}
