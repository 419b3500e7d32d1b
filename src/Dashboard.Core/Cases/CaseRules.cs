using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;

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
    public static CaseDecision Apply(CaseState? current, CaseEvent e, Func<string, Unit?> findUnit)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(findUnit);

        if (e.Data is CaseOpenedData opened)
        {
            return current is not null
                ? CaseDecision.Reject($"case '{e.CaseId}' is already open (opened at {current.OpenedAt:O})")
                : Open(e, opened, findUnit);
        }

        if (current is null)
        {
            return CaseDecision.Reject($"case '{e.CaseId}' is unknown: its CaseOpened event must come first");
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
            CaseEscalatedData x when status.IsOpen() && x.Level > current.EscalationLevel =>
                current with { EscalationLevel = x.Level },
            CaseResolvedData when status is CaseStatus.New or CaseStatus.Assigned =>
                current with { Status = CaseStatus.Resolved, ResolvedAt = e.OccurredAt, PauseReason = null },
            CaseClosedData when status is CaseStatus.Resolved =>
                current with { Status = CaseStatus.Closed, ClosedAt = e.OccurredAt },
            CaseReopenedData when status is CaseStatus.Resolved or CaseStatus.Closed =>
                current with { Status = CaseStatus.Assigned, ResolvedAt = null, ClosedAt = null },
            _ => null,
        };

        return changed is null
            ? CaseDecision.Reject(WhyIllegal(current, e))
            : CaseDecision.Accept(changed with { UpdatedAt = e.OccurredAt });
    }

    private static CaseDecision Open(CaseEvent e, CaseOpenedData opened, Func<string, Unit?> findUnit)
    {
        var unit = findUnit(opened.UnitCode);
        if (unit is null)
        {
            return CaseDecision.Reject($"unit '{opened.UnitCode}' is not in the catalogue");
        }

        return CaseDecision.Accept(new CaseState
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
            OpenedAt = e.OccurredAt,
            UpdatedAt = e.OccurredAt,
        });
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
