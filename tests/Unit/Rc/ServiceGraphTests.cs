using Execline.Rc.Graph;

namespace Execline.Tests.Unit.Rc;

public class ServiceGraphTests
{
    // 0 and 1 stand for s6-rc's internal longruns; 2..5 a diamond: 5 needs 3 and 4, which both need 2.
    static ServiceGraph Diamond() => new([[], [], [0], [2], [2], [3, 4]]);

    static bool[] Select(int count, params int[] which)
    {
        var s = new bool[count];
        foreach (var i in which) s[i] = true;
        return s;
    }

    static int[] Marked(bool[] set) => Enumerable.Range(0, set.Length).Where(i => set[i]).ToArray();

    [Fact]
    public void Dependents_are_the_reverse_dependencies_in_ascending_order()
    {
        var g = Diamond();
        Assert.Equal([3, 4], g.Dependents(2));
        Assert.Equal([2], g.Dependents(0));
        Assert.Equal([], g.Dependents(5));
    }

    [Fact]
    public void Closure_up_is_everything_a_service_needs_and_down_everything_that_needs_it()
    {
        var g = Diamond();
        Assert.Equal([0, 2, 3, 4, 5], Marked(g.Closure([5], Direction.Up)));
        Assert.Equal([0, 2, 3], Marked(g.Closure([3], Direction.Up)));
        Assert.Equal([2, 3, 4, 5], Marked(g.Closure([2], Direction.Down)));
        Assert.Equal([1], Marked(g.Closure([1], Direction.Down)));
    }

    [Fact]
    public void An_acyclic_graph_has_no_cycle() => Assert.Null(Diamond().FindCycle());

    [Fact]
    public void A_service_depending_on_itself_is_a_cycle_from_and_involving_it() =>
        Assert.Equal((2, 2), new ServiceGraph([[], [], [0, 2], []]).FindCycle());

    [Fact]
    public void A_cycle_is_reported_from_the_last_index_searched_through_the_last_dependency_first()
    {
        // s6-rc-compile's search: 4 first (no cycle there, 4 -> 1 is done), then 3 -> 2 -> 3: from 3, involving 3;
        // were the dependencies tried first-first, 3's search would go 0 first and find the same; 2 -> 3 -> 2 is
        // never the answer because the search starts at the highest index.
        var g = new ServiceGraph([[], [], [0, 3], [0, 2], [1]]);
        Assert.Equal((3, 3), g.FindCycle());
    }

    [Fact]
    public void A_cycle_below_the_starting_service_names_the_start_and_the_service_met_again()
    {
        // 5 needs 2; 2 and 3 need each other: found from 5, involving 2 (the spec's legacy-services and P).
        var g = new ServiceGraph([[], [], [0, 3], [0, 2], [], [0, 2]]);
        Assert.Equal((5, 2), g.FindCycle());
    }

    [Fact]
    public void A_chain_of_ten_thousand_services_is_searched_without_recursion()
    {
        var deps = Enumerable.Range(0, 10_000).Select(i => i == 0 ? Array.Empty<int>() : [i - 1]).ToArray();
        Assert.Null(new ServiceGraph(deps).FindCycle());
        deps[0] = [9_999];
        Assert.Equal((9_999, 9_999), new ServiceGraph(deps).FindCycle());
    }

    [Fact]
    public void Levels_up_start_what_needs_nothing_and_each_service_one_wave_after_its_last_dependency()
    {
        var g = Diamond();
        var levels = g.Levels(g.Closure([5], Direction.Up), Direction.Up);
        Assert.Equal([[0], [2], [4, 3], [5]], levels);
    }

    [Fact]
    public void Levels_down_reverse_the_order()
    {
        var g = Diamond();
        var levels = g.Levels(g.Closure([2], Direction.Down), Direction.Down);
        Assert.Equal([[5], [4, 3], [2]], levels);
    }

    [Fact]
    public void Independent_services_are_all_in_the_first_wave()
    {
        var g = new ServiceGraph([[], [], [], [], []]);
        Assert.Equal([[4, 3, 2, 1, 0]], g.Levels(Select(5, 0, 1, 2, 3, 4), Direction.Up));
    }

    [Fact]
    public void A_service_with_two_dependencies_is_ready_only_when_both_have_completed()
    {
        var g = Diamond();
        var t = new ReadyTracker(g, Select(6, 2, 3, 4, 5), Direction.Up);
        Assert.Equal([2], t.Ready);
        Assert.Equal([4, 3], t.Complete(2));
        Assert.Equal([], t.Complete(3));
        Assert.Equal(1, t.Pending(5));
        Assert.Equal([5], t.Complete(4));
    }

    [Fact]
    public void What_waits_for_a_failed_service_never_becomes_ready_while_the_rest_goes_on()
    {
        // 2 fails (never completed): 3, 4 and 5 wait for it, 6 does not
        var g = new ServiceGraph([[], [], [], [2], [2], [3, 4], []]);
        var t = new ReadyTracker(g, Select(7, 2, 3, 4, 5, 6), Direction.Up);
        Assert.Equal([6, 2], t.Ready);
        Assert.Equal([], t.Complete(6));
        Assert.Equal(2, t.Pending(5));
        Assert.Equal(1, t.Pending(3));
    }

    [Fact]
    public void An_unselected_dependency_is_not_waited_for()
    {
        var t = new ReadyTracker(Diamond(), Select(6, 3, 5), Direction.Up);
        Assert.Equal([3], t.Ready);
        Assert.Equal([5], t.Complete(3));
    }
}
