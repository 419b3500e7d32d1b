using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Dashboard.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Live;

/// <summary>The live pages' link to the feed, on a fake clock: throttled refreshes, a pause that holds, the reader's culture kept.</summary>
public sealed class LiveViewTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero));
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, Components.TestCatalogue.Create());
    private readonly List<string> _refreshes = [];
    private int _redraws;

    private static readonly TimeSpan Interval = new LiveOptions().RefreshInterval;

    private LiveView View(Func<LiveCaseEvent, bool>? relevant = null, TimeSpan? every = null) => new(_feed, ReadScope.All, () =>
    {
        lock (_refreshes)
        {
            _refreshes.Add(CultureInfo.CurrentCulture.Name);
        }

        return Task.CompletedTask;
    }, _clock, Interval, relevant, every);

    private int Refreshes
    {
        get
        {
            lock (_refreshes)
            {
                return _refreshes.Count;
            }
        }
    }

    private static LiveCaseEvent Event(long sequence, string unit = "UMF-JAL-023") =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", CaseEventType.CaseOpened, DateTimeOffset.UnixEpoch, "IMSS-JAL", unit, CaseStatus.New, false, Priority.Medium, 0);

    [Fact]
    public void Events_RefreshAtMostOncePerInterval()
    {
        using var view = View();

        _feed.Publish([Event(1)]);
        Assert.Equal(1, Refreshes);

        for (var i = 2; i <= 100; i++)
        {
            _feed.Publish([Event(i)]);
        }

        Assert.Equal(1, Refreshes);
        _clock.Advance(Interval);
        Assert.Equal(2, Refreshes);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, Refreshes);
    }

    [Fact]
    public void EventsTheViewDoesNotShow_RefreshNothing()
    {
        using var view = View(e => e.UnitCode == "UMF-JAL-023");

        _feed.Publish([Event(1, unit: "HGR-JAL-046"), Event(2, unit: "UMF-NL-015")]);
        Assert.Equal(0, Refreshes);

        _feed.Publish([Event(3)]);
        Assert.Equal(1, Refreshes);
    }

    [Fact]
    public async Task Paused_CountsWaitingEventsWithoutRefreshingAndResumeRereadsOnce()
    {
        using var view = View(e => e.UnitCode == "UMF-JAL-023");
        view.OnWaitingChanged(() =>
        {
            Interlocked.Increment(ref _redraws);
            return Task.CompletedTask;
        });

        view.Pause();
        _feed.Publish([Event(1), Event(2), Event(3, unit: "HGR-JAL-046")]);
        _feed.Publish([Event(4)]);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(view.Paused);
        Assert.Equal(3, view.Waiting);
        Assert.Equal(0, Refreshes);
        Assert.InRange(Volatile.Read(ref _redraws), 1, 2);

        await view.ResumeAsync();

        Assert.False(view.Paused);
        Assert.Equal(0, view.Waiting);
        Assert.Equal(1, Refreshes);
        _feed.Publish([Event(5)]);
        _clock.Advance(Interval);
        Assert.Equal(2, Refreshes);
    }

    [Fact]
    public void Pause_DropsTheRefreshAlreadyPlanned()
    {
        using var view = View();
        _feed.Publish([Event(1)]);
        _feed.Publish([Event(2)]);
        Assert.Equal(1, Refreshes);

        view.Pause();
        _clock.Advance(Interval);

        Assert.Equal(1, Refreshes);
    }

    [Fact]
    public async Task Refresh_RunsInTheReadersCultureWhateverThePublishersThread()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-MX");
        using var view = View();

        await Task.Run(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            _feed.Publish([Event(1)]);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(["es-MX"], _refreshes);
    }

    [Fact]
    public void Dispose_LeavesTheFeed()
    {
        var view = View();
        Assert.Equal(1, _feed.SubscriberCount);

        view.Dispose();
        _feed.Publish([Event(1)]);

        Assert.Equal(0, _feed.SubscriberCount);
        Assert.Equal(0, Refreshes);
    }

    [Fact]
    public void Handler_IsGivenTheRelevantEventsThatArrivedSinceItsLastRun()
    {
        var batches = new List<long[]>();
        using var view = new LiveView(_feed, ReadScope.All, events =>
        {
            batches.Add(events.Select(e => e.Sequence).ToArray());
            return Task.CompletedTask;
        }, _clock, Interval, e => e.UnitCode == "UMF-JAL-023");

        _feed.Publish([Event(1)]);
        _feed.Publish([Event(2), Event(3, unit: "HGR-JAL-046")]);
        _feed.Publish([Event(4)]);
        _clock.Advance(Interval);

        Assert.Equal([[1L], [2L, 4L]], batches);
    }

    [Fact]
    public void Heartbeat_RefreshesWithoutEvents_AndNotWhilePaused()
    {
        using var view = View(every: TimeSpan.FromSeconds(3));

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Refreshes);
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(2, Refreshes);

        view.Pause();
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(2, Refreshes);
    }

    public void Dispose() => CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
}
