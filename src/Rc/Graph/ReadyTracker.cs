namespace Execline.Rc.Graph;

/// The bookkeeping of one transition, as s6-rc does it: each selected service waits for the selected
/// services it comes after (its dependencies going up, its dependents going down) and is ready the moment
/// the last of them completes. Ready services come in s6-rc's order: the first ones from the last index
/// down, then, when a service completes, those it releases from the last index down.
public sealed class ReadyTracker
{
    readonly ServiceGraph _graph;
    readonly bool[] _selected;
    readonly Direction _direction;
    readonly int[] _pending;

    /// Selected services waiting for nothing, ready at once.
    public IReadOnlyList<int> Ready { get; }

    /// selected is expected closed over the direction (ServiceGraph.Closure): a service waits only for
    /// selected ones.
    public ReadyTracker(ServiceGraph graph, bool[] selected, Direction direction)
    {
        _graph = graph;
        _selected = selected;
        _direction = direction;
        _pending = new int[graph.Count];
        var ready = new List<int>();
        for (int i = graph.Count - 1; i >= 0; i--)
        {
            if (!selected[i]) continue;
            foreach (var j in graph.Before(i, direction))
                if (selected[j]) _pending[i]++;
            if (_pending[i] == 0) ready.Add(i);
        }
        Ready = ready;
    }

    /// How many selected services i still waits for.
    public int Pending(int i) => _pending[i];

    /// Service i has completed its transition: the services this makes ready. A service that failed is
    /// never completed, so nothing that waits for it ever becomes ready.
    public List<int> Complete(int i)
    {
        var released = new List<int>();
        var after = _graph.After(i, _direction);
        for (int k = after.Length - 1; k >= 0; k--)
        {
            int j = after[k];
            if (_selected[j] && --_pending[j] == 0) released.Add(j);
        }
        return released;
    }
}
