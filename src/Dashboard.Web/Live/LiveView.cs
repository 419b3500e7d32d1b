using Dashboard.Core.Live;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Live;

/// <summary>
/// The one way a page follows the live feed (the Aspire dashboard's pattern): a scope-filtered subscription whose
/// relevant events reach the page through a throttler (at most one refresh per <see cref="LiveOptions.RefreshInterval"/>,
/// however many events arrive), in the ExecutionContext the page created it in (so its reads keep the reader's
/// culture), with an optional heartbeat for what the feed does not announce, and a pause switch for reading in peace
/// (Aspire's PauseManager): while paused the page is not refreshed, events are only counted, and only the switch that
/// shows the count redraws; resuming re-reads the page once. Pages get one from <c>SignedInPage.Watch</c>, which
/// marshals onto the circuit with InvokeAsync and reports failures with DispatchExceptionAsync; they dispose it.
/// </summary>
public sealed class LiveView : IDisposable
{
    /// <summary>At most this many events wait for a handler that wants them; a longer burst keeps its newest.</summary>
    public const int MaxWaitingEvents = 200;

    private readonly Func<IReadOnlyList<LiveCaseEvent>, Task> _onEvents;
    private readonly Func<LiveCaseEvent, bool>? _relevant;
    private readonly Throttler _pageThrottler;
    private readonly Throttler _counterThrottler;
    private readonly IDisposable _subscription;
    private readonly ITimer? _heartbeat;
    private readonly Lock _lock = new();
    private List<LiveCaseEvent> _arrived = [];
    private Func<Task>? _waitingChanged;
    private int _waiting;
    private volatile bool _paused;

    /// <param name="feed">The instance's live feed.</param>
    /// <param name="scope">What the viewer may see; the feed drops every other event.</param>
    /// <param name="onEvents">Given the relevant events since the last call (none for a heartbeat or a resume): re-reads and redraws.</param>
    /// <param name="time">The clock of the throttle and the heartbeat.</param>
    /// <param name="interval">The least time between two refreshes.</param>
    /// <param name="relevant">Narrows further to what this page shows (a unit, a filter); null takes every event in scope.</param>
    /// <param name="every">Also refresh this often, for what arrives outside the feed (alerts written by a job); null: only on events.</param>
    public LiveView(ILiveFeed feed, ReadScope scope, Func<IReadOnlyList<LiveCaseEvent>, Task> onEvents, TimeProvider time, TimeSpan interval,
        Func<LiveCaseEvent, bool>? relevant = null, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(time);
        // Events arrive on the publisher's thread and the throttle's timer: the page's reads and redraws run in the
        // context the page created this view in, so they keep the reader's culture (Aspire's throttler does the same).
        var context = ExecutionContext.Capture();
        _onEvents = context is null ? onEvents : events => RunIn(context, () => onEvents(events));
        _relevant = relevant;
        _pageThrottler = new Throttler(interval, RefreshUnlessPausedAsync, time);
        _counterThrottler = new Throttler(interval, () => _waitingChanged is { } redraw ? context is null ? redraw() : RunIn(context, redraw) : Task.CompletedTask, time);
        _subscription = feed.Subscribe(scope, OnEvents);
        if (every is { } period)
        {
            _heartbeat = time.CreateTimer(_ => _pageThrottler.Signal(), null, period, period);
        }
    }

    /// <summary>A view whose page re-reads itself on any relevant event.</summary>
    public LiveView(ILiveFeed feed, ReadScope scope, Func<Task> refresh, TimeProvider time, TimeSpan interval, Func<LiveCaseEvent, bool>? relevant = null, TimeSpan? every = null)
        : this(feed, scope, _ => refresh(), time, interval, relevant, every)
    {
    }

    public bool Paused => _paused;

    /// <summary>Events that arrived while paused: what resuming will bring in.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The pause switch's own redraw, called (throttled, on the thread pool) as events wait; null to stop.</summary>
    public void OnWaitingChanged(Func<Task>? redraw) => _waitingChanged = redraw;

    public void Pause() => _paused = true;

    /// <summary>Re-reads the page as an event would (throttled, unless paused): for what may have been missed before the view was watching.</summary>
    public void RefreshSoon() => _pageThrottler.Signal();

    /// <summary>Back to live: forgets the count and re-reads the page once.</summary>
    public async Task ResumeAsync()
    {
        _paused = false;
        Interlocked.Exchange(ref _waiting, 0);
        await _onEvents(TakeArrived());
    }

    private void OnEvents(IReadOnlyList<LiveCaseEvent> events)
    {
        var relevant = _relevant is null ? events : events.Where(_relevant).ToArray();
        if (relevant.Count == 0)
        {
            return;
        }

        if (_paused)
        {
            Interlocked.Add(ref _waiting, relevant.Count);
            _counterThrottler.Signal();
            return;
        }

        lock (_lock)
        {
            _arrived.AddRange(relevant);
            if (_arrived.Count > MaxWaitingEvents)
            {
                _arrived.RemoveRange(0, _arrived.Count - MaxWaitingEvents);
            }
        }

        _pageThrottler.Signal();
    }

    private IReadOnlyList<LiveCaseEvent> TakeArrived()
    {
        lock (_lock)
        {
            var taken = _arrived;
            _arrived = [];
            return taken;
        }
    }

    // A refresh planned just before the pause is dropped: the page stays as the reader froze it.
    private Task RefreshUnlessPausedAsync() => _paused ? Task.CompletedTask : _onEvents(TakeArrived());

    private static Task RunIn(ExecutionContext context, Func<Task> action)
    {
        var task = Task.CompletedTask;
        ExecutionContext.Run(context, _ => task = action(), null);
        return task;
    }

    public void Dispose()
    {
        _heartbeat?.Dispose();
        _subscription.Dispose();
        _pageThrottler.Dispose();
        _counterThrottler.Dispose();
        _waitingChanged = null;
    }
}
