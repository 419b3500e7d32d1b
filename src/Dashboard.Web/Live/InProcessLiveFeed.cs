using System.Collections.Immutable;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Live;

/// <summary>
/// The live feed of one instance: a singleton that hands out disposable, scope-filtered subscriptions
/// (the Aspire dashboard's pattern). Publishing never waits on a subscriber.
/// </summary>
public sealed class InProcessLiveFeed(ILogger<InProcessLiveFeed> logger, Catalogue.CatalogueService catalogue) : ILiveFeed
{
    // An institution scope places each event's region with the catalogue.
    private string? InstitutionOfRegion(string regionCode) => catalogue.Current.InstitutionOfRegion(regionCode);

    private ImmutableArray<Subscription> _subscriptions = [];
    private long _lastSequence;

    public long LastSequence => Interlocked.Read(ref _lastSequence);

    public int SubscriberCount => _subscriptions.Length;

    public void Publish(IReadOnlyList<LiveCaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        Interlocked.Exchange(ref _lastSequence, Math.Max(LastSequence, events[^1].Sequence));
        foreach (var subscription in _subscriptions)
        {
            var visible = subscription.Scope.Level == ScopeLevel.All
                ? events
                : events.Where(e => subscription.Scope.Allows(e.RegionCode, e.UnitCode, InstitutionOfRegion)).ToArray();
            if (visible.Count == 0)
            {
                continue;
            }

            try
            {
                subscription.OnEvents(visible);
            }
            catch (Exception ex)
            {
                // One broken subscriber must not stop the others or the publisher.
                logger.LogError(ex, "A live feed subscriber for {Scope} failed", subscription.Scope);
            }
        }
    }

    public IDisposable Subscribe(ReadScope scope, Action<IReadOnlyList<LiveCaseEvent>> onEvents)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(onEvents);
        var subscription = new Subscription(this, scope, onEvents);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));

    private sealed class Subscription(InProcessLiveFeed feed, ReadScope scope, Action<IReadOnlyList<LiveCaseEvent>> onEvents) : IDisposable
    {
        public ReadScope Scope { get; } = scope;

        public Action<IReadOnlyList<LiveCaseEvent>> OnEvents { get; } = onEvents;

        public void Dispose() => feed.Remove(this);
    }
}
