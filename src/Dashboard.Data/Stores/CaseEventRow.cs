using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>A case_events row as Dapper reads it (settable properties, so the type handlers apply).</summary>
internal sealed class CaseEventRow
{
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public string CaseId { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string UnitCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Status { get; set; } = "";
    public bool Complex { get; set; }
    public string Priority { get; set; } = "";
    public int EscalationLevel { get; set; }
    public string DataJson { get; set; } = "";

    public StoredCaseEvent ToStored() => new(Sequence, EventId, CaseId, Enum.Parse<CaseEventType>(Type), OccurredAt, RecordedAt, UnitCode, RegionCode,
        Enum.Parse<CaseStatus>(Status), Complex, Enum.Parse<Priority>(Priority), EscalationLevel, DataJson);
}
