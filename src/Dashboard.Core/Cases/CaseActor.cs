using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Access;

namespace Dashboard.Core.Cases;

public enum ActorKind
{
    /// <summary>Someone signed in to Tablero (a técnica, a director …): <see cref="CaseActor.Id"/> is the user's id.</summary>
    Person,

    /// <summary>A source system through its API key: <see cref="CaseActor.Name"/> is the key's name.</summary>
    Source,

    /// <summary>Tablero itself: the SLA sweep, a history import.</summary>
    System,
}

/// <summary>
/// Who made a change of a case. Kept with every stored event, through the retention purge too: the actor is staff or a
/// system, never the insured person. Events stored before actors were recorded have none and read as "the source system".
/// </summary>
public sealed record CaseActor(
    ActorKind Kind,
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Role? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OnBehalfOf = null)
{
    /// <summary>The source system's own user, as long as a source may name one.</summary>
    public const int MaxOnBehalfOf = 128;

    public const string SlaSweepId = "sla-sweep";
    public const string HistoryImportId = "history-import";
    public const string DemoSimulatorId = "demo-simulator";

    public static CaseActor Person(Guid userId, string displayName, Role role) => new(ActorKind.Person, userId.ToString("D"), displayName, role);

    /// <summary>A source system's key; <paramref name="onBehalfOf"/> is the user the source says acted, if it says.</summary>
    public static CaseActor Source(string keyName, string? onBehalfOf = null) => new(ActorKind.Source, keyName, keyName, OnBehalfOf: onBehalfOf);

    public static CaseActor SlaSweep { get; } = new(ActorKind.System, SlaSweepId, "SLA");

    public static CaseActor HistoryImport(string file) => new(ActorKind.System, HistoryImportId, file);

    /// <summary>The Development demo's simulated sources.</summary>
    public static CaseActor DemoSimulator { get; } = new(ActorKind.System, DemoSimulatorId, "Demo");

    /// <summary>
    /// Who made one event of a batch this actor sends: the event's own actor when it has one (the sweep's events a
    /// history import carries in), else this one, with a source's per-event user when it named one.
    /// </summary>
    public CaseActor For(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Actor ?? (Kind == ActorKind.Source && e.ReportedBy is { } user ? this with { OnBehalfOf = user } : this);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CaseActor? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<CaseActor>(json, Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
