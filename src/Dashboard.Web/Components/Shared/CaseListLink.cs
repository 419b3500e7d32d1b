using System.Globalization;
using System.Text;
using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// A case list as a link: the overview's filter and the list's own (status, SLA state, level, breached today) in the
/// query string, so any number opens the cases behind it and a filtered page can be shared. The overview reads the
/// same keys. Unknown or malformed values are ignored, never an error: a shared link outlives a renamed category.
/// </summary>
public sealed record CaseListLink
{
    public const string Region = "region";
    public const string Unit = "unit";
    public const string Kind = "kind";
    public const string Category = "category";
    public const string StaffRole = "staffRole";
    public const string Module = "module";
    public const string Channel = "channel";
    public const string Priority = "priority";
    public const string Complex = "complex";
    public const string From = "from";
    public const string To = "to";
    public const string Status = "status";
    public const string Sla = "sla";
    public const string Level = "level";
    public const string Breached = "breached";

    /// <summary>The <see cref="Status"/> values besides a <see cref="CaseStatus"/> name.</summary>
    public const string OpenStatus = "open";
    public const string ClosedStatus = "closed";
    public const string AnyStatus = "all";
    public const string Today = "today";

    public CaseFilter Filter { get; init; } = CaseFilter.None;

    /// <summary>"open" (the default: what a supervisor works on), "closed", "all", or one status by name.</summary>
    public string StatusFilter { get; init; } = OpenStatus;

    public SlaState? SlaState { get; init; }

    public int? EscalationLevel { get; init; }

    public bool BreachedToday { get; init; }

    /// <summary>The filters of a URL's query string (the path is ignored).</summary>
    public static CaseListLink Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? [] : QueryHelpers.ParseQuery(uri[question..]);
        string? Get(string key) => query.TryGetValue(key, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;

        var status = Get(Status);
        return new CaseListLink
        {
            Filter = ParseFilter(Get),
            StatusFilter = status is null ? OpenStatus
                : status is OpenStatus or ClosedStatus or AnyStatus ? status
                : ParseEnum<CaseStatus>(status)?.ToString() ?? OpenStatus,
            SlaState = ParseEnum<SlaState>(Get(Sla)),
            EscalationLevel = int.TryParse(Get(Level), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= CaseSummary.MaxEscalationLevel ? level : null,
            BreachedToday = string.Equals(Get(Breached), Today, StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The overview's filter from a URL: the same keys as a case list's.</summary>
    public static CaseFilter ParseFilter(string uri) => Parse(uri).Filter;

    private static CaseFilter ParseFilter(Func<string, string?> get)
    {
        var from = ParseDay(get(From));
        var to = ParseDay(get(To));
        return new CaseFilter
        {
            RegionCode = get(Region),
            UnitCode = get(Unit),
            Kind = ParseEnum<CaseKind>(get(Kind)),
            Category = get(Category),
            StaffRole = get(StaffRole),
            ModuleCode = get(Module),
            Channel = ParseEnum<Channel>(get(Channel)),
            Priority = ParseEnum<Priority>(get(Priority)),
            Complex = bool.TryParse(get(Complex), out var complex) ? complex : null,
            // A period given backwards is read forwards rather than as "nothing".
            OpenedFrom = from is { } f && to is { } t && t < f ? t : from,
            OpenedTo = from is { } f2 && to is { } t2 && t2 < f2 ? f2 : to,
        };
    }

    /// <summary>The query string of this link (with its "?"), empty when it filters nothing beyond the default.</summary>
    public string ToQueryString()
    {
        var f = Filter;
        return Build(
            (Region, f.RegionCode), (Unit, f.UnitCode), (Kind, f.Kind?.ToString()), (Category, f.Category), (StaffRole, f.StaffRole), (Module, f.ModuleCode), (Channel, f.Channel?.ToString()),
            (Priority, f.Priority?.ToString()), (Complex, f.Complex?.ToString().ToLowerInvariant()), (From, Day(f.OpenedFrom)), (To, Day(f.OpenedTo)),
            (Status, StatusFilter == OpenStatus ? null : StatusFilter), (Sla, SlaState?.ToString()),
            (Level, EscalationLevel?.ToString(CultureInfo.InvariantCulture)), (Breached, BreachedToday ? Today : null));
    }

    /// <summary>The overview's own query string: its filter alone.</summary>
    public static string ToQueryString(CaseFilter filter) => new CaseListLink { Filter = filter }.ToQueryString();

    /// <summary>
    /// Where the cases behind a number are listed: the unit's page when the filter names a unit (it lists the unit's
    /// cases with the same filters), otherwise the case list.
    /// </summary>
    public string Href => Filter.UnitCode is { } unit
        ? $"/unidades/{Uri.EscapeDataString(unit)}{(this with { Filter = Filter with { UnitCode = null } }).ToQueryString()}"
        : $"/casos{ToQueryString()}";

    /// <summary>The store's query for a page of this list.</summary>
    public CaseListQuery ToQuery(int page, int pageSize, DayZones days, DateTimeOffset now, CaseSort sort = CaseSort.Opened, bool descending = true) =>
        new(Filter, page, pageSize)
        {
            Open = StatusFilter switch { OpenStatus => true, ClosedStatus => false, _ => null },
            Status = StatusFilter is OpenStatus or ClosedStatus or AnyStatus ? null : ParseEnum<CaseStatus>(StatusFilter),
            SlaState = SlaState,
            EscalationLevel = EscalationLevel,
            BreachedToday = BreachedToday,
            Now = now,
            Days = days,
            Sort = sort,
            Descending = descending,
        };

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    private static string Build(params (string Key, string? Value)[] pairs)
    {
        var query = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return query.ToString();
    }
}
