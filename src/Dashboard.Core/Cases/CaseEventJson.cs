using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Cases;

/// <summary>
/// The one wire and storage form of event payloads: camelCase, enums as names, nulls left out.
/// Stored payloads are re-serialized from the parsed record, so the same content always has the same text.
/// </summary>
public static class CaseEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string SerializeData(CaseEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return JsonSerializer.Serialize(data, data.GetType(), Options);
    }

    public static CaseEventData DeserializeData(CaseEventType type, string json) =>
        (CaseEventData)(JsonSerializer.Deserialize(json, DataTypeOf(type), Options)
            ?? throw new JsonException($"empty payload for {type}"));

    public static Type DataTypeOf(CaseEventType type) => type switch
    {
        CaseEventType.CaseOpened => typeof(CaseOpenedData),
        CaseEventType.CaseAssigned => typeof(CaseAssignedData),
        CaseEventType.CaseReclassified => typeof(CaseReclassifiedData),
        CaseEventType.CasePaused => typeof(CasePausedData),
        CaseEventType.CaseResumed => typeof(CaseResumedData),
        CaseEventType.NoteAdded => typeof(NoteAddedData),
        CaseEventType.CaseEscalated => typeof(CaseEscalatedData),
        CaseEventType.CaseResolved => typeof(CaseResolvedData),
        CaseEventType.CaseClosed => typeof(CaseClosedData),
        CaseEventType.CaseReopened => typeof(CaseReopenedData),
        CaseEventType.SlaWarning => typeof(SlaWarningData),
        CaseEventType.SlaBreached => typeof(SlaBreachedData),
        CaseEventType.SlaBreachWithdrawn => typeof(SlaBreachWithdrawnData),
        CaseEventType.CaseImpactFlagged => typeof(CaseImpactFlaggedData),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown event type"),
    };

    /// <summary>
    /// What makes two deliveries of one eventId "the same event": a replay must match it exactly,
    /// a different content under the same id is a conflict.
    /// </summary>
    public static string ContentHash(CaseEvent e) => ContentHash(e, SerializeData(e?.Data ?? throw new ArgumentNullException(nameof(e))));

    /// <summary>The same hash from an already serialized payload, so the hot path serializes once.</summary>
    public static string ContentHash(CaseEvent e, string dataJson)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(dataJson);
        var canonical = string.Join('\n',
            e.Type.ToString(),
            e.CaseId,
            e.OccurredAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            dataJson);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
