using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Core.Cases;

/// <summary>
/// The ingestion contract's one owner: the envelope's field names, the patterns and limits, and the wire form of a
/// typed event. The payload fields are the <see cref="CaseEventData"/> records' own properties (camelCase), described by
/// the attributes on them; the parser reads them by those names, the OpenAPI document is generated from them, and the
/// simulator writes typed events through <see cref="ToJson"/>. A test holds the parser and the document equal.
/// </summary>
public static class CaseEventContract
{
    public const string EventId = "eventId";
    public const string Type = "type";
    public const string CaseId = "caseId";
    public const string OccurredAt = "occurredAt";
    public const string Data = "data";

    /// <summary>Optional: the source system's own user who made the change (stored with the API key's name).</summary>
    public const string Actor = "actor";

    /// <summary>A source system's case number: letters, digits and - _ / . (so QJ-2026/000123 fits).</summary>
    public const string CaseIdCharacters = "[A-Za-z0-9\\-_/.]{1,64}";

    /// <summary>A code (unit, category, module, técnica, staff role, resolution).</summary>
    public const string CodeCharacters = "[A-Za-z0-9\\-_.]{1,64}";

    /// <summary>As JSON Schema writes them (ECMA-262: "$" is the end of the text).</summary>
    public const string CaseIdPattern = "^" + CaseIdCharacters + "$";

    public const string CodePattern = "^" + CodeCharacters + "$";

    public const int MaxBatch = 1000;
    public const int MaxSummary = 2000;
    public const int MaxText = 4000;

    /// <summary>An institutional-impact reason: what a committee reads on its agenda, a sentence or two.</summary>
    public const int MaxImpactReason = 500;
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>The event types a source system may send (the SLA sweep records the others).</summary>
    public static IEnumerable<CaseEventType> SourceTypes => Enum.GetValues<CaseEventType>().Where(t => !t.IsSystemOnly());

    /// <summary>A payload property's name on the wire.</summary>
    public static string FieldName(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    /// <summary>The payload fields of one event type, in declaration order, as the records declare them.</summary>
    public static IReadOnlyList<DataField> FieldsOf(CaseEventType type)
    {
        var record = CaseEventJson.DataTypeOf(type);
        var constructor = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var nullability = new NullabilityInfoContext();
        return constructor.GetParameters().Select(p =>
        {
            var property = record.GetProperty(p.Name!)!;
            var optional = p.HasDefaultValue || nullability.Create(p).WriteState == NullabilityState.Nullable || Nullable.GetUnderlyingType(p.ParameterType) is not null;
            return new DataField(FieldName(property.Name), Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, !optional, property);
        }).ToArray();
    }

    /// <summary>The event as a source system sends it: the envelope, and the payload in its one wire form.</summary>
    public static JsonObject ToJson(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var json = new JsonObject
        {
            [EventId] = e.EventId.ToString("D"),
            [Type] = e.Type.ToString(),
            [CaseId] = e.CaseId,
            [OccurredAt] = e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            [Data] = JsonSerializer.SerializeToNode(e.Data, e.Data.GetType(), CaseEventJson.Options),
        };
        if (e.ReportedBy is { } actor)
        {
            json[Actor] = actor;
        }

        return json;
    }
}

/// <summary>One payload field: its wire name, its value type, whether it must be sent, and the attributes that describe it.</summary>
public sealed record DataField(string Name, Type ValueType, bool Required, PropertyInfo Property)
{
    public T? Rule<T>() where T : Attribute => Property.GetCustomAttribute<T>();
}

/// <summary>A code field, matching <see cref="CaseEventContract.CodePattern"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CodeAttribute : Attribute
{
}

/// <summary>Free text of 1 to <see cref="MaxLength"/> characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FreeTextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}

/// <summary>A whole number from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WholeNumberAttribute(int minimum, int maximum) : Attribute
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;
}

/// <summary>The insured person's identifier, in the unit's institution's format (NSS or DNI).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InsuredIdAttribute : Attribute
{
    public const string Pattern = "^[0-9]{8}([0-9]{3})?$";
}

/// <summary>A payload whose fields are all optional but at least one must be given.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AtLeastOneFieldAttribute : Attribute
{
}
