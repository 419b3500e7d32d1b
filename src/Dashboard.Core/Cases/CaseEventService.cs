using System.Threading.Channels;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Cases;

/// <summary>
/// The one way in for every change of a case, from a source system, a person or a job.
/// Requests queue for a single writer that commits whatever is waiting as one group (group commit: one durable
/// commit serves many requests), publishes the new events to the live feed in sequence order, and only then
/// answers each request. Each request's batch stays atomic: a bad batch fails alone.
/// </summary>
public sealed class CaseEventService : IAsyncDisposable
{
    /// <summary>How many events one group may hold; a larger queue simply forms the next group.</summary>
    public const int MaxGroupEvents = 5000;

    private readonly ICaseEventAppender _store;
    private readonly ILiveFeed _feed;
    private readonly Func<CaseContext> _context;
    private readonly TimeProvider _time;
    private readonly ICaseEventMetrics? _metrics;
    private readonly Channel<Work> _queue = System.Threading.Channels.Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>When the writer entered its current commit (a <see cref="TimeProvider"/> timestamp); 0 while it waits for work.</summary>
    private long _commitStarted;

    public CaseEventService(ICaseEventAppender store, ILiveFeed feed, Func<CaseContext> context, TimeProvider time, ICaseEventMetrics? metrics = null)
    {
        _store = store;
        _feed = feed;
        _context = context;
        _time = time;
        _metrics = metrics;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>How long the writer has been inside its current commit; zero while it waits for work. A stuck disk shows here.</summary>
    public TimeSpan CurrentCommitAge => Volatile.Read(ref _commitStarted) is var started and not 0 ? _time.GetElapsedTime(started) : TimeSpan.Zero;

    /// <summary>
    /// Completes once the batch is durable (or refused); cancelling only withdraws a batch still waiting.
    /// <paramref name="by"/> is who sends it (a person, a source system's key, Tablero itself), stored with every event.
    /// </summary>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<CaseEvent> events, CaseActor by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(by);
        var pending = new Pending(events.Select(e => EncodedEvent.Of(e, by)).ToArray(), by.Kind, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new CaseEventServiceStoppedException();
        }

        return await pending.Completion.Task;
    }

    /// <summary>
    /// The SLA sweep's way in: the writer reads the cases due at <paramref name="now"/> (at most
    /// <paramref name="limit"/>) inside its own transaction, so the plan sees the state its events apply to and nothing
    /// is read twice. It runs between groups like any request, and its events are published the same way; their actor
    /// is the sweep.
    /// </summary>
    public async Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<CaseEvent>> plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sweep = new DueSweep(now, limit, c => plan(c).Select(e => EncodedEvent.Of(e, CaseActor.SlaSweep)).ToArray(), cancellationToken);
        if (!_queue.Writer.TryWrite(sweep))
        {
            throw new CaseEventServiceStoppedException();
        }
        return await sweep.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var events = 0;
            while (events < MaxGroupEvents && _queue.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Cancel();
                    continue;
                }

                if (next is DueSweep sweep)
                {
                    // What was queued before the sweep commits first: the queue's order is the log's order.
                    if (group.Count > 0)
                    {
                        await CommitAsync(group);
                        group.Clear();
                        events = 0;
                    }

                    await SweepAsync(sweep);
                    continue;
                }

                var pending = (Pending)next;
                group.Add(pending);
                events += pending.Events.Count;
            }

            if (group.Count > 0)
            {
                await CommitAsync(group);
            }
        }
    }

    private async Task CommitAsync(List<Pending> group)
    {
        IReadOnlyList<AppendResult> results;
        var started = _time.GetTimestamp();
        try
        {
            // Once a group is being written it is not cancelled: its requests learn the outcome either way.
            Volatile.Write(ref _commitStarted, started);
            results = await _store.AppendGroupAsync(group.Select(p => p.Events).ToArray(), _time.GetUtcNow(), _context(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing was committed: every request of the group fails and may be retried with the same event ids.
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(ex);
            }

            return;
        }
        finally
        {
            Volatile.Write(ref _commitStarted, 0);
        }

        Publish(results, Committed(results, started));
        for (var i = 0; i < group.Count; i++)
        {
            _metrics?.Answered(group[i].By, group[i].Events.Count, results[i]);
            group[i].Completion.TrySetResult(results[i]);
        }
    }

    private async Task SweepAsync(DueSweep sweep)
    {
        DueAppendResult result;
        var started = _time.GetTimestamp();
        try
        {
            Volatile.Write(ref _commitStarted, started);
            result = await _store.AppendDueAsync(sweep.Now, sweep.Limit, sweep.Plan, _time.GetUtcNow(), _context(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            sweep.Completion.TrySetException(ex);
            return;
        }
        finally
        {
            Volatile.Write(ref _commitStarted, 0);
        }

        Publish(result.Results, Committed(result.Results, started));
        sweep.Completion.TrySetResult(result);
    }

    /// <summary>Reports the commit that began at <paramref name="started"/> and just ended; answers when it ended.</summary>
    private long Committed(IEnumerable<AppendResult> results, long started)
    {
        var ended = _time.GetTimestamp();
        _metrics?.Committed(results.Sum(r => r.NewEvents.Count), _time.GetElapsedTime(started, ended));
        return ended;
    }

    private void Publish(IEnumerable<AppendResult> results, long committedAt)
    {
        var published = results.SelectMany(r => r.NewEvents).Select(LiveCaseEvent.From).ToArray();
        if (published.Length > 0)
        {
            _feed.Publish(published);
            _metrics?.Published(published.Length, _time.GetElapsedTime(committedAt));
        }
    }

    /// <summary>
    /// The host is stopping: nothing new is taken (<see cref="CaseEventServiceStoppedException"/>), and the writer
    /// commits and answers everything already queued. Completes when it has.
    /// </summary>
    public Task StopTakingAsync()
    {
        _queue.Writer.TryComplete();
        return _writer;
    }

    public async ValueTask DisposeAsync() => await StopTakingAsync();

    /// <summary>What the writer takes from the queue: a request's batch, or a sweep of due cases.</summary>
    private abstract record Work(CancellationToken CancellationToken)
    {
        public abstract void Cancel();
    }

    private sealed record Pending(IReadOnlyList<EncodedEvent> Events, ActorKind By, CancellationToken CancellationToken) : Work(CancellationToken)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Cancel() => Completion.TrySetCanceled(CancellationToken);
    }

    private sealed record DueSweep(DateTimeOffset Now, int Limit, Func<CaseState, IReadOnlyList<EncodedEvent>> Plan, CancellationToken CancellationToken) : Work(CancellationToken)
    {
        public TaskCompletionSource<DueAppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Cancel() => Completion.TrySetCanceled(CancellationToken);
    }
}

/// <summary>The case-event service takes no more work: the host is stopping. Nothing of the refused batch was stored.</summary>
public sealed class CaseEventServiceStoppedException() : InvalidOperationException("The service is stopping and takes no more events; nothing was stored");
