namespace Execline.Rc.Graph;

/// Which way a transition goes: up follows dependencies (what a service needs comes first), down follows
/// dependents (what needs a service goes first). The values are s6-rc's (h = 1 for up).
public enum Direction
{
    Down = 0,
    Up = 1,
}

/// The dependency graph of a database's atomic services, by index: each service's direct dependencies and
/// dependents in ascending order, as s6-rc keeps them, so that every walk visits them in s6-rc's order.
public sealed class ServiceGraph
{
    readonly int[][] _dependencies;
    readonly int[][] _dependents;

    public int Count => _dependencies.Length;

    /// dependencies[i]: the direct dependencies of service i, ascending.
    public ServiceGraph(int[][] dependencies)
    {
        _dependencies = dependencies;
        var dependents = new List<int>[dependencies.Length];
        for (int i = 0; i < dependents.Length; i++) dependents[i] = [];
        for (int i = 0; i < dependencies.Length; i++)
            foreach (var d in dependencies[i]) dependents[d].Add(i);
        _dependents = dependents.Select(l => l.ToArray()).ToArray();
    }

    public int[] Dependents(int i) => _dependents[i];

    /// What must have completed before service i may move in that direction.
    public int[] Before(int i, Direction d) => d == Direction.Up ? _dependencies[i] : _dependents[i];

    /// What waits for service i when going in that direction.
    public int[] After(int i, Direction d) => d == Direction.Up ? _dependents[i] : _dependencies[i];

    /// The given services and everything a transition of them drags along: up, all they need,
    /// recursively; down, all that needs them.
    public bool[] Closure(IEnumerable<int> from, Direction d)
    {
        var marked = new bool[Count];
        var stack = new Stack<int>();
        foreach (var i in from)
            if (!marked[i]) { marked[i] = true; stack.Push(i); }
        while (stack.Count > 0)
            foreach (var j in Before(stack.Pop(), d))
                if (!marked[j]) { marked[j] = true; stack.Push(j); }
        return marked;
    }

    /// A dependency cycle as s6-rc-compile and s6-rc-db check find it: the services are tried from the
    /// last index down, each depth first through its dependencies from the last one down; the answer is
    /// the service the search started from and the first one met again on the current path. Null when
    /// there is no cycle.
    public (int From, int Involving)? FindCycle()
    {
        var onPath = new bool[Count];
        var done = new bool[Count];
        var path = new Stack<(int Node, int Next)>();
        for (int start = Count - 1; start >= 0; start--)
        {
            if (done[start]) continue;
            onPath[start] = true;
            path.Push((start, _dependencies[start].Length));
            while (path.Count > 0)
            {
                var (node, next) = path.Pop();
                if (next == 0)
                {
                    done[node] = true;
                    continue;
                }
                path.Push((node, next - 1));
                int dep = _dependencies[node][next - 1];
                if (done[dep]) continue;
                if (onPath[dep]) return (start, dep);
                onPath[dep] = true;
                path.Push((dep, _dependencies[dep].Length));
            }
        }
        return null;
    }

    /// The waves of a transition with as much parallelism as the graph allows: wave 0 is what can move at
    /// once, wave k what can move as soon as waves before it are done (each service one wave after the
    /// last of what it waits for). Only selected services take part; the graph must have no cycle.
    public List<List<int>> Levels(bool[] selected, Direction d)
    {
        var tracker = new ReadyTracker(this, selected, d);
        var levels = new List<List<int>>();
        var wave = tracker.Ready.ToList();
        while (wave.Count > 0)
        {
            levels.Add(wave);
            var next = new List<int>();
            foreach (var i in wave) next.AddRange(tracker.Complete(i));
            wave = next;
        }
        return levels;
    }
}
