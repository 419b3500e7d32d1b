using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Committees;

/// <summary>
/// What a committee reads from the board for its agenda and its quarterly report, for its own scope and a period
/// given as instants (the period's days in the committee's zone). Never personal data: cases by id, unit and category.
/// </summary>
public interface ICommitteeBoardReader
{
    /// <summary>Cases flagged with institutional impact: still open, or flagged within the period; most recently flagged first (capped).</summary>
    Task<IReadOnlyList<ImpactCase>> ReadImpactCasesAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken = default);

    /// <summary>Complaints of a category per unit, opened in the period and in the one of equal length before it; units with any.</summary>
    Task<IReadOnlyList<UnitComplaintChange>> ReadComplaintChangeAsync(ReadScope scope, string category, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default);

    /// <summary>Per unit, the cases opened in the period: complaints, mistreatment, resolved, still open, resolution deadline missed, escalated.</summary>
    Task<IReadOnlyList<UnitIndicators>> ReadUnitIndicatorsAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Cases opened in the period that were escalated, by the highest level reached and where they stand now.</summary>
    Task<IReadOnlyList<EscalationOutcome>> ReadEscalationOutcomesAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>A case a director flagged, as an agenda shows it.</summary>
public sealed record ImpactCase(string CaseId, string UnitCode, string Category, CaseStatus Status, int EscalationLevel, DateTimeOffset FlaggedAt, string Reason);

/// <summary>A unit's complaints of one category in a period and in the one before it.</summary>
public sealed record UnitComplaintChange(string UnitCode, int Current, int Previous)
{
    /// <summary>The change against the previous period, as a fraction; null when there were none before.</summary>
    public double? Change => Previous == 0 ? null : (Current - Previous) / (double)Previous;

    /// <summary>
    /// Rose enough to put before a committee: at least three more than before and at least a quarter more (or new ones
    /// where there were none), so that one or two complaints in a small unit do not fill the agenda.
    /// </summary>
    public bool Rose => Current - Previous >= 3 && (Previous == 0 || Current >= Previous * 1.25);
}

/// <summary>A unit's figures for a report.</summary>
public sealed record UnitIndicators(string UnitCode, int Opened, int Complaints, int Mistreatment, int Resolved, int Open, int ResolutionBreached, int Escalated);

/// <summary>How many escalated cases reached a level and stand in a status.</summary>
public sealed record EscalationOutcome(int Level, CaseStatus Status, int Cases);
