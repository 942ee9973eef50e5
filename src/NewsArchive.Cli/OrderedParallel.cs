using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace NewsArchive.Cli;

/// <summary>
/// Runs a function over a sequence on several threads and hands the results back in input order.
/// At most <c>window</c> items are in flight at once, so memory stays flat however long the input is.
/// Each worker gets its own state from the factory (an HTML parser, a serializer), used by it alone.
/// </summary>
/// <remarks>
/// The worker that finishes the next result in order hands it (and any that follow it) to
/// <c>consume</c>, one worker at a time; the reader refills the window in batches. So no thread
/// is woken once per item: with as many workers as cores, a wake-up per item preempts a worker.
/// </remarks>
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

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var run = new Pipeline<TOut>(Math.Max(jobs * 16, 32), consume, stop);
        using var queue = new BlockingCollection<(long Index, TIn Item)>(boundedCapacity: run.Window);

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
                        run.Complete(index, work(item));
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception ex)
                {
                    run.Fail(new AggregateException(ex));
                }
            })
            {
                IsBackground = true,
                Name = $"newsarchive worker {w + 1}",
            };
            workers[w].Start();
        }

        var reader = new Thread(() =>
        {
            long count = 0;
            try
            {
                foreach (var item in items)
                {
                    run.WaitForRoom();
                    queue.Add((count, item), stop.Token);
                    count++;
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                run.Fail(new AggregateException(ex));
            }
            finally
            {
                queue.CompleteAdding();
                run.SetTotal(count);
            }
        })
        {
            IsBackground = true,
            Name = "newsarchive reader",
        };
        reader.Start();

        try
        {
            run.WaitUntilDone(cancellation);
            run.ThrowIfFailed();

            // The reader also stops early when cancelled: that is not a complete run.
            cancellation.ThrowIfCancellationRequested();
        }
        finally
        {
            stop.Cancel();
            foreach (var worker in workers)
            {
                worker.Join();
            }

            reader.Join();
        }
    }

    /// <summary>The shared state of one parallel run: finished results, the next to consume, the window.</summary>
    private sealed class Pipeline<TOut>(int window, Action<TOut> consume, CancellationTokenSource stop) : IDisposable
    {
        private readonly ConcurrentDictionary<long, TOut> results = new();
        private readonly Lock consuming = new();
        private readonly Lock flow = new();
        private readonly ManualResetEventSlim done = new();
        private readonly SemaphoreSlim room = new(0);
        private long next;
        private long total = -1;
        private int inFlight;
        private bool readerWaiting;
        private Exception? failure;

        public int Window => window;

        /// <summary>Called by the reader before it queues an item: waits while the window is full.</summary>
        public void WaitForRoom()
        {
            while (true)
            {
                lock (flow)
                {
                    if (inFlight < window)
                    {
                        inFlight++;
                        return;
                    }

                    readerWaiting = true;
                }

                room.Wait(stop.Token);
            }
        }

        /// <summary>Stores a finished result and, unless another worker is at it, consumes what is ready in order.</summary>
        public void Complete(long index, TOut result)
        {
            results[index] = result;
            while (true)
            {
                if (!consuming.TryEnter())
                {
                    // The worker consuming now looks again for the next result after it lets go.
                    return;
                }

                var consumed = 0;
                try
                {
                    while (!stop.IsCancellationRequested && results.TryRemove(next, out var ready))
                    {
                        consume(ready);
                        next++;
                        consumed++;
                    }

                    if (Volatile.Read(ref total) is >= 0 and var known && next >= known)
                    {
                        done.Set();
                    }
                }
                catch (Exception ex)
                {
                    Fail(ex);
                    return;
                }
                finally
                {
                    consuming.Exit();
                    Release(consumed);
                }

                if (stop.IsCancellationRequested || !results.ContainsKey(Volatile.Read(ref next)))
                {
                    return;
                }
            }
        }

        public void SetTotal(long count)
        {
            lock (consuming)
            {
                Volatile.Write(ref total, count);
                if (next >= count)
                {
                    done.Set();
                }
            }
        }

        public void Fail(Exception exception)
        {
            Interlocked.CompareExchange(ref failure, exception, null);
            stop.Cancel();
            done.Set();
        }

        public void WaitUntilDone(CancellationToken cancellation) => done.Wait(cancellation);

        public void ThrowIfFailed()
        {
            if (Volatile.Read(ref failure) is { } error)
            {
                // consume's own exceptions keep their type (a closed pipe is an IOException to the caller).
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }

        public void Dispose()
        {
            done.Dispose();
            room.Dispose();
        }

        /// <summary>Frees window slots; the waiting reader is woken once half the window is free.</summary>
        private void Release(int consumed)
        {
            if (consumed == 0)
            {
                return;
            }

            lock (flow)
            {
                inFlight -= consumed;
                if (readerWaiting && inFlight <= window / 2)
                {
                    readerWaiting = false;
                    room.Release();
                }
            }
        }
    }
}
