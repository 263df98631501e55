namespace Execline.Rc.Graph;

/// What s6-rc decides for each service of a change, in s6-rc's order (its `examine` and
/// `broadcast_success`): a selected service whose turn comes (everything it waits for done) is already
/// where it should be (and then releases what waits for it, at once and depth first), or is an essential
/// one kept up, or is started. The caller carries out the starts and reports each success, which releases
/// the next services; a failure is never reported, so what waits for it never moves.
public sealed class TransitionPlan
{
    public enum Kind
    {
        /// Already in the wanted state: done without doing anything.
        AlreadyThere,
        /// Going down but essential: left up, and what it depends on is never stopped.
        KeptEssential,
        /// To be started (brought up or down).
        Start,
    }

    public readonly record struct Step(Kind Kind, int Service);

    readonly ReadyTracker _tracker;
    readonly Func<int, bool> _isUp, _keep;
    readonly bool _up;

    /// selected must be closed over the direction (ServiceGraph.Closure). isUp: the live state; keep:
    /// whether a service going down is an essential one that stays.
    public TransitionPlan(ServiceGraph graph, bool[] selected, Direction direction, Func<int, bool> isUp, Func<int, bool> keep)
    {
        _tracker = new ReadyTracker(graph, selected, direction);
        _up = direction == Direction.Up;
        _isUp = isUp;
        _keep = keep;
    }

    /// The steps of the services that can move at once.
    public List<Step> Begin()
    {
        var steps = new List<Step>();
        foreach (var i in _tracker.Ready) Examine(i, steps);
        return steps;
    }

    /// Service i completed its transition: the steps of what that releases.
    public List<Step> Succeeded(int i)
    {
        var steps = new List<Step>();
        Release(i, steps);
        return steps;
    }

    void Release(int i, List<Step> steps)
    {
        foreach (var j in _tracker.Complete(i)) Examine(j, steps);
    }

    void Examine(int i, List<Step> steps)
    {
        if (_isUp(i) == _up)
        {
            steps.Add(new Step(Kind.AlreadyThere, i));
            Release(i, steps);
        }
        else if (!_up && _keep(i)) steps.Add(new Step(Kind.KeptEssential, i));
        else steps.Add(new Step(Kind.Start, i));
    }
}
