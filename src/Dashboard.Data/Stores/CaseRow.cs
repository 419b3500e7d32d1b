using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Data.Stores;

/// <summary>The cases table as columns: enums as their names, so the database reads as plainly as the API.</summary>
internal sealed class CaseRow
{
    public string CaseId { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Institution { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Category { get; set; } = "";
    public string Priority { get; set; } = "";
    public bool Complex { get; set; }
    public string Status { get; set; } = "";
    public bool IsOpen { get; set; }
    public int EscalationLevel { get; set; }
    public string? AgentId { get; set; }
    public string? InsuredId { get; set; }
    public string? PauseReason { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long LastSequence { get; set; }

    public string? SlaPolicy { get; set; }
    public string? SlaState { get; set; }
    public DateTimeOffset? FirstResponseDueAt { get; set; }
    public DateTimeOffset? FirstResponseWarnAt { get; set; }
    public DateTimeOffset? FirstResponseWarnedAt { get; set; }
    public DateTimeOffset? FirstResponseMetAt { get; set; }
    public DateTimeOffset? FirstResponseBreachedAt { get; set; }
    public DateTimeOffset? ResolutionDueAt { get; set; }
    public DateTimeOffset? ResolutionWarnAt { get; set; }
    public DateTimeOffset? ResolutionWarnedAt { get; set; }
    public DateTimeOffset? ResolutionMetAt { get; set; }
    public DateTimeOffset? ResolutionBreachedAt { get; set; }
    public DateTimeOffset? SlaPausedAt { get; set; }
    public DateTimeOffset? NextDeadlineAt { get; set; }

    public static CaseRow From(CaseState c) => new()
    {
        CaseId = c.CaseId,
        UnitCode = c.UnitCode,
        RegionCode = c.RegionCode,
        Institution = c.Institution.ToString(),
        Kind = c.Kind.ToString(),
        Channel = c.Channel.ToString(),
        Category = c.Category,
        Priority = c.Priority.ToString(),
        Complex = c.Complex,
        Status = c.Status.ToString(),
        IsOpen = c.Status.IsOpen(),
        EscalationLevel = c.EscalationLevel,
        AgentId = c.AgentId,
        InsuredId = c.InsuredId,
        PauseReason = c.PauseReason?.ToString(),
        OpenedAt = c.OpenedAt,
        ResolvedAt = c.ResolvedAt,
        ClosedAt = c.ClosedAt,
        UpdatedAt = c.UpdatedAt,
        LastSequence = c.LastSequence,
        SlaPolicy = c.Sla?.Policy,
        SlaState = c.Sla?.State.ToString(),
        FirstResponseDueAt = c.Sla?.FirstResponse?.DueAt,
        FirstResponseWarnAt = c.Sla?.FirstResponse?.WarnAt,
        FirstResponseWarnedAt = c.Sla?.FirstResponse?.WarnedAt,
        FirstResponseMetAt = c.Sla?.FirstResponse?.MetAt,
        FirstResponseBreachedAt = c.Sla?.FirstResponse?.BreachedAt,
        ResolutionDueAt = c.Sla?.Resolution?.DueAt,
        ResolutionWarnAt = c.Sla?.Resolution?.WarnAt,
        ResolutionWarnedAt = c.Sla?.Resolution?.WarnedAt,
        ResolutionMetAt = c.Sla?.Resolution?.MetAt,
        ResolutionBreachedAt = c.Sla?.Resolution?.BreachedAt,
        SlaPausedAt = c.Sla?.PausedAt,
        NextDeadlineAt = c.Sla?.NextDeadlineAt,
    };

    public CaseState ToState() => new()
    {
        CaseId = CaseId,
        UnitCode = UnitCode,
        RegionCode = RegionCode,
        Institution = Enum.Parse<Institution>(Institution),
        Kind = Enum.Parse<CaseKind>(Kind),
        Channel = Enum.Parse<Channel>(Channel),
        Category = Category,
        Priority = Enum.Parse<Priority>(Priority),
        Complex = Complex,
        Status = Enum.Parse<CaseStatus>(Status),
        EscalationLevel = EscalationLevel,
        AgentId = AgentId,
        InsuredId = InsuredId,
        PauseReason = PauseReason is null ? null : Enum.Parse<PauseReason>(PauseReason),
        OpenedAt = OpenedAt,
        ResolvedAt = ResolvedAt,
        ClosedAt = ClosedAt,
        UpdatedAt = UpdatedAt,
        LastSequence = LastSequence,
        Sla = SlaPolicy is null ? null : new CaseSla(
            SlaPolicy,
            FirstResponseDueAt is { } frDue ? new SlaClock(frDue, FirstResponseWarnAt, FirstResponseWarnedAt, FirstResponseMetAt, FirstResponseBreachedAt) : null,
            ResolutionDueAt is { } resDue ? new SlaClock(resDue, ResolutionWarnAt, ResolutionWarnedAt, ResolutionMetAt, ResolutionBreachedAt) : null,
            SlaPausedAt,
            Enum.Parse<SlaState>(SlaState!),
            NextDeadlineAt),
    };
}
