using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public sealed record IngestResultItem(
    Guid EventId,
    long Sequence,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("What a late arrival did: the clocks recomputed (and breaches withdrawn), or, beyond Sla:LateEventWindow, the SLA history left as it was.")]
    string? Note = null);

public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<IngestResultItem> Results)
{
    public static IngestResponse From(AppendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = result.Results.Select(r => new IngestResultItem(r.EventId, r.Sequence, r.Duplicate ? "duplicate" : "accepted", r.Note)).ToArray();
        return new IngestResponse(items.Count(i => i.Status == "accepted"), items.Count(i => i.Status == "duplicate"), items);
    }
}

public sealed record EventDto(
    long Sequence,
    Guid EventId,
    string CaseId,
    CaseEventType Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string UnitCode,
    string RegionCode,
    JsonElement Data,
    [property: Description("Who made the change: a person (their user id, name and role), a source system's API key (with the source's own user when it sent one) or Tablero itself (the SLA sweep, a history import). Null for events stored before actors were kept: the source system.")]
    ActorDto? Actor)
{
    /// <summary>The insured person's id leaves the server masked; the full value is for the case's own unit (identity issue).</summary>
    public static EventDto From(StoredCaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var data = CaseEventJson.DeserializeData(e.Type, e.DataJson);
        if (data is CaseOpenedData { InsuredId: { } id } opened)
        {
            data = opened with { InsuredId = InsuredIdFormat.Mask(id) };
        }

        return new EventDto(e.Sequence, e.EventId, e.CaseId, e.Type, e.OccurredAt, e.RecordedAt, e.UnitCode, e.RegionCode,
            JsonSerializer.SerializeToElement(data, data.GetType(), CaseEventJson.Options), ActorDto.From(e.Actor));
    }
}

/// <summary>Who made a change of a case (staff or a system, never the insured person).</summary>
public sealed record ActorDto(
    ActorKind Kind,
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Role? Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OnBehalfOf)
{
    public static ActorDto? From(CaseActor? a) => a is null ? null : new(a.Kind, a.Id, a.Name, a.Role, a.OnBehalfOf);
}

public sealed record CaseDto(
    string CaseId,
    string UnitCode,
    string RegionCode,
    Institution Institution,
    CaseKind Kind,
    Channel Channel,
    string Category,
    Priority Priority,
    bool Complex,
    CaseStatus Status,
    int EscalationLevel,
    string? AgentId,
    string? InsuredId,
    [property: Description("The staff role the case is about (GET /api/v1/classification).")] string? StaffRole,
    [property: Description("The attention module where the case was registered.")] string? ModuleCode,
    PauseReason? PauseReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    long LastSequence,
    CaseSlaDto? Sla,
    [property: Description("Why a director flagged the case as having institutional impact (CaseImpactFlagged); null when nobody did.")] string? ImpactReason,
    [property: Description("When the case was first flagged with institutional impact.")] DateTimeOffset? ImpactFlaggedAt,
    [property: Description("A compliment's praised staff member: a técnica of the catalogue (agentId) or a name and staff role; absent when it names nobody."),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PraisedStaffDto? PraisedStaff,
    // Present only when asked for (include=events), so list items do not carry an empty "events" each.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EventDto>? Events)
{
    /// <summary>As in <see cref="EventDto"/>, the insured person's id always leaves the server masked.</summary>
    public static CaseDto From(CaseState c, IReadOnlyList<EventDto>? events)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.CaseId, c.UnitCode, c.RegionCode, c.Institution, c.Kind, c.Channel, c.Category, c.Priority, c.Complex, c.Status,
            c.EscalationLevel, c.AgentId, c.InsuredId is null ? null : InsuredIdFormat.Mask(c.InsuredId), c.StaffRole, c.ModuleCode, c.PauseReason, c.OpenedAt,
            c.ResolvedAt, c.ClosedAt, c.UpdatedAt, c.LastSequence, CaseSlaDto.From(c.Sla), c.ImpactReason, c.ImpactFlaggedAt, PraisedStaffDto.From(c.PraisedStaff), events);
    }
}

/// <summary>The staff member a compliment praises: <c>agentId</c> for a técnica of the catalogue, or <c>name</c> and <c>role</c>.</summary>
public sealed record PraisedStaffDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AgentId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("A staff role of the institution (GET /api/v1/classification).")] string? Role)
{
    public static PraisedStaffDto? From(PraisedStaff? p) => p is null ? null : new(p.AgentId, p.Name, p.Role);
}

/// <summary>
/// A case's clocks: null when no SLA policy covers it. <c>breachedAt</c> is when it first went past a deadline;
/// <c>pausedAt</c> when the resolution clock stopped (awaiting the insured person or a third party).
/// </summary>
public sealed record CaseSlaDto(
    string Policy,
    SlaState SlaState,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? PausedAt)
{
    public static CaseSlaDto? From(CaseSla? sla) => sla is null ? null
        : new(sla.Policy, sla.State, sla.FirstResponse?.DueAt, sla.FirstResponse?.MetAt, sla.Resolution?.DueAt, sla.BreachedAt, sla.PausedAt);
}

/// <summary>One page of <c>GET /api/v1/cases</c>: newest opened first; <c>total</c> counts every page.</summary>
public sealed record CasePageDto(IReadOnlyList<CaseDto> Items, int Page, int PageSize, int Total);

public sealed record UnitDto(string Code, string Name, UnitType Type, string RegionCode, Institution Institution, string TimeZone)
{
    public static UnitDto From(Unit u)
    {
        ArgumentNullException.ThrowIfNull(u);
        return new(u.Code, u.Name, u.Type, u.RegionCode, u.Institution, u.TimeZone);
    }
}

