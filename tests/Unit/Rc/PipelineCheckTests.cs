using Execline.Rc;
using Execline.Rc.Database;
using Execline.Rc.Graph;

namespace Execline.Tests.Unit.Rc;

public class PipelineCheckTests
{
    static Service Longrun(string name, int consumer = -1, params int[] producers) => new()
    {
        Name = name, Type = ServiceType.Longrun, Flags = ServiceFlags.None, TimeoutUp = 0, TimeoutDown = 0,
        Dependencies = [], Consumer = consumer, Producers = producers,
    };

    [Fact]
    public void A_funnel_whose_producers_name_their_consumer_is_sound()
    {
        Service[] s = [Longrun("r"), Longrun("f"), Longrun("a", 4), Longrun("b", 4), Longrun("c", -1, 2, 3)];
        Assert.Null(PipelineCheck.Find(s, 5));
    }

    [Fact]
    public void A_producer_that_names_another_consumer_is_a_collision()
    {
        Service[] s = [Longrun("r"), Longrun("f"), Longrun("a", 3), Longrun("b"), Longrun("c", -1, 2)];
        Assert.Equal((PipelineProblem.Collision, 4, 2), PipelineCheck.Find(s, 5));
    }

    [Fact]
    public void A_pipeline_closed_on_itself_is_a_cycle()
    {
        Service[] s = [Longrun("r"), Longrun("f"), Longrun("a", 3, 3), Longrun("b", 2, 2)];
        Assert.Equal((PipelineProblem.Cycle, 2, 3), PipelineCheck.Find(s, 4));
    }
}
