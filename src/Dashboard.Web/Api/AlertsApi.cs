using System.ComponentModel;
using Dashboard.Core.Alerts;
using Dashboard.Core.Sla;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public sealed record AlertDto(
    long Id,
    string CaseId,
    int Level,
    string UnitCode,
    string RegionCode,
    bool Critical,
    DateTimeOffset EscalatedAt,
    string Reason,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    [property: Description("Set when the breach behind the escalation was withdrawn (a late event showed this clock was met: attended in time, registered late); Tablero then acknowledged the alert.")]
    SlaClockKind? BreachWithdrawnClock = null)
{
    public static AlertDto From(Alert a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.CaseId, a.Level, a.UnitCode, a.RegionCode, a.Critical, a.EscalatedAt, a.Reason, a.AcknowledgedAt, a.AcknowledgedBy, a.WithdrawnClock);
    }
}

/// <summary>Escalation alerts within the caller's scope (one line per escalation), and their acknowledgement.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAsync).RequireAuthorization(Policies.Read).WithName("ListAlerts").WithTags("Alerts")
            .WithSummary("Escalation alerts within the key's scope, newest first (state=open: not yet acknowledged)");
        api.MapPost("/alerts/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.AcknowledgeAlert).WithName("AcknowledgeAlert").WithTags("Alerts")
            .WithSummary("Acknowledge an escalation: its reminders stop on every channel");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertDto>>, ProblemHttpResult>> ListAsync(HttpContext http, IAlertStore alerts, string? state, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var open = query.Choice(nameof(state), state, "open", "all") is 0;
        var take = query.Int(nameof(limit), limit, 100, 1, 500);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var list = await alerts.ListAsync(http.User.ReadScope()!, open, take, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AlertDto>>(list.Select(AlertDto.From).ToArray());
    }

    /// <summary>An alert outside the caller's scope is answered like a missing one.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> AcknowledgeAsync(long id, HttpContext http, IAlertStore alerts, TimeProvider time, CancellationToken cancellationToken)
    {
        var by = http.User.Identity?.Name ?? "unknown";
        return await alerts.AcknowledgeAsync(id, by, time.GetUtcNow(), http.User.ReadScope()!, cancellationToken)
            ? TypedResults.NoContent()
            : EventsApi.Problem(StatusCodes.Status404NotFound, "Alert not found", $"no alert {id} within this key's scope");
    }
}
