using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using static Dashboard.Core.Tests.Cases.CaseFixtures;

namespace Dashboard.Core.Tests.Cases;

public sealed class CaseEventServiceTests
{
    [Fact]
    public async Task AppendAsync_ConcurrentRequests_AreAnsweredAfterCommitAndPublishedInSequenceOrder()
    {
        // The first commit is held (a slow disk) while 200 requests queue: they must share the next commits.
        var disk = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new RecordingStore { Disk = disk.Task };
        var feed = new RecordingFeed();
        await using var service = new CaseEventService(store, feed, () => Context, TimeProvider.System);

        var requests = Enumerable.Range(0, 200).Select(i => service.AppendAsync([Opened($"QJ-{i}")], CaseActor.Source("tests"), TestContext.Current.CancellationToken)).ToArray();
        disk.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.Equal(AppendOutcome.Committed, r.Outcome));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Select(r => r.Results[0].Sequence).Order());
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), feed.Published.Select(e => e.Sequence));
        Assert.True(store.Groups <= 2, $"200 queued requests took {store.Groups} commits");
    }

    [Fact]
    public async Task AppendAsync_StoreFails_TheRequestFailsAndNothingIsPublished()
    {
        var feed = new RecordingFeed();
        await using var service = new CaseEventService(new RecordingStore { Fail = true }, feed, () => Context, TimeProvider.System);

        await Assert.ThrowsAsync<IOException>(() => service.AppendAsync([Opened()], CaseActor.Source("tests"), TestContext.Current.CancellationToken));

        Assert.Empty(feed.Published);
    }

    [Fact]
    public async Task AppendDueAsync_QueuedBehindRequests_ReadsTheCasesTheyOpenedAndPublishesAfterThem()
    {
        var disk = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new RecordingStore { Disk = disk.Task };
        var feed = new RecordingFeed();
        await using var service = new CaseEventService(store, feed, () => Context, TimeProvider.System);
        var opened = Opened("QJ-LATE");
        var now = opened.OccurredAt.AddDays(30);

        // The case is opened by a request still waiting for the disk when the sweep is queued behind it.
        var request = service.AppendAsync([opened], CaseActor.Source("tests"), TestContext.Current.CancellationToken);
        var sweep = service.AppendDueAsync(now, 100, c => SlaSweep.DueEvents(c, now, Context), TestContext.Current.CancellationToken);
        disk.SetResult();
        await request;
        var swept = await sweep;

        Assert.Equal(1, swept.DueCases);
        var breaches = Assert.Single(swept.Results).NewEvents;
        Assert.Contains(breaches, e => e.Type == CaseEventType.SlaBreached);
        Assert.Equal([CaseEventType.CaseOpened, .. breaches.Select(e => e.Type)], feed.Published.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, feed.Published.Count).Select(i => (long)i), feed.Published.Select(e => e.Sequence));
    }

    /// <summary>An in-memory store with the real rules, slow enough that requests pile up into groups.</summary>
    private sealed class RecordingStore : ICaseEventAppender
    {
        private readonly Dictionary<string, CaseState> _cases = [];
        private long _last;

        public bool Fail { get; init; }

        /// <summary>Completes when the disk lets a commit finish.</summary>
        public Task Disk { get; init; } = Task.CompletedTask;

        public int Groups { get; private set; }

        public async Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            await Disk;
            if (Fail)
            {
                throw new IOException("disk full");
            }

            Groups++;
            var results = new List<AppendResult>();
            foreach (var batch in batches)
            {
                var stored = new List<StoredCaseEvent>();
                foreach (var e in batch.Select(b => b.Event))
                {
                    var state = CaseRules.Apply(_cases.GetValueOrDefault(e.CaseId), e, context).Next! with { LastSequence = ++_last };
                    _cases[e.CaseId] = state;
                    stored.Add(new StoredCaseEvent(_last, e.EventId, e.CaseId, e.Type, e.OccurredAt, recordedAt, state.UnitCode, state.RegionCode, state.Status, state.Complex, state.Priority, state.EscalationLevel, "{}"));
                }

                results.Add(new AppendResult(AppendOutcome.Committed, stored.Select(s => new AppendedEvent(s.EventId, s.Sequence, false)).ToArray(), stored));
            }

            return results;
        }

        public async Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<EncodedEvent>> plan, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
        {
            var due = _cases.Values.Where(c => c.Sla?.NextDeadlineAt <= now).OrderBy(c => c.Sla!.NextDeadlineAt).Take(limit).ToArray();
            var results = await AppendGroupAsync(due.Select(plan).Where(b => b.Count > 0).ToArray(), recordedAt, context, cancellationToken);
            return new DueAppendResult(due.Length, results);
        }
    }

    private sealed class RecordingFeed : ILiveFeed
    {
        public List<LiveCaseEvent> Published { get; } = [];

        public long LastSequence => Published.Count == 0 ? 0 : Published[^1].Sequence;

        public void Publish(IReadOnlyList<LiveCaseEvent> events) => Published.AddRange(events);

        public IDisposable Subscribe(ReadScope scope, Action<IReadOnlyList<LiveCaseEvent>> onEvents) => throw new NotSupportedException();
    }
}
