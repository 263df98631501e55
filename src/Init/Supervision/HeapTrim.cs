namespace Execline.Init.Supervision;

/// The supervisor gives its heap back to the system once a burst of work is over (the stage scripts
/// process 1 ran before it with no exec in between, a boot's setups, a flood of commands), rather than
/// keep what they allocated resident for the container's life (up to the gen0 budget, 2 MiB,
/// Publish.props). Over means the loop has had nothing to do
/// for Quiet ms: a collection that returns memory costs process 1 several milliseconds, which a boot must
/// not wait for.
sealed class HeapTrim(EventLoop loop)
{
    const long Burst = 256 * 1024;
    const int Quiet = 100;

    /// 0 at first: what the stage scripts allocated counts.
    long _trimmedAt;
    long _lastBusy = EventLoop.Now;
    bool _scheduled, _ownTurn;

    /// At the end of each turn of the loop.
    public void AfterTurn()
    {
        if (_ownTurn) _ownTurn = false;
        else _lastBusy = EventLoop.Now;
        if (_scheduled || GC.GetTotalAllocatedBytes() - _trimmedAt < Burst) return;
        _scheduled = true;
        loop.WakeAt(_lastBusy + Quiet, Check);
    }

    void Check(long now)
    {
        _ownTurn = true;
        if (now - _lastBusy < Quiet)
        {
            loop.WakeAt(_lastBusy + Quiet, Check);
            return;
        }
        // Everything, compacting, the free memory returned to the system
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _scheduled = false;
        _trimmedAt = GC.GetTotalAllocatedBytes();
    }
}
