using System.Text.Json.Serialization;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>An event as a source system (or a person, or a job) states it, before it is stored.</summary>
public sealed record CaseEvent(Guid EventId, string CaseId, DateTimeOffset OccurredAt, CaseEventData Data)
{
    public CaseEventType Type => Data.Type;
}

/// <summary>The per-type payload; each subtype is the <c>data</c> object of one event type.</summary>
public abstract record CaseEventData
{
    /// <summary>Carried by the envelope, never repeated inside <c>data</c>.</summary>
    [JsonIgnore]
    public abstract CaseEventType Type { get; }
}

public sealed record CaseOpenedData(
    string UnitCode,
    CaseKind Kind,
    Channel Channel,
    string Category,
    Priority Priority,
    bool Complex,
    string Summary,
    string? InsuredId = null,
    string? ModuleCode = null,
    string? AgentId = null,
    string? StaffRole = null) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseOpened;
}

public sealed record CaseAssignedData(string AgentId) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseAssigned;
}

public sealed record CaseReclassifiedData(string? Category, Priority? Priority, bool? Complex) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseReclassified;
}

public sealed record CasePausedData(PauseReason Reason) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CasePaused;
}

public sealed record CaseResumedData : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseResumed;
}

public sealed record NoteAddedData(string Text) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.NoteAdded;
}

public sealed record CaseEscalatedData(int Level, string Reason) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseEscalated;
}

public sealed record CaseResolvedData(string Resolution, string Summary) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseResolved;
}

public sealed record CaseClosedData(int? Satisfaction) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseClosed;
}

public sealed record CaseReopenedData(string Reason) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseReopened;
}

/// <summary>A clock passed its warning threshold. Recorded by Tablero's sweep only; sources cannot send it.</summary>
public sealed record SlaWarningData(SlaClockKind Clock, DateTimeOffset DueAt) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.SlaWarning;
}

/// <summary>A clock passed its deadline unmet. Recorded by Tablero's sweep only; sources cannot send it.</summary>
public sealed record SlaBreachedData(SlaClockKind Clock, DateTimeOffset DueAt) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.SlaBreached;
}
