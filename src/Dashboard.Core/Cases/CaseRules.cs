using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>The outcome of applying one event to a case: the next state, or why the event breaks a rule.</summary>
public sealed record CaseDecision(CaseState? Next, string? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static CaseDecision Accept(CaseState next) => new(next, null);

    public static CaseDecision Reject(string reason) => new(null, reason);
}

/// <summary>
/// The pure rules of a case's life. Every change of a case goes through <see cref="Apply"/>;
/// the store calls it inside its transaction so that concurrent writers see each other's result.
/// </summary>
public static class CaseRules
{
    public static CaseDecision Apply(CaseState? current, CaseEvent e, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(context);

        if (e.Data is CaseOpenedData opened)
        {
            return current is not null
                ? CaseDecision.Reject($"case '{e.CaseId}' is already open (opened at {current.OpenedAt:O})")
                : Open(e, opened, context);
        }

        if (current is null)
        {
            return CaseDecision.Reject($"case '{e.CaseId}' is unknown: its CaseOpened event must come first");
        }

        if (e.Data is SlaWarningData or SlaBreachedData && SlaEngine.Check(current, e) is { } stale)
        {
            return CaseDecision.Reject(stale);
        }

        var status = current.Status;
        var changed = e.Data switch
        {
            CaseAssignedData a when status is CaseStatus.New or CaseStatus.Assigned =>
                current with { Status = CaseStatus.Assigned, AgentId = a.AgentId },
            CaseReclassifiedData { Category: { } category } when ClassificationCatalogue.For(current.Institution).FindCategory(category) is null =>
                null,
            CaseReclassifiedData r when status.IsOpen() =>
                current with
                {
                    Category = r.Category ?? current.Category,
                    Priority = r.Priority ?? current.Priority,
                    Complex = r.Complex ?? current.Complex,
                },
            CasePausedData p when status is CaseStatus.Assigned =>
                current with { Status = CaseStatus.Paused, PauseReason = p.Reason },
            CaseResumedData when status is CaseStatus.Paused =>
                current with { Status = CaseStatus.Assigned, PauseReason = null },
            NoteAddedData when status is not CaseStatus.Closed => current,
            CaseImpactFlaggedData f when status is not CaseStatus.Closed =>
                current with { ImpactReason = f.Reason, ImpactFlaggedAt = current.ImpactFlaggedAt ?? e.OccurredAt },
            CaseEscalatedData x when status.IsOpen() && x.Level > current.EscalationLevel =>
                current with { EscalationLevel = x.Level },
            CaseResolvedData when status is CaseStatus.New or CaseStatus.Assigned =>
                current with { Status = CaseStatus.Resolved, ResolvedAt = e.OccurredAt, PauseReason = null },
            CaseClosedData when status is CaseStatus.Resolved =>
                current with { Status = CaseStatus.Closed, ClosedAt = e.OccurredAt },
            CaseReopenedData when status is CaseStatus.Resolved or CaseStatus.Closed =>
                current with { Status = CaseStatus.Assigned, ResolvedAt = null, ClosedAt = null },
            SlaWarningData or SlaBreachedData => current,
            // The recomputation that withdrew the breach already moved the case; the withdrawal records it.
            SlaBreachWithdrawnData => current,
            _ => null,
        };

        return changed is null
            ? CaseDecision.Reject(WhyIllegal(current, e))
            : CaseDecision.Accept(WithSla(current, changed with { UpdatedAt = Later(current.UpdatedAt, e.OccurredAt) }, e, context));
    }

    /// <summary>The clocks follow the status: the SLA engine moves them for every accepted event.</summary>
    private static CaseState WithSla(CaseState? before, CaseState after, CaseEvent e, CaseContext context) =>
        context.FindUnit(after.UnitCode) is { } unit ? after with { Sla = context.Sla.Advance(before, after, e, unit) } : after;

    /// <summary>Events may arrive late (a catch-up sweep, a source's backlog): the last update never goes back in time.</summary>
    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static CaseDecision Open(CaseEvent e, CaseOpenedData opened, CaseContext context)
    {
        var unit = context.FindUnit(opened.UnitCode);
        if (unit is null)
        {
            return CaseDecision.Reject($"unit '{opened.UnitCode}' is not in the catalogue");
        }

        return CaseDecision.Accept(WithSla(null, new CaseState
        {
            CaseId = e.CaseId,
            UnitCode = unit.Code,
            RegionCode = unit.RegionCode,
            Institution = unit.Institution,
            Kind = opened.Kind,
            Channel = opened.Channel,
            Category = opened.Category,
            Priority = opened.Priority,
            Complex = opened.Complex,
            Status = opened.AgentId is null ? CaseStatus.New : CaseStatus.Assigned,
            AgentId = opened.AgentId,
            InsuredId = opened.InsuredId,
            StaffRole = opened.StaffRole,
            ModuleCode = opened.ModuleCode,
            PraisedStaff = opened.Kind == CaseKind.Compliment ? opened.PraisedStaff : null,
            PreviousComplaintAt = opened.Kind == CaseKind.Complaint && opened.StaffRole is { } role
                ? context.Repeats?.PreviousOf(e.CaseId, unit.Code, role, e.OccurredAt)
                : null,
            OpenedAt = e.OccurredAt,
            UpdatedAt = e.OccurredAt,
        }, e, context));
    }

    private static string WhyIllegal(CaseState current, CaseEvent e) => e.Data switch
    {
        CaseReclassifiedData { Category: { } category } when ClassificationCatalogue.For(current.Institution).FindCategory(category) is null =>
            $"'{category}' is not a category of {current.Institution}, the institution of case '{current.CaseId}'",
        CaseEscalatedData x when current.Status.IsOpen() =>
            $"case '{current.CaseId}' is already at escalation level {current.EscalationLevel}; {e.Type} to level {x.Level} would not raise it",
        _ => $"{e.Type} is not allowed while case '{current.CaseId}' is {current.Status}",
    };
}