/// <summary>
/// Counts within the caller's scope. <c>byStatus</c> names every status (open and closed cases alike);
/// <c>byEscalationLevel</c> ("0" … "3") counts open cases only.
/// </summary>
public sealed record SummaryDto(int Open, int OpenComplex, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByEscalationLevel)
{
    public static SummaryDto From(CaseSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Open, s.OpenComplex,
            s.ByStatus.ToDictionary(p => p.Key.ToString(), p => p.Value),
            s.ByEscalationLevel.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value));
    }
}

/// <summary>
/// Reads query parameters as text and checks them here, so a bad value is answered in the API's own problem shape
/// with <c>errors</c> keyed by the parameter's name (the framework's binder would answer a bare 400).
/// </summary>
internal sealed class QueryReader
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>An enum by its name, any case; digits are refused so that "7" cannot pass for a value.</summary>
    public TEnum? Enum<TEnum>(string name, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        _errors[name] = [$"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}"];
        return null;
    }

    /// <summary>An institution with a profile in use, by its code in any case.</summary>
    public Institution? Institution(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var profiles = Core.Profiles.InstitutionProfiles.Current;
        if (profiles.Resolve(value) is { } institution)
        {
            return institution;
        }

        _errors[name] = [$"'{value}' is not one of {string.Join(", ", profiles.Institutions)}"];
        return null;
    }

    /// <summary>One of a fixed set of words, any case; returns the index of the word.</summary>
    public int? Choice(string name, string? value, params string[] choices)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var index = Array.FindIndex(choices, c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            _errors[name] = [$"'{value}' is not one of {string.Join(", ", choices)}"];
            return null;
        }

        return index;
    }

    /// <summary>A staff role code of any institution's classification (GET /api/v1/classification), exact case.</summary>
    public string? StaffRole(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var roles = Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions.SelectMany(i => Core.Catalogue.Classification.ClassificationCatalogue.For(i).StaffRoles).Select(r => r.Code)
            .Distinct(StringComparer.Ordinal).ToArray();
        if (!roles.Contains(value, StringComparer.Ordinal))
        {
            _errors[name] = [$"'{value}' is not a staff role: {string.Join(", ", roles)}"];
            return null;
        }

        return value;
    }

    /// <summary>A text that must be given, at most <paramref name="maxLength"/> characters; null (and an error) when it is not.</summary>
    public string? Required(string name, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors[name] = ["is required"];
            return null;
        }

        if (value.Length > maxLength)
        {
            _errors[name] = [$"must be at most {maxLength} characters"];
            return null;
        }

        return value;
    }

    /// <summary>A calendar day written yyyy-MM-dd.</summary>
    public DateOnly? Day(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        _errors[name] = [$"'{value}' is not a day written yyyy-MM-dd"];
        return null;
    }

    /// <summary>
    /// The overview's and case list's filter (<see cref="Components.Shared.CaseListLink"/>'s keys) read strictly: a value
    /// given but not understood is an error naming its key, never silently dropped (an export must be what was asked).
    /// </summary>
    public Core.Reads.CaseFilter CaseFilter(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string key) => query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
        string? Code(string key)
        {
            var value = Get(key);
            if (value is { Length: > 100 })
            {
                _errors[key] = ["must be at most 100 characters"];
                return null;
            }

            return value;
        }

        var from = Day(Components.Shared.CaseListLink.From, Get(Components.Shared.CaseListLink.From));
        var to = Day(Components.Shared.CaseListLink.To, Get(Components.Shared.CaseListLink.To));
        if (from is { } f && to is { } t && t < f)
        {
            Fail(Components.Shared.CaseListLink.To, "must not be before from");
        }

        return new Core.Reads.CaseFilter
        {
            RegionCode = Code(Components.Shared.CaseListLink.Region),
            UnitCode = Code(Components.Shared.CaseListLink.Unit),
            Kind = Enum<Core.Cases.CaseKind>(Components.Shared.CaseListLink.Kind, Get(Components.Shared.CaseListLink.Kind)),
            Category = Code(Components.Shared.CaseListLink.Category),
            StaffRole = StaffRole(Components.Shared.CaseListLink.StaffRole, Get(Components.Shared.CaseListLink.StaffRole)),
            ModuleCode = Code(Components.Shared.CaseListLink.Module),
            Channel = Enum<Core.Cases.Channel>(Components.Shared.CaseListLink.Channel, Get(Components.Shared.CaseListLink.Channel)),
            Priority = Enum<Core.Cases.Priority>(Components.Shared.CaseListLink.Priority, Get(Components.Shared.CaseListLink.Priority)),
            Complex = Bool(Components.Shared.CaseListLink.Complex, Get(Components.Shared.CaseListLink.Complex)),
            OpenedFrom = from,
            OpenedTo = to,
        };
    }

    /// <summary>Records a problem with a parameter that the checks above cannot see (one value against another).</summary>
    public void Fail(string name, string message) => _errors[name] = [message];

    public bool? Bool(string name, string? value) => Choice(name, value, "false", "true") is { } index ? index == 1 : null;

    public int Int(string name, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            _errors[name] = [max == int.MaxValue ? $"must be a whole number from {min}" : $"must be a whole number from {min} to {max}"];
            return fallback;
        }

        return n;
    }

    public ProblemHttpResult Problem() =>
        EventsApi.Problem(StatusCodes.Status400BadRequest, "Bad query", "a query parameter is not valid; see errors", _errors);
}
