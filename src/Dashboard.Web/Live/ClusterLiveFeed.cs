using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.Live;

/// <summary>
/// The live feed of an instance among several (<c>ConnectionStrings:Redis</c> set): every committed event, whichever
/// instance wrote it, reaches this instance's pages, walls and hub groups once and in sequence order. Each instance
/// publishes what it commits on one Redis channel and hears everyone's; the log stays the truth and the channel a hint.
/// One loop delivers: a batch that starts beyond the next expected sequence (Redis restarted, a message dropped, another
/// instance's message still on its way) first has the missing events read from the log; what was delivered already is
/// dropped. The loop also asks the log for its end every <see cref="ClusterFeedOptions.CatchUpInterval"/>, so a screen
/// converges after a Redis outage even when nothing more is written. Redis being away never stops ingestion (publishing
/// is fire-and-forget) nor this instance's own events.
/// </summary>
public sealed class ClusterLiveFeed(
    InProcessLiveFeed local, ICaseEventLog log, IConnectionMultiplexer redis, IOptions<ClusterFeedOptions> options, TimeProvider time, Telemetry.TableroMetrics metrics,
    ILogger<ClusterLiveFeed> logger)
    : ILiveFeed, IHostedService, IAsyncDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("tablero:case-events");

    /// <summary>The most the loop reads from the log in one go while it repairs a gap.</summary>
    public const int RepairPage = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Tells this instance's own messages apart when Redis echoes them back.</summary>
    private readonly string _origin = Guid.NewGuid().ToString("N");

    // Batches to deliver; an empty one asks the loop to look at the log's end.
    private readonly Channel<IReadOnlyList<LiveCaseEvent>> _arrivals = System.Threading.Channels.Channel.CreateUnbounded<IReadOnlyList<LiveCaseEvent>>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private Task _subscribing = Task.CompletedTask;
    private ITimer? _catchUp;
    private long _delivered;
    private int _disposed;

    /// <summary>The last sequence handed to this instance's subscribers.</summary>
    public long LastSequence => Interlocked.Read(ref _delivered);

    public IDisposable Subscribe(ReadScope scope, Action<IReadOnlyList<LiveCaseEvent>> onEvents) => local.Subscribe(scope, onEvents);

    /// <summary>The case-event service's committed events: delivered here through the loop, and announced to the others.</summary>
    public void Publish(IReadOnlyList<LiveCaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        _arrivals.Writer.TryWrite(events);
        try
        {
            redis.GetSubscriber().Publish(Channel, JsonSerializer.SerializeToUtf8Bytes(new Message(_origin, events), Json), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            // The others find these events in the log at their next catch-up.
            logger.LogDebug(ex, "Redis did not take {Count} events; the other instances read them from the log", events.Count);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Live means from now on: what was committed before this instance started is on the pages' first read.
        Interlocked.Exchange(ref _delivered, await log.ReadLastSequenceAsync(cancellationToken));
        redis.ConnectionRestored += OnConnectionRestored;
        _subscribing = SubscribeAsync();
        _loop = Task.Run(DeliverAsync, CancellationToken.None);
        var every = options.Value.CatchUpInterval;
        _catchUp = time.CreateTimer(_ => _arrivals.Writer.TryWrite([]), null, every, every);
    }

    /// <summary>Until Redis takes the subscription (it renews it itself after an outage); meanwhile the catch-up reads the log.</summary>
    private async Task SubscribeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnMessage(message));
                return;
            }
            catch (RedisException ex)
            {
                logger.LogWarning("Redis is not answering ({Problem}); this instance follows the others through the log until it does", ex.Message);
                try
                {
                    await Task.Delay(options.Value.CatchUpInterval, time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnMessage(RedisValue message)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize<Message>((byte[])message!, Json);
            if (decoded is { Events.Count: > 0 } && decoded.Origin != _origin)
            {
                _arrivals.Writer.TryWrite(decoded.Events);
            }
        }
        catch (JsonException ex)
        {
            // Not ours, or from another version: the log still brings whatever it announced.
            logger.LogWarning(ex, "A message on {Channel} could not be read", Channel);
        }
    }

    // Back from an outage: look at the log at once rather than at the next tick.
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => _arrivals.Writer.TryWrite([]);

    private async Task DeliverAsync()
    {
        await foreach (var batch in _arrivals.Reader.ReadAllAsync(CancellationToken.None))
        {
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    await DeliverAsync(batch);
                    break;
                }
                catch (Exception) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The log cannot be read (a storage fault): hold the order and try again shortly.
                    logger.LogWarning(ex, "The live feed could not read the log after sequence {Sequence}; retrying", LastSequence);
                    try
                    {
                        await Task.Delay(options.Value.CatchUpInterval, time, _stopping.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }

    private async Task DeliverAsync(IReadOnlyList<LiveCaseEvent> batch)
    {
        var delivered = LastSequence;
        // An empty batch: whatever the log holds beyond what was delivered.
        var missingUpTo = batch.Count == 0 ? await log.ReadLastSequenceAsync(_stopping.Token) : batch[0].Sequence - 1;
        while (delivered < missingUpTo)
        {
            var rows = await log.ReadAfterAsync(delivered, (int)Math.Min(RepairPage, missingUpTo - delivered), ReadScope.All, _stopping.Token);
            if (rows.Count == 0)
            {
                break;
            }

            var repaired = rows.Where(r => r.Sequence <= missingUpTo).Select(LiveCaseEvent.From).ToArray();
            Deliver(repaired);
            metrics.FeedGapRepaired(repaired.Length);
            delivered = LastSequence;
        }

        Deliver(batch.Where(e => e.Sequence > LastSequence).ToArray());
    }

    private void Deliver(IReadOnlyList<LiveCaseEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        Interlocked.Exchange(ref _delivered, events[^1].Sequence);
        local.Publish(events);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        _catchUp?.Dispose();
        _arrivals.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_loop, _subscribing).WaitAsync(cancellationToken);
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(Channel);
        }
        catch (RedisException)
        {
            // Redis is away: the subscription ends with the connection.
        }
    }

    // The container disposes it once for each registration that hands it out: only the first counts.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _catchUp?.Dispose();
            _arrivals.Writer.TryComplete();
            await _stopping.CancelAsync();
            _stopping.Dispose();
        }
    }

    /// <summary>What travels on the channel: the publishing instance and its committed events in sequence order.</summary>
    private sealed record Message(string Origin, IReadOnlyList<LiveCaseEvent> Events);
}

/// <summary>How the live feed spans instances. Bound from the "Live:Cluster" configuration section.</summary>
public sealed class ClusterFeedOptions
{
    public const string SectionName = "Live:Cluster";

    /// <summary>How often an instance compares what it delivered with the log's end, to catch up on what Redis lost.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(2);
}
