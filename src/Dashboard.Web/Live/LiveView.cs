using Dashboard.Core.Live;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Live;

/// <summary>
/// A live page's link to the feed: a scope-filtered subscription whose events re-read the page through a throttler
/// (at most one refresh per <see cref="RefreshInterval"/>, however many events arrive), and a pause switch for reading
/// in peace (the Aspire dashboard's PauseManager). While paused the page is not refreshed: events are only counted, and
/// only the switch that shows the count redraws; resuming re-reads the page once.
/// </summary>
public sealed class LiveView : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly Func<Task> _refresh;
    private readonly Func<LiveCaseEvent, bool>? _relevant;
    private readonly Throttler _pageThrottler;
    private readonly Throttler _counterThrottler;
    private readonly IDisposable _subscription;
    private Func<Task>? _waitingChanged;
    private int _waiting;
    private volatile bool _paused;

    /// <param name="feed">The instance's live feed.</param>
    /// <param name="scope">What the viewer may see; the feed drops every other event.</param>
    /// <param name="refresh">Re-reads and redraws the page (it marshals onto its circuit itself).</param>
    /// <param name="time">The clock of the throttle.</param>
    /// <param name="relevant">Narrows further to what this page shows (a unit, a filter); null takes every event in scope.</param>
    public LiveView(ILiveFeed feed, ReadScope scope, Func<Task> refresh, TimeProvider time, Func<LiveCaseEvent, bool>? relevant = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        // Events arrive on the publisher's thread and the throttle's timer: the page's reads and redraws run in the
        // context the page created this view in, so they keep the reader's culture (Aspire's throttler does the same).
        var context = ExecutionContext.Capture();
        _refresh = context is null ? refresh : () => RunIn(context, refresh);
        _relevant = relevant;
        _pageThrottler = new Throttler(RefreshInterval, RefreshUnlessPausedAsync, time);
        _counterThrottler = new Throttler(RefreshInterval, () => _waitingChanged is { } redraw ? context is null ? redraw() : RunIn(context, redraw) : Task.CompletedTask, time);
        _subscription = feed.Subscribe(scope, OnEvents);
    }

    public bool Paused => _paused;

    /// <summary>Events that arrived while paused: what resuming will bring in.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The pause switch's own redraw, called (throttled, on the thread pool) as events wait; null to stop.</summary>
    public void OnWaitingChanged(Func<Task>? redraw) => _waitingChanged = redraw;

    public void Pause() => _paused = true;

    /// <summary>Back to live: forgets the count and re-reads the page once.</summary>
    public async Task ResumeAsync()
    {
        _paused = false;
        Interlocked.Exchange(ref _waiting, 0);
        await _refresh();
    }

    private void OnEvents(IReadOnlyList<LiveCaseEvent> events)
    {
        var count = _relevant is null ? events.Count : events.Count(_relevant);
        if (count == 0)
        {
            return;
        }

        if (_paused)
        {
            Interlocked.Add(ref _waiting, count);
            _counterThrottler.Signal();
        }
        else
        {
            _pageThrottler.Signal();
        }
    }

    // A refresh planned just before the pause is dropped: the page stays as the reader froze it.
    private Task RefreshUnlessPausedAsync() => _paused ? Task.CompletedTask : _refresh();

    private static Task RunIn(ExecutionContext context, Func<Task> action)
    {
        var task = Task.CompletedTask;
        ExecutionContext.Run(context, _ => task = action(), null);
        return task;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _pageThrottler.Dispose();
        _counterThrottler.Dispose();
        _waitingChanged = null;
    }
}
