using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;

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
    };
}
