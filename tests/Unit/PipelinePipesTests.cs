using Execline.Init.Supervision;

namespace Execline.Tests.Unit;

public class PipelinePipesTests
{
    [Fact]
    public void A_consumer_reads_and_its_producers_write_one_pipe_known_by_the_consumers_directory()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        try
        {
            Directory.CreateDirectory($"{root}/prod");
            Directory.CreateDirectory($"{root}/cons");
            Directory.CreateDirectory($"{root}/plain");
            File.WriteAllText($"{root}/prod/producer-for", "cons\n");
            File.WriteAllText($"{root}/cons/consumer-for", "prod\n");
            var reads = PipelinePipes.ConsumerOf($"{root}/cons", reads: true);
            Assert.NotNull(reads);
            Assert.Equal(reads, PipelinePipes.ConsumerOf($"{root}/prod", reads: false));
            Assert.Null(PipelinePipes.ConsumerOf($"{root}/prod", reads: true));
            Assert.Null(PipelinePipes.ConsumerOf($"{root}/plain", reads: false));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_pipe_is_made_once_shared_by_its_users_and_closed_when_the_last_gives_it_back()
    {
        var pipes = new PipelinePipes();
        var key = (1UL, 2UL);
        Assert.True(pipes.IsNew(key));
        var first = pipes.Take(key)!;
        var second = pipes.Take(key)!;
        Assert.Same(first, second);
        Assert.False(pipes.IsNew(key));
        int read = first.ReadEnd;
        pipes.Give(key);
        Assert.Equal(read, first.ReadEnd);
        pipes.Give(key);
        Assert.Equal(-1, first.ReadEnd);
        Assert.Equal(-1, first.WriteEnd);
        Assert.True(pipes.IsNew(key));
    }
}
