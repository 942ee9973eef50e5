namespace NewsArchive.Cli.Tests;

/// <summary>Results come back in input order, once each, whatever the job count and however long each item takes.</summary>
public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 5_000)]
    [InlineData(3, 5_000)]
    [InlineData(8, 20_000)]
    public void Run_AnyJobCount_ConsumesEveryResultInInputOrder(int jobs, int count)
    {
        var consumed = new List<int>();
        OrderedParallel.Run<int, int>(
            Enumerable.Range(0, count),
            jobs,
            () => item =>
            {
                // Uneven work, so later items often finish before earlier ones.
                if (item % 97 == 0)
                {
                    Thread.Sleep(1);
                }

                return item * 2;
            },
            consumed.Add);

        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 2), consumed);
    }

    [Fact]
    public void Run_ManyItems_KeepsAtMostTheWindowInFlight()
    {
        var started = 0;
        var consumedCount = 0;
        var most = 0;
        OrderedParallel.Run<int, int>(
            Enumerable.Range(0, 10_000),
            2,
            () => item =>
            {
                var inFlight = Interlocked.Increment(ref started) - Volatile.Read(ref consumedCount);
                InterlockedMax(ref most, inFlight);
                return item;
            },
            _ => Interlocked.Increment(ref consumedCount));

        Assert.Equal(10_000, consumedCount);
        Assert.InRange(most, 1, 32);
    }

    [Fact]
    public void Run_ConsumerThrows_TheSameExceptionReachesTheCaller()
    {
        var error = Assert.Throws<IOException>(() => OrderedParallel.Run<int, int>(
            Enumerable.Range(0, 1_000),
            2,
            () => item => item,
            result =>
            {
                if (result == 300)
                {
                    throw new IOException("Broken pipe");
                }
            }));
        Assert.Equal("Broken pipe", error.Message);
    }

    [Fact]
    public void Run_WorkerThrows_FailsTheRun()
    {
        var error = Assert.Throws<AggregateException>(() => OrderedParallel.Run<int, int>(
            Enumerable.Range(0, 1_000),
            2,
            () => item => item == 500 ? throw new InvalidOperationException("bad item") : item,
            _ => { }));
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void Run_Cancelled_StopsWithoutConsumingEverything()
    {
        using var cancel = new CancellationTokenSource();
        var consumed = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => OrderedParallel.Run<int, int>(
            Enumerable.Range(0, 1_000_000),
            2,
            () => item => item,
            _ =>
            {
                if (++consumed == 1_000)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token));
        Assert.InRange(consumed, 1_000, 999_999);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
