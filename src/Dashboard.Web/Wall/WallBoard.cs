using System.Collections.Concurrent;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Wall;

/// <summary>What a wall draws: the snapshot, when it was read, the scope's clock zone, the latest events, and the trend figures.</summary>
public sealed record WallView(WallSnapshot Snapshot, DateTimeOffset ReadAt, TimeZoneInfo Zone, IReadOnlyList<WallTick> Ticker, WallTrends? Trends)
{
    /// <summary>The committees' agreements of the scope still open after their due day; null on a unit's wall (its page lists them).</summary>
    public int? OverdueAgreements { get; init; }

    /// <summary>The current bimester's perception survey of the scope's hospitals; null where it has none (a family-medicine unit).</summary>
    public Surveys.SurveyRoundView? Survey { get; init; }
}

/// <summary>One ticker line: the event and what its case is about (kind and category; never who).</summary>
public sealed record WallTick(LiveCaseEvent Event, CaseKind? Kind, string? Category);

/// <summary>The big numbers now, at the same hour yesterday and a week ago (null where they could not be read).</summary>
public sealed record WallTrends(WallFigures Now, WallFigures? Yesterday, WallFigures? LastWeek, DateTimeOffset ReadAt);

/// <summary>
/// One shared board per scope, however many walls show it: the database is read once per scope at most four times a
/// second while events arrive (and every half minute anyway, so "today" turns over at midnight), and every wall of
/// that scope gets the same view. A scope's board lives while some wall watches it.
/// </summary>
public sealed class WallBoard(IWallReader cases, ICaseReader caseFacts, ICaseEventLog events, ILiveFeed feed, CatalogueService catalogue, IOptions<WallOptions> options,
    IOptions<LiveOptions> live, TimeProvider time, ILogger<WallBoard> logger, Core.Committees.IAgreementStore agreements, Surveys.SurveyService? surveys = null)
{
    /// <summary>Rows read for each list (due soon, units, regions' worst units, técnicas): more than any screen shows.</summary>
    public const int ListLength = 12;
    public const int TickerLength = 12;

    /// <summary>How often the trend figures (now, yesterday, a week ago) and the compliance are read: they move slowly.</summary>
    public static readonly TimeSpan TrendsEvery = TimeSpan.FromMinutes(1);

    /// <summary>How far back in the log a new board looks for its ticker: a quiet unit may show fewer than a full ticker.</summary>
    public const int TickerLookBack = 5000;

    private readonly IWallReader _cases = cases;
    private readonly Core.Committees.IAgreementStore _agreements = agreements;
    private readonly Surveys.SurveyService? _surveys = surveys;
    private readonly ICaseReader _caseFacts = caseFacts;
    private readonly ICaseEventLog _events = events;
    private readonly ILiveFeed _feed = feed;
    private readonly TimeProvider _time = time;
    private readonly LiveOptions _live = live.Value;
    private readonly ILogger<WallBoard> _logger = logger;
    private readonly ConcurrentDictionary<string, ScopeBoard> _boards = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Calls <paramref name="onView"/> with each new view of the scope, in the execution context it was watched from (as
    /// <see cref="LiveView"/> does): a wall renders in its reader's culture whichever thread read the board. Dispose to stop.
    /// </summary>
    public async Task<IDisposable> WatchAsync(ReadScope scope, Action<WallView> onView)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(onView);
        var context = ExecutionContext.Capture();
        Action<WallView> watcher = context is null ? onView : view => ExecutionContext.Run(context, _ => onView(view), null);
        ScopeBoard board;
        lock (_lock)
        {
            board = _boards.GetOrAdd(scope.ToString(), _ => new ScopeBoard(this, scope));
            board.Watchers.Add(watcher);
        }

        await board.StartAsync();
        if (board.Current is { } view)
        {
            watcher(view);
        }

        return new Watch(this, board, watcher);
    }

    private void Unwatch(ScopeBoard board, Action<WallView> onView)
    {
        lock (_lock)
        {
            board.Watchers.Remove(onView);
            if (board.Watchers.Count == 0)
            {
                _boards.TryRemove(board.Key, out _);
                board.Dispose();
            }
        }
    }

    /// <summary>The zone of a scope's clock and day: its unit's or region's, the zone most of an institution's regions keep, or the configured one.</summary>
    public TimeZoneInfo ZoneOf(ReadScope scope)
    {
        var id = scope.Level switch
        {
            ScopeLevel.Region => catalogue.Current.FindRegion(scope.Code!)?.TimeZone,
            ScopeLevel.Unit => catalogue.Current.FindUnit(scope.Code!)?.TimeZone,
            // An institution's clock is the zone most of its regions keep (Mexico City for IMSS, Lima for EsSalud).
            ScopeLevel.Institution => catalogue.Current.Snapshot.Regions.Where(r => r.Institution.ToString() == scope.Code)
                .GroupBy(r => r.TimeZone).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(),
            _ => null,
        };
        return TimeZoneInfo.FindSystemTimeZoneById(id ?? options.Value.TimeZone);
    }

    private sealed class Watch(WallBoard owner, ScopeBoard board, Action<WallView> onView) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unwatch(board, onView);
            }
        }
    }

    private sealed class ScopeBoard : IDisposable
    {
        private readonly WallBoard _owner;
        private readonly ReadScope _scope;
        private readonly Throttler _throttler;
        private readonly Lock _tickerLock = new();
        private readonly Queue<LiveCaseEvent> _ticker = new();
        private readonly SemaphoreSlim _started = new(1, 1);
        private readonly Dictionary<string, (CaseKind Kind, string Category)> _caseFacts = new(StringComparer.Ordinal);
        private IDisposable? _subscription;
        private ITimer? _idle;
        private volatile WallView? _current;
        private WallTrends? _trends;
        private Surveys.SurveyRoundView? _survey;

        public ScopeBoard(WallBoard owner, ReadScope scope)
        {
            _owner = owner;
            _scope = scope;
            Key = scope.ToString();
            _throttler = new Throttler(owner._live.RefreshInterval, RefreshAsync, owner._time);
        }

        public string Key { get; }

        public List<Action<WallView>> Watchers { get; } = [];

        public WallView? Current => _current;

        public async Task StartAsync()
        {
            await _started.WaitAsync();
            try
            {
                if (_subscription is not null)
                {
                    return;
                }

                _subscription = _owner._feed.Subscribe(_scope, OnEvents);
                await FillTickerAsync();
                await RefreshAsync();
                _idle = _owner._time.CreateTimer(_ => _throttler.Signal(), null, _owner._live.IdleRefresh, _owner._live.IdleRefresh);
            }
            finally
            {
                _started.Release();
            }
        }

        /// <summary>
        /// A wall opened at a quiet moment shows the latest events of its scope from the log, not an empty ticker.
        /// Subscribed first: events that arrive meanwhile are merged by sequence, none lost and none twice.
        /// </summary>
        private async Task FillTickerAsync()
        {
            try
            {
                var last = await _owner._events.ReadLastSequenceAsync();
                var recent = await _owner._events.ReadAfterAsync(Math.Max(0, last - TickerLookBack), TickerLookBack, _scope);
                Add(recent.Select(LiveCaseEvent.From).ToArray());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _owner._logger.LogWarning(ex, "Wall ticker for {Scope} could not be read from the log; it fills as events arrive", _scope);
            }
        }

        private void OnEvents(IReadOnlyList<LiveCaseEvent> events)
        {
            Add(events);
            _throttler.Signal();
        }

        private void Add(IReadOnlyList<LiveCaseEvent> events)
        {
            lock (_tickerLock)
            {
                var merged = _ticker.Concat(events.TakeLast(TickerLength)).DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).TakeLast(TickerLength).ToArray();
                _ticker.Clear();
                foreach (var e in merged)
                {
                    _ticker.Enqueue(e);
                }
            }
        }

        private async Task RefreshAsync()
        {
            try
            {
                var zone = _owner.ZoneOf(_scope);
                var now = _owner._time.GetUtcNow();
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
                var snapshot = await _owner._cases.ReadWallAsync(_scope, StartOf(today, zone), StartOf(today.AddDays(1), zone), ListLength);
                LiveCaseEvent[] ticker;
                lock (_tickerLock)
                {
                    ticker = _ticker.Reverse().ToArray();
                }

                if (_trends is null || now - _trends.ReadAt >= TrendsEvery)
                {
                    try
                    {
                        _trends = await ReadTrendsAsync(now, zone);
                        // The survey moves once a bimester: read with the slow figures.
                        _survey = _owner._surveys is { } surveys && surveys.Hospitals(_scope).Count > 0 ? await surveys.ReadRoundAsync(surveys.CurrentRound, _scope) : null;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The live numbers still go up; the trend marks wait for the next minute.
                        _owner._logger.LogWarning(ex, "Wall board {Scope} could not read its trend figures", Key);
                    }
                }

                var view = new WallView(snapshot, now, zone, await DescribeAsync(ticker), _trends)
                {
                    OverdueAgreements = _scope.Level == ScopeLevel.Unit ? null : await _owner._agreements.ReadOverdueCountAsync(_scope, now),
                    Survey = _survey,
                };
                _current = view;
                Action<WallView>[] watchers;
                lock (_owner._lock)
                {
                    watchers = [.. Watchers];
                }

                foreach (var watcher in watchers)
                {
                    watcher(view);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The walls keep their last good view; the next event or the idle timer tries again.
                _owner._logger.LogWarning(ex, "Wall board {Scope} could not refresh", Key);
            }
        }

        /// <summary>The figures now, at the same hour yesterday and on the same weekday last week, each from its own day.</summary>
        private async Task<WallTrends> ReadTrendsAsync(DateTimeOffset now, TimeZoneInfo zone)
        {
            async Task<WallFigures> At(DateTimeOffset at) =>
                await _owner._cases.ReadFiguresAtAsync(_scope, at, StartOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime), zone));

            return new WallTrends(await At(now), await At(now.AddDays(-1)), await At(now.AddDays(-7)), now);
        }

        /// <summary>Kind and category of each ticker event's case, read once per case (the feed carries neither).</summary>
        private async Task<WallTick[]> DescribeAsync(LiveCaseEvent[] ticker)
        {
            if (_caseFacts.Count > 4 * TickerLength)
            {
                _caseFacts.Clear();
            }

            var ticks = new WallTick[ticker.Length];
            for (var i = 0; i < ticker.Length; i++)
            {
                var e = ticker[i];
                if (!_caseFacts.TryGetValue(e.CaseId, out var facts) && await _owner._caseFacts.ReadByIdAsync(e.CaseId, _scope) is { } state)
                {
                    facts = (state.Kind, state.Category);
                    _caseFacts[e.CaseId] = facts;
                }

                ticks[i] = facts == default ? new WallTick(e, null, null) : new WallTick(e, facts.Kind, facts.Category);
            }

            return ticks;
        }

        private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(1)) : zone.GetUtcOffset(local)).ToUniversalTime();
        }

        public void Dispose()
        {
            _subscription?.Dispose();
            _idle?.Dispose();
            _throttler.Dispose();
            _started.Dispose();
        }
    }
}
