using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// An open circuit re-checks its credential every <see cref="SecurityOptions.RevalidateEvery"/>: when the user is
/// revoked or their role or scope changed, the circuit becomes anonymous at once, its pages (and their live
/// subscriptions) are torn down and the sign-in page appears.
/// </summary>
public sealed class RevalidatingAuthenticationState(ILoggerFactory loggerFactory, CredentialCheck check, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidateEvery;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return check.IsStillValidAsync(authenticationState.User, cancellationToken);
    }
}

/// <summary>The open hub connections, so their credentials can be re-checked while they stay open.</summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public void Add(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _open[context.ConnectionId] = context;
    }

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public IReadOnlyCollection<HubCallerContext> Open => _open.Values.ToArray();

    /// <summary>How many are open, without copying them (the telemetry gauge reads it).</summary>
    public int Count => _open.Count;
}

/// <summary>Closes hub connections whose key, token or user was revoked (or whose scope changed) within one interval.</summary>
public sealed class HubConnectionRevalidator(LiveConnections connections, CredentialCheck check, IOptions<SecurityOptions> options, TimeProvider time,
    ILogger<HubConnectionRevalidator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevalidateEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SweepAsync(stoppingToken);
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var connection in connections.Open)
        {
            try
            {
                if (connection.User is null || !await check.IsStillValidAsync(connection.User, cancellationToken))
                {
                    logger.LogInformation("Closing hub connection {Connection} of {Actor}: its credential no longer stands", connection.ConnectionId, connection.User?.ActorName());
                    connection.Abort();
                    connections.Remove(connection.ConnectionId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not re-check hub connection {Connection}; trying again next round", connection.ConnectionId);
            }
        }
    }
}
