using Execline.Rc;
using Execline.Rc.Database;

namespace Execline.Tests.Unit.Rc;

public class DatabaseFileTests
{
    static Service Longrun(string name, ServiceFlags flags, int[] deps, int consumer = -1, int[]? producers = null, uint up = 0) =>
        new()
        {
            Name = name, Type = ServiceType.Longrun, Flags = flags, TimeoutUp = up, TimeoutDown = 0,
            Dependencies = deps, Consumer = consumer, Producers = producers ?? [],
        };

    static ServiceDatabase Sample()
    {
        Service[] services =
        [
            Longrun("s6rc-oneshot-runner", ServiceFlags.Essential, []),
            Longrun("s6rc-fdholder", ServiceFlags.Essential, []),
            Longrun("cons", ServiceFlags.None, [1], producers: [4, 3]),
            Longrun("a prod\twith blanks", ServiceFlags.None, [1, 2], consumer: 2, up: 7),
            Longrun("b\xe9\xff", ServiceFlags.Recommended, [1, 2], consumer: 2),
            new()
            {
                Name = "setup", Type = ServiceType.Oneshot, Flags = ServiceFlags.Essential | ServiceFlags.Recommended,
                TimeoutUp = 1500, TimeoutDown = 4294967, Dependencies = [0, 2],
                Scripts = new(["if", " echo", " two\nlines", "", "true"], [], ["\xff"]),
            },
        ];
        return new ServiceDatabase(services, 5, [new Bundle("pipe", [2, 3, 4]), new Bundle("empty", [])]);
    }

    static void AssertSame(ServiceDatabase expected, ServiceDatabase actual)
    {
        Assert.Equal(expected.LongrunCount, actual.LongrunCount);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Service e = expected.Services[i], a = actual.Services[i];
            Assert.Equal((e.Name, e.Type, e.Flags, e.TimeoutUp, e.TimeoutDown, e.Consumer),
                (a.Name, a.Type, a.Flags, a.TimeoutUp, a.TimeoutDown, a.Consumer));
            Assert.Equal(e.Dependencies, a.Dependencies);
            Assert.Equal(e.Dependents, a.Dependents);
            Assert.Equal(e.Producers, a.Producers);
            Assert.Equal(e.Scripts, a.Scripts, new ScriptsComparer());
        }
        Assert.Equal(expected.Bundles.Select(b => (b.Name, string.Join(',', b.Contents))),
            actual.Bundles.Select(b => (b.Name, string.Join(',', b.Contents))));
    }

    sealed class ScriptsComparer : IEqualityComparer<OneshotScripts?>
    {
        public bool Equals(OneshotScripts? x, OneshotScripts? y) =>
            x == null ? y == null
                : y != null && x.Up.SequenceEqual(y.Up) && x.Down.SequenceEqual(y.Down) && x.Reload.SequenceEqual(y.Reload);

        public int GetHashCode(OneshotScripts? obj) => 0;
    }

    [Fact]
    public void A_database_reads_back_as_written_names_bytes_and_command_lines_included()
    {
        var db = Sample();
        AssertSame(db, DatabaseFile.Decode(DatabaseFile.Encode(db))!);
    }

    [Fact]
    public void Names_resolve_to_a_service_or_to_a_bundle_contents()
    {
        var db = DatabaseFile.Decode(DatabaseFile.Encode(Sample()))!;
        Assert.Equal([5], db.Resolve("setup")!);
        Assert.Equal([2, 3, 4], db.Resolve("pipe")!);
        Assert.Equal([], db.Resolve("empty")!);
        Assert.Null(db.Resolve("nosuch"));
    }

    [Fact]
    public void The_file_starts_with_its_format_and_version()
    {
        var text = Execline.Text.Bytes.Latin1(DatabaseFile.Encode(Sample()));
        Assert.StartsWith("execline-cs s6-rc database 1\nlongrun 1 0 0 - - - s6rc-oneshot-runner\n", text);
        Assert.EndsWith("bundle 2,3,4 pipe\nbundle - empty\nend\n", text);
    }

    [Theory]
    [InlineData("execline-cs s6-rc database 2\nend\n")]
    [InlineData("s6rc-db: start\n")]
    [InlineData("execline-cs s6-rc database 1\nlongrun 0 0 0 - - - a\n")]
    [InlineData("execline-cs s6-rc database 1\nlongrun 0 0 0 1 - - a\nend\n")]
    [InlineData("execline-cs s6-rc database 1\nlongrun 0 0 0 - - - a\nlongrun 0 0 0 - - - a\nend\n")]
    [InlineData("execline-cs s6-rc database 1\nbundle - b\nlongrun 0 0 0 - - - a\nend\n")]
    [InlineData("execline-cs s6-rc database 1\noneshot 0 0 0 - 5 0 0 o\nup\0\nend\n")]
    [InlineData("execline-cs s6-rc database 1\nlongrun 0 0 0 - - - a\nend\ntrailing")]
    public void Anything_else_is_not_a_database(string text) =>
        Assert.Null(DatabaseFile.Decode(Execline.Text.Bytes.ToBytes(text)));

    [Fact]
    public void Every_truncation_of_a_database_is_refused()
    {
        var data = DatabaseFile.Encode(Sample());
        for (int n = 0; n < data.Length; n++) Assert.Null(DatabaseFile.Decode(data[..n]));
    }
}
