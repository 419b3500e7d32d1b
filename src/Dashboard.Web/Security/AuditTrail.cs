using System.Diagnostics;
using System.Security.Claims;
using Dashboard.Core.Access;

namespace Dashboard.Web.Security;

/// <summary>Writes who did what to the append-only audit log. Never give it an NSS/DNI: it records accesses, not data.</summary>
public sealed class AuditTrail(IAuditStore store, TimeProvider time, ILogger<AuditTrail> logger)
{
    public Task RecordAsync(ClaimsPrincipal who, AuditAction action, string? caseId, AuditOutcome outcome, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        return RecordAsync(who.ActorName(), who.RoleName(), who.ReadScope()?.ToString() ?? "none", action, caseId, outcome, detail, cancellationToken);
    }

    public async Task RecordAsync(string actor, string role, string scope, AuditAction action, string? caseId, AuditOutcome outcome, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        var correlation = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        var entry = new AuditEntry(time.GetUtcNow(), Truncate(actor, 200), role, scope, action, caseId, outcome, correlation, detail is null ? null : Truncate(detail, 1000));
        await store.AppendAsync(entry, cancellationToken);
        logger.LogDebug("Audit {Action} {Outcome} by {Actor} ({Role}, {Scope}) case {CaseId} [{Correlation}]", action, outcome, entry.Actor, role, scope, caseId, correlation);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
