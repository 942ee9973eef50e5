using System.Collections.Concurrent;

namespace NewsArchive.Cli;

/// <summary>
/// Runs a function over a sequence on several threads and hands the results back in input order.
/// At most <c>window</c> items are in flight at once, so memory stays flat however long the input is.
/// Each worker gets its own state from the factory (an HTML parser, a serializer), used by it alone.
/// </summary>
public static class OrderedParallel
{
    public static void Run<TIn, TOut>(
        IEnumerable<TIn> items,
        int jobs,
        Func<Func<TIn, TOut>> workerFactory,
        Action<TOut> consume,
        CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (jobs <= 1)
        {
            var work = workerFactory();
            foreach (var item in items)
            {
                cancellation.ThrowIfCancellationRequested();
                consume(work(item));
            }

            return;
        }

        var window = Math.Max(jobs * 8, 16);
        using var queue = new BlockingCollection<(long Index, TIn Item)>(boundedCapacity: window);
        using var slots = new SemaphoreSlim(window, window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var results = new ConcurrentDictionary<long, TOut>();
        using var ready = new SemaphoreSlim(0);
        Exception? failure = null;
        long total = -1;

        var workers = new Thread[jobs];
        for (var w = 0; w < jobs; w++)
        {
            workers[w] = new Thread(() =>
            {
                try
                {
                    var work = workerFactory();
                    foreach (var (index, item) in queue.GetConsumingEnumerable(stop.Token))
                    {
                        results[index] = work(item);
                        ready.Release();
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                    stop.Cancel();
                    ready.Release();
                }
            })
            {
                IsBackground = true,
                Name = $"newsarchive worker {w + 1}",
            };
            workers[w].Start();
        }

        var producer = new Thread(() =>
        {
            long count = 0;
            try
            {
                foreach (var item in items)
                {
                    slots.Wait(stop.Token);
                    queue.Add((count, item), stop.Token);
                    count++;
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                stop.Cancel();
            }
            finally
            {
                queue.CompleteAdding();
                Interlocked.Exchange(ref total, count);
                ready.Release();
            }
        })
        {
            IsBackground = true,
            Name = "newsarchive reader",
        };
        producer.Start();

        try
        {
            long next = 0;
            while (true)
            {
                if (results.TryRemove(next, out var result))
                {
                    consume(result);
                    next++;
                    slots.Release();
                    continue;
                }

                if (Volatile.Read(ref failure) is { } error)
                {
                    throw new AggregateException(error);
                }

                var known = Interlocked.Read(ref total);
                if (known >= 0 && next >= known)
                {
                    // The reader also stops early when cancelled: that is not a complete run.
                    cancellation.ThrowIfCancellationRequested();
                    break;
                }

                ready.Wait(stop.Token);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var worker in workers)
            {
                worker.Join();
            }

            producer.Join();
        }
    }
}
