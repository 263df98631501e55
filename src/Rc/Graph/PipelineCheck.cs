using Execline.Rc.Database;

namespace Execline.Rc.Graph;

public enum PipelineProblem
{
    Cycle = 1,
    Collision = 2,
}

/// The consistency of the longrun pipelines, checked the way s6-rc's library does (so the services it
/// names are the same): from each last consumer, the last index first, its producers are walked depth
/// first; a longrun met twice, or whose consumer is not the one it was reached from, is a problem, and
/// so is a service with producers that no walk reached (a pipeline closed on itself).
public static class PipelineCheck
{
    const byte Visiting = 1, Done = 2, Mismatched = 4;

    public static (PipelineProblem Kind, int From, int Involving)? Find(IReadOnlyList<Service> services, int longruns)
    {
        var mark = new byte[longruns];
        for (int i = longruns - 1; i >= 0; i--)
        {
            if (services[i].Consumer >= 0 || services[i].Producers.Length == 0) continue;
            int j = Walk(services, longruns, mark, i);
            if (j < longruns)
                return ((mark[j] & (Mismatched | Done)) != 0 ? PipelineProblem.Collision : PipelineProblem.Cycle, i, j);
        }
        for (int i = longruns - 1; i >= 0; i--)
            if (mark[i] == 0 && services[i].Producers.Length > 0)
                return (PipelineProblem.Cycle, services[i].Consumer, i);
        return null;
    }

    /// The longrun where the walk from n went wrong, or longruns when it did not.
    static int Walk(IReadOnlyList<Service> services, int longruns, byte[] mark, int n)
    {
        if ((mark[n] & (Visiting | Done)) != 0) return n;
        mark[n] |= Visiting;
        foreach (var j in services[n].Producers)
        {
            if (j >= longruns) { mark[n] |= Mismatched; return n; }
            if (services[j].Consumer != n) { mark[j] |= Mismatched; return j; }
            int r = Walk(services, longruns, mark, j);
            if (r < longruns) return r;
        }
        mark[n] |= Done;
        return longruns;
    }
}
