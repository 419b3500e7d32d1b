using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>
/// The public live contract at <c>/hubs/cases</c> for other clients (kiosk apps, integrations):
/// join <c>all</c>, <c>institution:{name}</c>, <c>region:{code}</c> or <c>unit:{code}</c> — only within the caller's own scope —
/// receive <c>caseEvents</c> batches, and catch up on missed sequences with <see cref="ReadAfter"/>.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class CaseEventsHub(ICaseEventLog events, CatalogueService catalogue, LiveConnections connections, AuditTrail audit) : Hub
{
    public const string Path = "/hubs/cases";
    public const string EventsMethod = "caseEvents";

    /// <summary>
    /// Joins a group and answers the point to catch up from: the committed end of the log. The service publishes only
    /// after commit, so the log is never behind the feed, and after a restart the feed has published nothing yet.
    /// </summary>
    public async Task<long> Join(string group)
    {
        var requested = ReadScope.Parse(group)
            ?? throw new HubException("group must be 'all', 'institution:{name}', 'region:{code}' or 'unit:{code}'");
        var own = Context.User!.ReadScope() ?? throw new HubException("this credential has no read scope");
        if (!own.Includes(requested, catalogue.Current.RegionOfUnit, catalogue.Current.InstitutionOfRegion))
        {
            await audit.RecordAsync(Context.User!, Core.Access.AuditAction.AuthorizationFailed, null, Core.Access.AuditOutcome.Denied, $"hub join '{group}'");
            throw new HubException($"'{group}' is outside this credential's scope");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(requested));
        return await events.ReadLastSequenceAsync(Context.ConnectionAborted);
    }

    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task Leave(string group) =>
        ReadScope.Parse(group) is { } scope ? Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(scope)) : Task.CompletedTask;

    /// <summary>Everything after a sequence within the caller's scope, in order (at most 1,000 per call).</summary>
    public async Task<IReadOnlyList<LiveCaseEvent>> ReadAfter(long after, int limit)
    {
        var own = Context.User!.ReadScope() ?? throw new HubException("this credential has no read scope");
        var rows = await events.ReadAfterAsync(after, Math.Clamp(limit, 1, 1000), own, Context.ConnectionAborted);
        return rows.Select(LiveCaseEvent.From).ToArray();
    }

    public static string GroupName(ReadScope scope) => scope.ToString();
}

/// <summary>Forwards the in-process feed to the hub's groups, so hub clients see what pages see.</summary>
public sealed class HubForwarder(ILiveFeed feed, IHubContext<CaseEventsHub> hub, CatalogueService catalogue, ILogger<HubForwarder> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(ReadScope.All, events => _ = ForwardAsync(events));
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(IReadOnlyList<LiveCaseEvent> events)
    {
        try
        {
            await hub.Clients.Group(GroupNameAll).SendAsync(CaseEventsHub.EventsMethod, events);
            foreach (var byInstitution in events.GroupBy(e => catalogue.Current.InstitutionOfRegion(e.RegionCode)))
            {
                if (byInstitution.Key is { } institution)
                {
                    await hub.Clients.Group(CaseEventsHub.GroupName(ReadScope.ForInstitution(institution))).SendAsync(CaseEventsHub.EventsMethod, byInstitution.ToArray());
                }
            }

            foreach (var byRegion in events.GroupBy(e => e.RegionCode))
            {
                await hub.Clients.Group(CaseEventsHub.GroupName(ReadScope.ForRegion(byRegion.Key))).SendAsync(CaseEventsHub.EventsMethod, byRegion.ToArray());
            }

            foreach (var byUnit in events.GroupBy(e => e.UnitCode))
            {
                await hub.Clients.Group(CaseEventsHub.GroupName(ReadScope.ForUnit(byUnit.Key))).SendAsync(CaseEventsHub.EventsMethod, byUnit.ToArray());
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Forwarding {Count} events to hub clients failed; they catch up with ReadAfter", events.Count);
        }
    }

    private static string GroupNameAll => CaseEventsHub.GroupName(ReadScope.All);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
