using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>
/// The case projection: what the board asks about a case, kept current by every event
/// so that no screen ever replays history to draw itself.
/// </summary>
public sealed record CaseState
{
    public required string CaseId { get; init; }
    public required string UnitCode { get; init; }
    public required string RegionCode { get; init; }
    public required Institution Institution { get; init; }
    public required CaseKind Kind { get; init; }
    public required Channel Channel { get; init; }
    public required string Category { get; init; }
    public required Priority Priority { get; init; }
    public required bool Complex { get; init; }
    public required CaseStatus Status { get; init; }
    public int EscalationLevel { get; init; }
    public string? AgentId { get; init; }

    /// <summary>The insured person's NSS or DNI as the source sent it: personal data, masked whenever it leaves the server.</summary>
    public string? InsuredId { get; init; }

    /// <summary>The staff role the case is about (asistente médica, farmacia …), from the institution's classification.</summary>
    public string? StaffRole { get; init; }

    /// <summary>The attention module where the case was registered.</summary>
    public string? ModuleCode { get; init; }

    /// <summary>A compliment's praised staff member (a técnica of the catalogue, or a name and role); null when it names nobody.</summary>
    public PraisedStaff? PraisedStaff { get; init; }

    /// <summary>
    /// For a complaint about a staff role: when the latest earlier complaint against that role at this unit was opened
    /// (within the widest repeat rule's window), fixed when the case opens. What repeat escalation rules look at.
    /// </summary>
    public DateTimeOffset? PreviousComplaintAt { get; init; }

    /// <summary>Why a director judged the case to have institutional impact (the committees' agenda); null when nobody did.</summary>
    public string? ImpactReason { get; init; }

    /// <summary>When it was first flagged.</summary>
    public DateTimeOffset? ImpactFlaggedAt { get; init; }

    public PauseReason? PauseReason { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public long LastSequence { get; init; }

    /// <summary>The case's clocks; null when no policy of its institution covers it.</summary>
    public CaseSla? Sla { get; init; }
}
