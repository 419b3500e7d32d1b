using System.ComponentModel;
using System.Text.Json.Serialization;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>An event as a source system (or a person, or a job) states it, before it is stored.</summary>
public sealed record CaseEvent(Guid EventId, string CaseId, DateTimeOffset OccurredAt, CaseEventData Data)
{
    public CaseEventType Type => Data.Type;

    /// <summary>
    /// The envelope's optional <c>actor</c>: the source system's own user who made the change. Stored beside the key's
    /// name (<see cref="CaseActor.OnBehalfOf"/>); not part of the event's content, so a replay that names another
    /// user is still the same event.
    /// </summary>
    public string? ReportedBy { get; init; }

    /// <summary>Who made this event when it is not the batch's sender: the sweep's warnings, breaches and escalations a history import carries in.</summary>
    public CaseActor? Actor { get; init; }
}

/// <summary>The per-type payload; each subtype is the <c>data</c> object of one event type.</summary>
public abstract record CaseEventData
{
    /// <summary>Carried by the envelope, never repeated inside <c>data</c>.</summary>
    [JsonIgnore]
    public abstract CaseEventType Type { get; }
}

public sealed record CaseOpenedData(
    [property: Code, Description("A unit of the catalogue (GET /api/v1/units).")] string UnitCode,
    CaseKind Kind,
    Channel Channel,
    [property: Code, Description("A category of the unit's institution (GET /api/v1/classification).")] string Category,
    Priority Priority,
    [property: Description("A complex case: escalated when it passes its deadline.")] bool Complex,
    [property: FreeText(CaseEventContract.MaxSummary)] string Summary,
    [property: InsuredId, Description("The insured person: NSS of 11 digits (IMSS) or DNI of 8 digits (EsSalud), as the unit's institution issues it. Always masked when read back.")]
    string? InsuredId = null,
    [property: Code, Description("The attention module where the case was registered.")] string? ModuleCode = null,
    [property: Code, Description("Assigns the case at once (status Assigned instead of New).")] string? AgentId = null,
    [property: Code, Description("The staff role the case is about (GET /api/v1/classification).")] string? StaffRole = null,
    [property: Description("Compliments only: the staff member praised, a técnica of the unit's catalogue ({\"agentId\"}) or a name and a staff role ({\"name\", \"role\"}). What the recognition wall counts.")]
    PraisedStaff? PraisedStaff = null) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseOpened;
}

/// <summary>
/// The staff member a compliment praises: a técnica of the catalogue (<see cref="AgentId"/>), or someone who is not in
/// it, by <see cref="Name"/> and <see cref="Role"/> (a staff role of the institution's classification). Staff, not the
/// insured person: the personal-data purge keeps it.
/// </summary>
public sealed record PraisedStaff(
    [property: Code, Description("A técnica of the case's unit (GET /api/v1/units).")] string? AgentId = null,
    [property: FreeText(PraisedStaff.MaxName), Description("The person's name when she is not in the catalogue; with role.")] string? Name = null,
    [property: Code, Description("With name: a staff role of the unit's institution (GET /api/v1/classification).")] string? Role = null)
{
    public const int MaxName = 120;

    /// <summary>
    /// The name as the wall groups it: "  maría  josé LÓPEZ " and "María José López" are one person. Lower case,
    /// accents off, runs of spaces as one; null for a catalogue técnica.
    /// </summary>
    [JsonIgnore]
    public string? NameKey => Name is null ? null : NormaliseName(Name);

    public static string NormaliseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Trim().Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }
}

public sealed record CaseAssignedData([property: Code] string AgentId) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseAssigned;
}

[AtLeastOneField]
[Description("At least one of category, priority, complex.")]
public sealed record CaseReclassifiedData([property: Code] string? Category, Priority? Priority, bool? Complex) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseReclassified;
}

public sealed record CasePausedData(PauseReason Reason) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CasePaused;
}

[Description("Empty; `data` may be left out.")]
public sealed record CaseResumedData : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseResumed;
}

public sealed record NoteAddedData([property: FreeText(CaseEventContract.MaxText)] string Text) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.NoteAdded;
}

public sealed record CaseEscalatedData(
    [property: WholeNumber(1, 3), Description("1 unit director, 2 regional committee, 3 central committee; must raise the case's level.")] int Level,
    [property: FreeText(CaseEventContract.MaxText)] string Reason) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseEscalated;
}

/// <summary>
/// A director judges the case to have institutional impact: it goes on the agenda of the committees above its unit with
/// this reason. Flagging again replaces the reason; a closed case cannot be flagged.
/// </summary>
public sealed record CaseImpactFlaggedData([property: FreeText(CaseEventContract.MaxImpactReason)] string Reason) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseImpactFlagged;
}

public sealed record CaseResolvedData([property: Code] string Resolution, [property: FreeText(CaseEventContract.MaxSummary)] string Summary) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseResolved;
}

public sealed record CaseClosedData([property: WholeNumber(1, 5), Description("The insured person's satisfaction, 1–5.")] int? Satisfaction) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.CaseClosed;
}

public sealed record CaseReopenedData([property: FreeText(CaseEventContract.MaxText)] string Reason) : CaseEventData
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

/// <summary>
/// A breach recorded earlier no longer stands: an event that occurred before the deadline arrived after it (a module on
/// a poor connection, a source that sends in batches). The case's clocks were recomputed from when things happened; the
/// escalations the breach caused are stood down to <see cref="EscalationLevel"/>. Recorded by Tablero only.
/// </summary>
public sealed record SlaBreachWithdrawnData(SlaClockKind Clock, DateTimeOffset DueAt, Guid BreachEventId, Guid LateEventId, CaseEventType LateEventType,
    DateTimeOffset LateEventOccurredAt, int EscalationLevel) : CaseEventData
{
    public override CaseEventType Type => CaseEventType.SlaBreachWithdrawn;
}
