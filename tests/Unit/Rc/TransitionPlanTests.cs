using Execline.Rc.Graph;
using Step = Execline.Rc.Graph.TransitionPlan.Step;
using Kind = Execline.Rc.Graph.TransitionPlan.Kind;

namespace Execline.Tests.Unit.Rc;

public class TransitionPlanTests
{
    // 0 and 1 stand for s6-rc's internal longruns; 2..5 a diamond: 5 needs 3 and 4, which both need 2.
    static ServiceGraph Diamond() => new([[], [], [0], [2], [2], [3, 4]]);

    static bool[] All(int n) => Enumerable.Repeat(true, n).ToArray();

    static TransitionPlan Plan(ServiceGraph g, bool[] selected, Direction d, bool[]? up = null, int[]? essential = null) =>
        new(g, selected, d, i => up != null && up[i], i => essential != null && essential.Contains(i));

    [Fact]
    public void Going_up_what_waits_for_nothing_starts_first_from_the_last_index_down()
    {
        var g = Diamond();
        var plan = Plan(g, g.Closure([5], Direction.Up), Direction.Up);
        Assert.Equal([new Step(Kind.Start, 0)], plan.Begin());
        Assert.Equal([new Step(Kind.Start, 2)], plan.Succeeded(0));
        Assert.Equal([new Step(Kind.Start, 4), new Step(Kind.Start, 3)], plan.Succeeded(2));
        Assert.Empty(plan.Succeeded(4));
        Assert.Equal([new Step(Kind.Start, 5)], plan.Succeeded(3));
    }

    [Fact]
    public void A_service_already_there_releases_what_waits_for_it_at_once_depth_first()
    {
        var g = Diamond();
        var up = new[] { true, false, true, true, false, false };
        var plan = Plan(g, g.Closure([5], Direction.Up), Direction.Up, up);
        Assert.Equal(
            [new Step(Kind.AlreadyThere, 0), new Step(Kind.AlreadyThere, 2), new Step(Kind.Start, 4), new Step(Kind.AlreadyThere, 3)],
            plan.Begin());
        Assert.Equal([new Step(Kind.Start, 5)], plan.Succeeded(4));
    }

    [Fact]
    public void Going_down_dependents_go_first_and_an_essential_one_stays_with_everything_it_needs()
    {
        var g = Diamond();
        var up = All(6);
        var plan = Plan(g, g.Closure([0], Direction.Down), Direction.Down, up, essential: [3]);
        Assert.Equal([new Step(Kind.Start, 5)], plan.Begin());
        Assert.Equal([new Step(Kind.Start, 4), new Step(Kind.KeptEssential, 3)], plan.Succeeded(5));
        // 2 waits for 3, which never completes: neither 2 nor 0 ever stops
        Assert.Empty(plan.Succeeded(4));
    }

    [Fact]
    public void A_failed_service_is_never_reported_so_what_depends_on_it_never_starts_and_the_rest_goes_on()
    {
        // 3 needs 2, 4 needs only 0: 2 fails (no Succeeded(2)), 4 still starts, 3 never does
        var g = new ServiceGraph([[], [], [0], [2], [0]]);
        var plan = Plan(g, g.Closure([3, 4], Direction.Up), Direction.Up);
        Assert.Equal([new Step(Kind.Start, 0)], plan.Begin());
        Assert.Equal([new Step(Kind.Start, 4), new Step(Kind.Start, 2)], plan.Succeeded(0));
        Assert.Empty(plan.Succeeded(4));
    }
}
