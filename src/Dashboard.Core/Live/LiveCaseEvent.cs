using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Live;

/// <summary>
/// What the live feed carries about one stored event: enough to route it by scope and redraw a board,
/// and no personal data (no summary, no insured id, no names), so it may go to any screen in scope.
/// </summary>
public sealed record LiveCaseEvent(
    long Sequence,
    Guid EventId,
    string CaseId,
    CaseEventType Type,
    DateTimeOffset OccurredAt,
    string RegionCode,
    string UnitCode,
    CaseStatus Status,
    bool Complex,
    Priority Priority,
    int EscalationLevel)
{
    public static LiveCaseEvent From(StoredCaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Sequence, e.EventId, e.CaseId, e.Type, e.OccurredAt, e.RegionCode, e.UnitCode, e.Status, e.Complex, e.Priority, e.EscalationLevel);
    }
}
