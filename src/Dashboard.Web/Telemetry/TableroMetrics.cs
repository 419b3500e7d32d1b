using System.Diagnostics.Metrics;
using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// The product's own meter ("Tablero"), exported with the framework's through OpenTelemetry (OTLP, and Prometheus at
/// <c>/metrics</c> for administrators): events accepted, duplicate and refused per kind of sender; events per commit and
/// commit time; feed lag (commit → live feed); sweep lag (deadline → breach stored); alerts sent, held and failed per
/// channel; open circuits and hub connections; gaps the Redis feed repaired from the log. Each figure is recorded at one
/// place; the running totals beside the instruments are what "Estado del sistema" shows to people without Grafana.
/// </summary>
public sealed class TableroMetrics : ICaseEventMetrics
{
    public const string MeterName = "Tablero";

    /// <summary>How many recent commits the status page's percentiles are taken over.</summary>
    public const int RecentCommits = 500;

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _duplicate;
    private readonly Counter<long> _refused;
    private readonly Histogram<int> _groupSize;
    private readonly Histogram<double> _commitTime;
    private readonly Histogram<double> _feedLag;
    private readonly Histogram<double> _sweepLag;
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _gapsRepaired;

    private readonly Lock _lock = new();
    private readonly Queue<double> _recentCommitMs = new();
    private readonly Dictionary<(string Channel, string Outcome), long> _alertTotals = [];
    private long _acceptedTotal, _duplicateTotal, _refusedTotal, _commits, _gapEvents;
    private double _lastFeedLagMs, _lastSweepLagSeconds;
    private int _circuits;
    private readonly Security.LiveConnections _hubConnections;

    public TableroMetrics(IMeterFactory meters, Security.LiveConnections hubConnections, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(hubConnections);
        Started = time.GetUtcNow();
        _hubConnections = hubConnections;
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("tablero.events.accepted", "{event}", "Events stored, by kind of sender");
        _duplicate = meter.CreateCounter<long>("tablero.events.duplicate", "{event}", "Events already stored, answered again without change");
        _refused = meter.CreateCounter<long>("tablero.events.refused", "{event}", "Events of refused batches (a case rule, a conflicting id)");
        _groupSize = meter.CreateHistogram<int>("tablero.commit.events", "{event}", "Events stored by one durable commit");
        _commitTime = meter.CreateHistogram<double>("tablero.commit.duration", "ms", "Time one durable commit took");
        _feedLag = meter.CreateHistogram<double>("tablero.feed.lag", "ms", "From a commit's end to its events on the live feed");
        _sweepLag = meter.CreateHistogram<double>("tablero.sla.sweep_lag", "s", "From a deadline to its breach stored");
        _alerts = meter.CreateCounter<long>("tablero.alerts", "{alert}", "Alerts by channel and outcome (sent, held, failed)");
        _gapsRepaired = meter.CreateCounter<long>("tablero.feed.gaps_repaired", "{event}", "Events the feed read from the log because Redis did not bring them in order");
        meter.CreateObservableGauge("tablero.circuits.open", () => Volatile.Read(ref _circuits), "{circuit}", "Blazor circuits open on this instance");
        meter.CreateObservableGauge("tablero.hub.connections", () => hubConnections.Count, "{connection}", "Hub connections open on this instance");
    }

    public DateTimeOffset Started { get; }

    public void Committed(int events, TimeSpan took)
    {
        _groupSize.Record(events);
        _commitTime.Record(took.TotalMilliseconds);
        lock (_lock)
        {
            _commits++;
            _recentCommitMs.Enqueue(took.TotalMilliseconds);
            if (_recentCommitMs.Count > RecentCommits)
            {
                _recentCommitMs.Dequeue();
            }
        }
    }

    public void Published(int events, TimeSpan afterCommit)
    {
        _feedLag.Record(afterCommit.TotalMilliseconds);
        Volatile.Write(ref _lastFeedLagMs, afterCommit.TotalMilliseconds);
    }

    public void Answered(ActorKind by, int events, AppendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var source = new KeyValuePair<string, object?>("source", by.ToString());
        if (result.Outcome != AppendOutcome.Committed)
        {
            _refused.Add(events, source);
            Interlocked.Add(ref _refusedTotal, events);
            return;
        }

        var duplicates = result.Results.Count(r => r.Duplicate);
        _accepted.Add(result.NewEvents.Count, source);
        _duplicate.Add(duplicates, source);
        Interlocked.Add(ref _acceptedTotal, result.NewEvents.Count);
        Interlocked.Add(ref _duplicateTotal, duplicates);
    }

    /// <summary>A breach stored <paramref name="lag"/> after the deadline it records.</summary>
    public void BreachStored(TimeSpan lag)
    {
        _sweepLag.Record(lag.TotalSeconds);
        Volatile.Write(ref _lastSweepLagSeconds, lag.TotalSeconds);
    }

    /// <summary>An alert's fate on its channel: "sent", "held" (outside its recipients' hours) or "failed" (retried later).</summary>
    public void Alert(string channel, string outcome)
    {
        // Webhooks are named by configuration: the channel is the kind, never an address.
        var kind = channel.StartsWith(Core.Alerts.AlertChannels.WebhookPrefix, StringComparison.Ordinal) ? "Webhook" : channel;
        _alerts.Add(1, new KeyValuePair<string, object?>("channel", kind), new KeyValuePair<string, object?>("outcome", outcome));
        lock (_lock)
        {
            _alertTotals[(kind, outcome)] = _alertTotals.GetValueOrDefault((kind, outcome)) + 1;
        }
    }

    public void FeedGapRepaired(long events)
    {
        _gapsRepaired.Add(events);
        Interlocked.Add(ref _gapEvents, events);
    }

    public void CircuitOpened() => Interlocked.Increment(ref _circuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    /// <summary>The figures since this instance started, for the status page.</summary>
    public MetricsSnapshot Snapshot()
    {
        double[] recent;
        Dictionary<(string, string), long> alerts;
        long commits;
        lock (_lock)
        {
            recent = [.. _recentCommitMs.Order()];
            alerts = new(_alertTotals);
            commits = _commits;
        }

        double? Percentile(double q) => recent.Length == 0 ? null : recent[Math.Clamp((int)Math.Ceiling(q * recent.Length) - 1, 0, recent.Length - 1)];
        return new MetricsSnapshot(Started, Interlocked.Read(ref _acceptedTotal), Interlocked.Read(ref _duplicateTotal), Interlocked.Read(ref _refusedTotal),
            commits, Percentile(0.5), Percentile(0.99), Volatile.Read(ref _lastFeedLagMs), Volatile.Read(ref _lastSweepLagSeconds),
            alerts, Volatile.Read(ref _circuits), _hubConnections.Count, Interlocked.Read(ref _gapEvents));
    }
}

/// <summary>What "Estado del sistema" shows: totals since start, recent commit times, the latest lags, the open connections.</summary>
public sealed record MetricsSnapshot(
    DateTimeOffset Started,
    long EventsAccepted,
    long EventsDuplicate,
    long EventsRefused,
    long Commits,
    double? CommitP50Ms,
    double? CommitP99Ms,
    double LastFeedLagMs,
    double LastSweepLagSeconds,
    IReadOnlyDictionary<(string Channel, string Outcome), long> Alerts,
    int Circuits,
    int HubConnections,
    long GapEventsRepaired);
