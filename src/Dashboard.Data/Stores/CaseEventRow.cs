using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>A case_events row as Dapper reads and writes it (settable properties, so the type handlers apply).</summary>
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

    /// <summary>Who made the change, as <see cref="CaseActor"/> JSON; NULL for events stored before actors were kept.</summary>
    public string? Actor { get; set; }

    /// <summary>Written with the row, never read back: replays are compared by it.</summary>
    public string ContentHash { get; set; } = "";

    public static CaseEventRow From(long sequence, CaseEvent e, DateTimeOffset recordedAt, CaseState after, EncodedEvent encoded) => new()
    {
        Sequence = sequence,
        EventId = e.EventId,
        CaseId = e.CaseId,
        Type = e.Type.ToString(),
        OccurredAt = e.OccurredAt,
        RecordedAt = recordedAt,
        UnitCode = after.UnitCode,
        RegionCode = after.RegionCode,
        Status = after.Status.ToString(),
        Complex = after.Complex,
        Priority = after.Priority.ToString(),
        EscalationLevel = after.EscalationLevel,
        DataJson = encoded.DataJson,
        ContentHash = encoded.ContentHash,
        Actor = encoded.ActorJson,
    };

    public StoredCaseEvent ToStored() => new(Sequence, EventId, CaseId, Enum.Parse<CaseEventType>(Type), OccurredAt, RecordedAt, UnitCode, RegionCode,
        Enum.Parse<CaseStatus>(Status), Complex, Enum.Parse<Priority>(Priority), EscalationLevel, DataJson, CaseActor.FromJson(Actor));
}
