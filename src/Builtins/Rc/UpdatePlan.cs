using Execline.Rc.Database;
using Execline.Rc.Graph;

namespace Execline.Builtins.Rc;

/// What s6-rc-update 0.7 decides when a live database is replaced (its compute_transitions): each old
/// atomic service converts to the new services its name (or its `-> newname` in the conversion file)
/// resolves to; what is up and converts to one service of the same kind stays up untouched; what
/// disappears, converts to several, changes kind or is marked `restart` is brought down (with all that
/// depends on it) and its conversions brought up again after; a kept service that now depends on a new
/// service which is not up is restarted too, until nothing changes. One difference: a longrun renamed by
/// the conversion file is restarted (our supervisor knows a service by its first name in the scandir).
sealed class UpdatePlan
{
    // Old services' flags.
    const byte OldUp = 1, OldWantedDown = 2, Restart = 4, OneTarget = 8, Renamed = 16, DownAfterClosure = 32, InConversionFile = 64;
    // New services' flags.
    const byte NewUp = 1, NewWantedUp = 2, BijectiveTarget = 4, Target = 8, NewUpAfterClosure = 32, NeedsRestart = 128;

    public readonly byte[] Old, New;
    /// For each new service, the old one converting to it, or -1.
    public readonly int[] Image;

    /// A conversion file line is wrong or the two databases cannot be matched: exit code and message.
    public sealed class Refused(int code, string text) : Exception(text)
    {
        public int Code { get; } = code;
    }

    /// conversions: per old service, (new name or null, restart).
    UpdatePlan(ServiceDatabase olddb, byte[] oldState, ServiceDatabase newdb, string newPath,
        Dictionary<int, (string? NewName, bool Restart)> conversions)
    {
        int oldn = olddb.Count, newn = newdb.Count;
        Old = new byte[oldn];
        New = new byte[newn];
        Image = Enumerable.Repeat(-1, newn).ToArray();
        for (int i = 0; i < oldn; i++) Old[i] = (byte)(oldState[i] & OldUp);
        foreach (var (i, (newName, restart)) in conversions)
        {
            Old[i] |= InConversionFile;
            if (newName != null) Old[i] |= Renamed;
            if (restart) Old[i] |= Restart;
        }
        var targets = new List<int>[oldn];
        for (int i = oldn - 1; i >= 0; i--)
        {
            targets[i] = [];
            string name = conversions.TryGetValue(i, out var c) && c.NewName != null ? c.NewName : olddb.Services[i].Name;
            var resolved = newdb.Resolve(name);
            if (resolved == null)
            {
                if ((Old[i] & Renamed) != 0) throw new Refused(4, $"bad conversion file: new service {name} is undefined in database {newPath}");
                Old[i] |= OldWantedDown | DownAfterClosure;
                continue;
            }
            if (resolved.Length == 1) Old[i] |= OneTarget;
            // Our supervisor knows a service by the scandir name it first saw: a longrun renamed by the
            // conversion file is restarted under its new name (s6-rc keeps it running).
            if (i < olddb.LongrunCount && name != olddb.Services[i].Name) Old[i] |= Restart;
            foreach (var x in resolved)
            {
                if ((New[x] & Target) != 0)
                    throw new Refused(6, $"unable to convert database: new service {newdb.Services[x].Name} is a target for more than one conversion, including old service {olddb.Services[i].Name}");
                New[x] |= Target;
                Image[x] = i;
                targets[i].Add(x);
                if ((Old[i] & OneTarget) == 0) continue;
                New[x] |= BijectiveTarget;
                if ((i < olddb.LongrunCount) != (x < newdb.LongrunCount)) Old[i] |= Restart;
            }
        }
        while (true)
        {
            for (int j = 0; j < newn; j++) New[j] &= BijectiveTarget | Target | 16;
            for (int i = oldn - 1; i >= 0; i--)
            {
                if ((Old[i] & OldUp) != 0 && ((Old[i] & Restart) != 0 || (Old[i] & OneTarget) == 0)) Old[i] |= OldWantedDown | DownAfterClosure;
                else Old[i] &= unchecked((byte)~(OldWantedDown | DownAfterClosure));
            }
            Close(olddb.Graph, Old, DownAfterClosure, Direction.Down);
            for (int i = oldn - 1; i >= 0; i--)
            {
                if ((Old[i] & OldUp) == 0) continue;
                foreach (var x in targets[i]) New[x] |= (Old[i] & DownAfterClosure) != 0 ? NewWantedUp : (byte)(NewUp | NewUpAfterClosure);
            }
            Close(newdb.Graph, New, NewUpAfterClosure, Direction.Up);
            bool done = true;
            for (int j = 0; j < newn; j++)
            {
                if ((New[j] & (NewUp | NewUpAfterClosure)) != NewUpAfterClosure) continue;
                done = false;
                New[j] |= NeedsRestart;
            }
            if (done) break;
            Close(newdb.Graph, New, NeedsRestart, Direction.Down);
            for (int j = 0; j < newn; j++)
                if ((New[j] & (NeedsRestart | NewUp)) == (NeedsRestart | NewUp)) Old[Image[j]] |= Restart;
        }
    }

    /// Sets the bit on every service the ones having it drag along in that direction.
    static void Close(ServiceGraph g, byte[] state, byte bit, Direction d)
    {
        var closed = g.Closure(Enumerable.Range(0, state.Length).Where(i => (state[i] & bit) != 0), d);
        for (int i = 0; i < state.Length; i++)
            if (closed[i]) state[i] |= bit;
    }

    public static UpdatePlan Compute(ServiceDatabase olddb, byte[] oldState, ServiceDatabase newdb, string newPath,
        Dictionary<int, (string?, bool)> conversions) => new(olddb, oldState, newdb, newPath, conversions);

    public bool OldWantsDown(int i) => (Old[i] & OldWantedDown) != 0;
    /// Stays up across the update, its supervisor and process untouched.
    public bool Kept(int i) => (Old[i] & (OldUp | DownAfterClosure)) == OldUp;
    public bool NewIsUp(int j) => (New[j] & NewUp) != 0;
    public bool NewWantsUp(int j) => (New[j] & NewWantedUp) != 0;
}
