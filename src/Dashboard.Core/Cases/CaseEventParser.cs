using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;

namespace Dashboard.Core.Cases;

/// <summary>The result of reading a request body: the events, or every problem found, keyed by JSON path.</summary>
public sealed record ParsedEvents(IReadOnlyList<CaseEvent> Events, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the ingestion contract (one event object or an array of 1–1,000) into typed events and
/// collects every shape error with its path (<c>[3].data.unitCode</c>), so a client can fix a batch in one go.
/// Pure: the catalogue lookup and "now" are passed in.
/// </summary>
public static partial class CaseEventParser
{
    public const int MaxBatch = CaseEventContract.MaxBatch;
    public const int MaxSummary = CaseEventContract.MaxSummary;
    public const int MaxText = CaseEventContract.MaxText;
    public static readonly TimeSpan MaxFutureSkew = CaseEventContract.MaxFutureSkew;

    /// <summary>
    /// How a body must be read before it reaches <see cref="Parse"/>: a key given twice is refused (the last one would
    /// silently win, a doubled <c>eventId</c> among them), and nesting deeper than an event needs is refused early.
    /// </summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    // \z, not $: "$" also matches before a final newline, so "NL-123\n" passed and split the CSV export's row.
    [GeneratedRegex("^" + CaseEventContract.CaseIdCharacters + "\\z")]
    private static partial Regex CaseIdPattern();

    [GeneratedRegex("^" + CaseEventContract.CodeCharacters + "\\z")]
    public static partial Regex CodePattern();

    // RFC 3339's date-time, ASCII digits only, nothing around it: "T" (or "t") between date and time, seconds required,
    // an offset required. DateTimeOffset.TryParse alone accepted "09:30Z", spaces, and Unicode spaces.
    [GeneratedRegex("^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]{1,9}))?(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))\\z")]
    private static partial Regex Rfc3339Pattern();

    /// <remarks>
    /// <c>findAgent</c>: the catalogue's técnicas, to check that a compliment's praised técnica belongs to the case's
    /// unit; without it only the code's shape is checked.
    /// </remarks>
    public static ParsedEvents Parse(JsonElement root, DateTimeOffset now, Func<string, Unit?> findUnit, Func<string, Agent?>? findAgent = null)
    {
        ArgumentNullException.ThrowIfNull(findUnit);
        var errors = new Errors();
        var events = new List<CaseEvent>();

        if (root.ValueKind == JsonValueKind.Object)
        {
            AddIfParsed(events, ParseOne(root, "", now, findUnit, findAgent, errors));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var count = root.GetArrayLength();
            if (count is 0 or > MaxBatch)
            {
                errors.Add("$", $"a batch holds 1 to {MaxBatch} events; this one has {count}");
            }
            else
            {
                var i = 0;
                foreach (var item in root.EnumerateArray())
                {
                    AddIfParsed(events, ParseOne(item, $"[{i}]", now, findUnit, findAgent, errors));
                    i++;
                }
            }
        }
        else
        {
            errors.Add("$", "the body must be one event object or an array of events");
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < events.Count; i++)
        {
            if (!seen.Add(events[i].EventId))
            {
                errors.Add($"[{i}].{CaseEventContract.EventId}", $"eventId {events[i].EventId} appears more than once in this batch");
            }
        }

        return new ParsedEvents(errors.IsEmpty ? events : [], errors.ToDictionary());
    }

    private static void AddIfParsed(List<CaseEvent> events, CaseEvent? e)
    {
        if (e is not null)
        {
            events.Add(e);
        }
    }

    private static CaseEvent? ParseOne(JsonElement item, string at, DateTimeOffset now, Func<string, Unit?> findUnit, Func<string, Agent?>? findAgent, Errors errors)
    {
        var path = (string field) => at.Length == 0 ? field : $"{at}.{field}";
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(at.Length == 0 ? "$" : at, "an event must be a JSON object");
            return null;
        }

        var before = errors.Count;
        var reader = new Fields(item, at, errors);

        Guid eventId = default;
        var rawId = reader.RequiredString(CaseEventContract.EventId);
        // Exactly 8-4-4-4-12 hex digits: Guid.TryParse also takes braces and trims spaces and line breaks.
        if (rawId is not null && (rawId.Length != 36 || !Guid.TryParseExact(rawId, "D", out eventId)))
        {
            errors.Add(path(CaseEventContract.EventId), "must be a UUID of 36 characters (8-4-4-4-12 hexadecimal digits)");
        }

        var type = reader.RequiredEnum<CaseEventType>(CaseEventContract.Type);
        if (type is { } systemOnly && systemOnly.IsSystemOnly())
        {
            errors.Add(path(CaseEventContract.Type), $"'{systemOnly}' is recorded by Tablero's SLA sweep; sources cannot send it");
            type = null;
        }

        var caseId = reader.RequiredString(CaseEventContract.CaseId);
        if (caseId is not null && !CaseIdPattern().IsMatch(caseId))
        {
            errors.Add(path(CaseEventContract.CaseId), "must be 1–64 characters of A-Z a-z 0-9 - _ / .");
        }

        DateTimeOffset occurredAt = default;
        var rawAt = reader.RequiredString(CaseEventContract.OccurredAt);
        if (rawAt is not null)
        {
            if (!TryParseRfc3339(rawAt, out occurredAt))
            {
                errors.Add(path(CaseEventContract.OccurredAt), "must be an RFC 3339 date-time with an offset, e.g. 2026-11-24T09:30:00-06:00");
            }
            else if (occurredAt > now + MaxFutureSkew)
            {
                errors.Add(path(CaseEventContract.OccurredAt), $"is more than {MaxFutureSkew.TotalMinutes:0} minutes in the future");
            }
        }

        CaseEventData? data = null;
        if (!item.TryGetProperty(CaseEventContract.Data, out var dataElement) || dataElement.ValueKind != JsonValueKind.Object)
        {
            if (type is not CaseEventType.CaseResumed || (item.TryGetProperty(CaseEventContract.Data, out var d) && d.ValueKind is not JsonValueKind.Null))
            {
                errors.Add(path(CaseEventContract.Data), "is required and must be an object");
            }
            else
            {
                data = new CaseResumedData();
            }
        }
        else if (type is { } t)
        {
            data = ParseData(t, new Fields(dataElement, path(CaseEventContract.Data), errors), findUnit, findAgent);
        }

        var actor = reader.OptionalString(CaseEventContract.Actor);
        if (actor is not null && actor.Length > CaseActor.MaxOnBehalfOf)
        {
            errors.Add(path(CaseEventContract.Actor), $"must be at most {CaseActor.MaxOnBehalfOf} characters; it has {actor.Length}");
        }

        return errors.Count == before && type is not null && data is not null
            ? new CaseEvent(eventId, caseId!, occurredAt, data) { ReportedBy = actor?.Trim() }
            : null;
    }

    private static CaseEventData? ParseData(CaseEventType type, Fields f, Func<string, Unit?> findUnit, Func<string, Agent?>? findAgent)
    {
        switch (type)
        {
            case CaseEventType.CaseOpened:
            {
                var unitCode = f.RequiredCode(Field.UnitCode);
                var unit = unitCode is null ? null : findUnit(unitCode);
                if (unitCode is not null && unit is null)
                {
                    f.Error(Field.UnitCode, $"unit '{unitCode}' is not in the catalogue");
                }

                var kind = f.RequiredEnum<CaseKind>(Field.Kind);
                var channel = f.RequiredEnum<Channel>(Field.Channel);
                var category = f.RequiredCode(Field.Category);
                var priority = f.RequiredEnum<Priority>(Field.Priority);
                var complex = f.RequiredBool(Field.Complex);
                var summary = f.RequiredText(Field.Summary, MaxSummary);
                var insuredId = f.OptionalString(Field.InsuredId);
                if (insuredId is not null && unit is not null && InsuredIdFormat.Check(unit.Institution, insuredId) is { } problem)
                {
                    f.Error(Field.InsuredId, problem);
                }

                var moduleCode = f.OptionalCode(Field.ModuleCode);
                var agentId = f.OptionalCode(Field.AgentId);
                var staffRole = f.OptionalCode(Field.StaffRole);
                if (unit is not null)
                {
                    var classification = ClassificationCatalogue.For(unit.Institution);
                    if (category is not null && classification.FindCategory(category) is null)
                    {
                        f.Error(Field.Category, $"'{category}' is not a category of {unit.Institution}: {string.Join(", ", classification.Categories.Select(c => c.Code))}");
                        category = null;
                    }

                    if (staffRole is not null && classification.FindStaffRole(staffRole) is null)
                    {
                        f.Error(Field.StaffRole, $"'{staffRole}' is not a staff role of {unit.Institution}: {string.Join(", ", classification.StaffRoles.Select(r => r.Code))}");
                        staffRole = null;
                    }
                }

                PraisedStaff? praised = null;
                if (f.OptionalObject(Field.PraisedStaff) is { } praisedFields)
                {
                    // A complaint names the staff role it is about, never a person to praise.
                    if (kind is { } k && k != CaseKind.Compliment)
                    {
                        f.Error(Field.PraisedStaff, $"only a {CaseKind.Compliment} names the staff member praised; this case is a {k}");
                    }
                    else
                    {
                        praised = ParsePraised(praisedFields, unit, findAgent);
                    }
                }

                return kind is null || channel is null || category is null || priority is null || complex is null || summary is null || unit is null || f.HasErrors
                    ? null
                    : new CaseOpenedData(unit.Code, kind.Value, channel.Value, category, priority.Value, complex.Value, summary, insuredId, moduleCode, agentId, staffRole, praised);
            }

            case CaseEventType.CaseAssigned:
                return f.RequiredCode(Field.AgentId) is { } agent ? new CaseAssignedData(agent) : null;

            case CaseEventType.CaseReclassified:
            {
                var category = f.OptionalCode(Field.Category);
                // The case's institution is known only to the rules; here the code must at least exist somewhere.
                if (category is not null && !Profiles.InstitutionProfiles.Current.All.Any(p => p.Classification.FindCategory(category) is not null))
                {
                    f.Error(Field.Category, $"'{category}' is not a known category");
                    category = null;
                }

                var priority = f.OptionalEnum<Priority>(Field.Priority);
                var complex = f.OptionalBool(Field.Complex);
                if (category is null && priority is null && complex is null && !f.HasErrors)
                {
                    f.Error("", "give at least one of category, priority, complex");
                    return null;
                }

                return new CaseReclassifiedData(category, priority, complex);
            }

            case CaseEventType.CasePaused:
                return f.RequiredEnum<PauseReason>(Field.Reason) is { } pauseReason ? new CasePausedData(pauseReason) : null;

            case CaseEventType.CaseResumed:
                return new CaseResumedData();

            case CaseEventType.NoteAdded:
                return f.RequiredText(Field.Text, MaxText) is { } text ? new NoteAddedData(text) : null;

            case CaseEventType.CaseEscalated:
            {
                var level = f.RequiredInt(Field.Level, 1, 3);
                var reason = f.RequiredText(Field.Reason, MaxText);
                return level is null || reason is null ? null : new CaseEscalatedData(level.Value, reason);
            }

            case CaseEventType.CaseImpactFlagged:
                return f.RequiredText(Field.Reason, CaseEventContract.MaxImpactReason) is { } impact ? new CaseImpactFlaggedData(impact) : null;

            case CaseEventType.CaseResolved:
            {
                var resolution = f.RequiredCode(Field.Resolution);
                var summary = f.RequiredText(Field.Summary, MaxSummary);
                return resolution is null || summary is null ? null : new CaseResolvedData(resolution, summary);
            }

            case CaseEventType.CaseClosed:
                return f.OptionalInt(Field.Satisfaction, 1, 5, out var satisfaction) ? new CaseClosedData(satisfaction) : null;

            case CaseEventType.CaseReopened:
                return f.RequiredText(Field.Reason, MaxText) is { } why ? new CaseReopenedData(why) : null;

            default:
                return null;
        }
    }

    /// <summary>
    /// <c>{"agentId": "..."}</c> (a técnica of the case's unit) or <c>{"name": "...", "role": "..."}</c> (someone not in
    /// the catalogue, with a staff role of the unit's institution); nothing else, never both.
    /// </summary>
    private static PraisedStaff? ParsePraised(Fields p, Unit? unit, Func<string, Agent?>? findAgent)
    {
        var unknown = p.Names.Where(n => n is not (PraisedField.AgentId or PraisedField.Name or PraisedField.Role)).ToArray();
        if (unknown.Length > 0)
        {
            p.Error("", $"has no field {string.Join(", ", unknown.Select(n => $"'{n}'"))}: give agentId, or name and role");
            return null;
        }

        var agentId = p.OptionalCode(PraisedField.AgentId);
        var name = p.OptionalString(PraisedField.Name);
        var role = p.OptionalCode(PraisedField.Role);
        if (p.HasErrors)
        {
            return null;
        }

        if (agentId is not null && (name is not null || role is not null))
        {
            p.Error("", "give agentId (a técnica of the catalogue), or name and role (someone not in it), not both");
            return null;
        }

        if (agentId is not null)
        {
            if (findAgent is not null && unit is not null)
            {
                var agent = findAgent(agentId);
                if (agent is null)
                {
                    p.Error(PraisedField.AgentId, $"'{agentId}' is not a técnica of the catalogue; give name and role for someone who is not in it");
                    return null;
                }

                if (agent.UnitCode != unit.Code)
                {
                    p.Error(PraisedField.AgentId, $"'{agentId}' is a técnica of unit '{agent.UnitCode}', not of '{unit.Code}', the case's unit");
                    return null;
                }
            }

            return new PraisedStaff(AgentId: agentId);
        }

        if (name is null && role is null)
        {
            p.Error("", "give agentId, or name and role");
            return null;
        }

        if (name is null)
        {
            p.Error(PraisedField.Name, "is required with role");
        }
        else
        {
            // Checked before trimming: a trailing line break is refused, not quietly cut. A line break, a tab or an
            // invisible mark would split an export's row or hide what the wall shows.
            if (name.Any(IsControlOrFormat))
            {
                p.Error(PraisedField.Name, "must be one line of visible text (no line breaks, tabs or control characters)");
            }
            else if ((name = name.Trim()).Length > PraisedStaff.MaxName)
            {
                p.Error(PraisedField.Name, $"must be at most {PraisedStaff.MaxName} characters; it has {name.Length}");
            }
        }

        if (role is null)
        {
            p.Error(PraisedField.Role, "is required with name");
        }
        else if (unit is not null && ClassificationCatalogue.For(unit.Institution).FindStaffRole(role) is null)
        {
            var roles = ClassificationCatalogue.For(unit.Institution).StaffRoles;
            p.Error(PraisedField.Role, $"'{role}' is not a staff role of {unit.Institution}: {string.Join(", ", roles.Select(r => r.Code))}");
        }

        return p.HasErrors ? null : new PraisedStaff(Name: name, Role: role);
    }

    private static bool IsControlOrFormat(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;

    /// <summary>Strict RFC 3339 (section 5.6) with an explicit offset; a bare local time is ambiguous across time zones.</summary>
    public static bool TryParseRfc3339(string value, out DateTimeOffset result)
    {
        result = default;
        var m = Rfc3339Pattern().Match(value);
        if (!m.Success)
        {
            return false;
        }

        int Part(int group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute, second) = (Part(1), Part(2), Part(3), Part(4), Part(5), Part(6));
        // Leap seconds (":60") cannot be represented, and an offset beyond ±14:00 exists nowhere.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (!m.Groups[8].Success)
        {
            var (offsetHours, offsetMinutes) = (Part(10), Part(11));
            if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (m.Groups[9].ValueSpan[0] == '-' ? -1 : 1);
        }

        // Fractions beyond the 100 ns a DateTimeOffset holds are cut, not rounded (never into the next second).
        var fraction = m.Groups[7].Success ? m.Groups[7].Value.PadRight(7, '0')[..7] : "0";
        var ticks = long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utc = local - offset;
        if (utc < DateTime.MinValue.AddDays(1) || utc > DateTime.MaxValue.AddDays(-1))
        {
            return false;
        }

        result = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>The payload fields' wire names, from the records' own properties (one owner: the records).</summary>
    private static class Field
    {
        public static readonly string AgentId = CaseEventContract.FieldName(nameof(CaseOpenedData.AgentId));
        public static readonly string Category = CaseEventContract.FieldName(nameof(CaseOpenedData.Category));
        public static readonly string Channel = CaseEventContract.FieldName(nameof(CaseOpenedData.Channel));
        public static readonly string Complex = CaseEventContract.FieldName(nameof(CaseOpenedData.Complex));
        public static readonly string InsuredId = CaseEventContract.FieldName(nameof(CaseOpenedData.InsuredId));
        public static readonly string Kind = CaseEventContract.FieldName(nameof(CaseOpenedData.Kind));
        public static readonly string Level = CaseEventContract.FieldName(nameof(CaseEscalatedData.Level));
        public static readonly string ModuleCode = CaseEventContract.FieldName(nameof(CaseOpenedData.ModuleCode));
        public static readonly string Priority = CaseEventContract.FieldName(nameof(CaseOpenedData.Priority));
        public static readonly string Reason = CaseEventContract.FieldName(nameof(CasePausedData.Reason));
        public static readonly string Resolution = CaseEventContract.FieldName(nameof(CaseResolvedData.Resolution));
        public static readonly string Satisfaction = CaseEventContract.FieldName(nameof(CaseClosedData.Satisfaction));
        public static readonly string StaffRole = CaseEventContract.FieldName(nameof(CaseOpenedData.StaffRole));
        public static readonly string Summary = CaseEventContract.FieldName(nameof(CaseOpenedData.Summary));
        public static readonly string Text = CaseEventContract.FieldName(nameof(NoteAddedData.Text));
        public static readonly string UnitCode = CaseEventContract.FieldName(nameof(CaseOpenedData.UnitCode));
        public static readonly string PraisedStaff = CaseEventContract.FieldName(nameof(CaseOpenedData.PraisedStaff));
    }

    /// <summary>The praised staff member's fields on the wire (<see cref="Cases.PraisedStaff"/>).</summary>
    private static class PraisedField
    {
        public const string AgentId = "agentId";
        public const string Name = "name";
        public const string Role = "role";
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byPath = [];

        public int Count { get; private set; }

        public bool IsEmpty => Count == 0;

        public void Add(string path, string message)
        {
            if (!_byPath.TryGetValue(path, out var list))
            {
                _byPath[path] = list = [];
            }

            list.Add(message);
            Count++;
        }

        public Dictionary<string, string[]> ToDictionary() => _byPath.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>Typed reads of one JSON object's fields, each failure recorded at its path.</summary>
    private sealed class Fields(JsonElement obj, string at, Errors errors)
    {
        private readonly int _start = errors.Count;

        public bool HasErrors => errors.Count > _start;

        public void Error(string field, string message) =>
            errors.Add(field.Length == 0 ? (at.Length == 0 ? "$" : at) : (at.Length == 0 ? field : $"{at}.{field}"), message);

        /// <summary>The object's member names, as sent.</summary>
        public IEnumerable<string> Names => obj.EnumerateObject().Select(p => p.Name);

        /// <summary>An optional nested object, read with its own path (<c>data.praisedStaff.name</c>); null when absent or not an object.</summary>
        public Fields? OptionalObject(string name)
        {
            if (Get(name) is not { } v)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.Object)
            {
                Error(name, $"must be an object, not {v.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            return new Fields(v, at.Length == 0 ? name : $"{at}.{name}", errors);
        }

        private JsonElement? Get(string name) =>
            obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        public string? RequiredString(string name)
        {
            var v = Get(name);
            if (v is null)
            {
                Error(name, "is required");
                return null;
            }

            return OfString(name, v.Value);
        }

        public string? OptionalString(string name) => Get(name) is { } v ? OfString(name, v) : null;

        private string? OfString(string name, JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.String)
            {
                Error(name, $"must be a string, not {v.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            // A lone surrogate escape ("\ud800") or bytes that are not UTF-8 have no string value: GetString throws.
            if (!TryGetString(v, out var s))
            {
                Error(name, "is not valid Unicode text (a lone surrogate or bytes that are not UTF-8)");
                return null;
            }

            if (string.IsNullOrWhiteSpace(s))
            {
                Error(name, "must not be empty");
                return null;
            }

            return s;
        }

        private static bool TryGetString(JsonElement v, out string s)
        {
            try
            {
                s = v.GetString()!;
                return true;
            }
            catch (InvalidOperationException)
            {
                s = "";
                return false;
            }
        }

        public string? RequiredCode(string name) => Code(name, RequiredString(name));

        public string? OptionalCode(string name) => Code(name, OptionalString(name));

        private string? Code(string name, string? s)
        {
            if (s is not null && !CodePattern().IsMatch(s))
            {
                Error(name, "must be a code of 1–64 characters of A-Z a-z 0-9 - _ .");
                return null;
            }

            return s;
        }

        public string? RequiredText(string name, int max)
        {
            var s = RequiredString(name);
            if (s is not null && s.Length > max)
            {
                Error(name, $"must be at most {max} characters; it has {s.Length}");
                return null;
            }

            return s;
        }

        public TEnum? RequiredEnum<TEnum>(string name) where TEnum : struct, Enum
        {
            var s = RequiredString(name);
            return s is null ? null : OfEnum<TEnum>(name, s);
        }

        public TEnum? OptionalEnum<TEnum>(string name) where TEnum : struct, Enum
        {
            var s = OptionalString(name);
            return s is null ? null : OfEnum<TEnum>(name, s);
        }

        private TEnum? OfEnum<TEnum>(string name, string s) where TEnum : struct, Enum
        {
            // Names only: "0" or "complaint " must not slip through as a value.
            if (EnumNames<TEnum>.Values.TryGetValue(s, out var value))
            {
                return value;
            }

            Error(name, $"'{s}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
            return null;
        }

        public bool? RequiredBool(string name)
        {
            var v = Get(name);
            if (v is null)
            {
                Error(name, "is required");
                return null;
            }

            return OfBool(name, v.Value);
        }

        public bool? OptionalBool(string name) => Get(name) is { } v ? OfBool(name, v) : null;

        private bool? OfBool(string name, JsonElement v)
        {
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            Error(name, "must be true or false");
            return null;
        }

        public int? RequiredInt(string name, int min, int max)
        {
            if (Get(name) is null)
            {
                Error(name, "is required");
                return null;
            }

            return OptionalInt(name, min, max, out var value) ? value : null;
        }

        public bool OptionalInt(string name, int min, int max, out int? value)
        {
            value = null;
            if (Get(name) is not { } v)
            {
                return true;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n < min || n > max)
            {
                Error(name, $"must be a whole number from {min} to {max}");
                return false;
            }

            value = n;
            return true;
        }
    }
}

/// <summary>An enum's exact names, looked up without allocating on the ingestion path.</summary>
internal static class EnumNames<TEnum> where TEnum : struct, Enum
{
    public static readonly System.Collections.Frozen.FrozenDictionary<string, TEnum> Values =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<TEnum>(), v => v.ToString(), StringComparer.Ordinal);
}
