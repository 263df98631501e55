using Execline.Builtins.Rc;
using Execline.Rc;
using Execline.Rc.Database;

namespace Execline.Tests.Unit.Rc;

public class UpdatePlanTests
{
    /// A database of longruns (the two internal ones first) then oneshots, each with its dependencies.
    static ServiceDatabase Db(int longruns, params (string Name, int[] Deps)[] services)
    {
        var all = new List<Service>();
        for (int i = 0; i < services.Length; i++)
            all.Add(new Service
            {
                Name = services[i].Name, Type = i < longruns ? ServiceType.Longrun : ServiceType.Oneshot, Flags = ServiceFlags.None,
                TimeoutUp = 0, TimeoutDown = 0, Dependencies = services[i].Deps,
                Scripts = i < longruns ? null : new OneshotScripts([], [], []),
            });
        return new ServiceDatabase(all, longruns, []);
    }

    static readonly (string, int[]) Runner = ("s6rc-oneshot-runner", []), Holder = ("s6rc-fdholder", []);

    static int[] Where(int n, Func<int, bool> f) => Enumerable.Range(0, n).Where(f).ToArray();

    [Fact]
    public void What_stays_up_is_kept_what_disappears_goes_down_and_what_is_new_stays_down()
    {
        var olddb = Db(4, Runner, Holder, ("keep", []), ("gone", []));
        var newdb = Db(4, Runner, Holder, ("keep", []), ("new", []));
        var plan = UpdatePlan.Compute(olddb, [1, 0, 1, 1], newdb, "/new", []);
        Assert.Equal([3], Where(4, plan.OldWantsDown));
        Assert.True(plan.Kept(2));
        Assert.Equal([0, 2], Where(4, plan.NewIsUp));
        Assert.Empty(Where(4, plan.NewWantsUp));
    }

    [Fact]
    public void Restart_takes_down_what_depends_on_the_service_and_brings_both_up_again()
    {
        var db = Db(3, Runner, Holder, ("a", []), ("b", [0, 2]));
        var plan = UpdatePlan.Compute(db, [1, 0, 1, 1], db, "/new", new() { [2] = (null, true) });
        Assert.Equal([2], Where(4, plan.OldWantsDown));
        Assert.False(plan.Kept(3));
        Assert.Equal([2, 3], Where(4, plan.NewWantsUp));
        Assert.Equal([0], Where(4, plan.NewIsUp));
    }

    [Fact]
    public void A_kept_service_that_now_depends_on_a_new_service_is_restarted()
    {
        var olddb = Db(3, Runner, Holder, ("A", []), ("B", [0, 2]));
        var newdb = Db(4, Runner, Holder, ("A", []), ("N", []), ("B", [0, 2, 3]));
        var plan = UpdatePlan.Compute(olddb, [1, 0, 1, 1], newdb, "/new", []);
        Assert.Equal([3], Where(4, plan.OldWantsDown));
        Assert.True(plan.Kept(2));
        Assert.Equal([4], Where(5, plan.NewWantsUp));
    }

    [Fact]
    public void A_service_changing_type_restarts_and_a_renamed_target_missing_is_refused()
    {
        var olddb = Db(2, Runner, Holder, ("t", [0]));
        var newdb = Db(3, Runner, Holder, ("t", []));
        var plan = UpdatePlan.Compute(olddb, [1, 0, 1], newdb, "/new", []);
        Assert.Equal([2], Where(3, plan.OldWantsDown));
        Assert.Equal([2], Where(3, plan.NewWantsUp));
        var refused = Assert.Throws<UpdatePlan.Refused>(() => UpdatePlan.Compute(olddb, [1, 0, 1], newdb, "/new", new() { [2] = ("nosuch", false) }));
        Assert.Equal(4, refused.Code);
        Assert.Equal("bad conversion file: new service nosuch is undefined in database /new", refused.Message);
    }
}
