using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>
/// What every filtered read of cases binds (Dapper sends only the values a statement names). Enums go as their names, days
/// as ISO dates (compared with each case's day on its unit's clock), with UTC bounds wide enough for every zone.
/// </summary>
internal sealed record CaseFilterParameters
{
    public string? ScopeInstitution { get; init; }
    public string? ScopeRegionCode { get; init; }
    public string? ScopeUnitCode { get; init; }
    public string? RegionCode { get; init; }
    public string? UnitCode { get; init; }
    public string? Kind { get; init; }
    public string? Category { get; init; }
    public string? Channel { get; init; }
    public string? Priority { get; init; }
    public bool? Complex { get; init; }
    public string? StaffRole { get; init; }
    public string? ModuleCode { get; init; }
    public string? MistreatmentCategory { get; init; }
    public string? OpenedFrom { get; init; }
    public string? OpenedTo { get; init; }
    public DateTimeOffset? OpenedFromUtc { get; init; }
    public DateTimeOffset? OpenedToUtc { get; init; }
    public string ZoneOffsets { get; init; } = "[]";
    public bool? Open { get; init; }
    public string? Status { get; init; }
    public string? SlaState { get; init; }
    public int? EscalationLevel { get; init; }
    public bool? BreachedToday { get; init; }

    /// <summary>Whether FilteredCases joins each case's unit clock (null: left out, for a read that needs no day on it).</summary>
    public bool? UnitClock { get; init; } = true;

    /// <summary>Whether a filter asks for days on the unit clocks (breached today, opened from or to).</summary>
    public bool FiltersByUnitDay => BreachedToday is not null || OpenedFrom is not null || OpenedTo is not null;
    public DateTimeOffset? Now { get; set; }
    public DateTimeOffset? BreachedSinceUtc { get; set; }
    public string Sort { get; init; } = nameof(CaseSort.Opened);
    public bool Descending { get; init; } = true;

    // The lines of Case_ReadPage's ORDER BY the sort asks for (true) or leaves out (null): see SqlScripts.For.
    public bool? ByStatusAscending => By(CaseSort.Status, descending: false);
    public bool? ByStatusDescending => By(CaseSort.Status, descending: true);
    public bool? ByPriorityAscending => By(CaseSort.Priority, descending: false);
    public bool? ByPriorityDescending => By(CaseSort.Priority, descending: true);
    public bool? ByEscalationLevelAscending => By(CaseSort.EscalationLevel, descending: false);
    public bool? ByEscalationLevelDescending => By(CaseSort.EscalationLevel, descending: true);
    public bool? ByDue => By(CaseSort.Due, descending: null);
    public bool? ByDueAscending => By(CaseSort.Due, descending: false);
    public bool? ByDueDescending => By(CaseSort.Due, descending: true);
    public bool? ByOpenedAscending => By(CaseSort.Opened, descending: false);

    private bool? By(CaseSort sort, bool? descending) =>
        Sort == sort.ToString() && (descending is null || Descending == descending) ? true : null;
    public long Skip { get; init; }
    public int Take { get; init; }
    public DateTimeOffset? AfterOpenedUtc { get; init; }
    public string? AfterCaseId { get; init; }
    public DateTimeOffset? Days3Ago { get; set; }
    public DateTimeOffset? Days8Ago { get; set; }
    public DateTimeOffset? Days16Ago { get; set; }

    public static CaseFilterParameters For(CaseFilter f, ReadScope scope, DayZones days) => new()
    {
        ScopeInstitution = scope.Institution,
        ScopeRegionCode = scope.RegionCode,
        ScopeUnitCode = scope.UnitCode,
        RegionCode = f.RegionCode,
        UnitCode = f.UnitCode,
        Kind = f.Kind?.ToString(),
        Category = f.Category,
        Channel = f.Channel?.ToString(),
        Priority = f.Priority?.ToString(),
        Complex = f.Complex,
        StaffRole = f.StaffRole,
        ModuleCode = f.ModuleCode,
        OpenedFrom = Iso(f.OpenedFrom),
        OpenedTo = Iso(f.OpenedTo),
        OpenedFromUtc = f.OpenedFrom is { } from ? days.EarliestStart(from) : null,
        OpenedToUtc = f.OpenedTo is { } to ? days.LatestEnd(to) : null,
        ZoneOffsets = ZoneOffsetsJson(days),
    };

    public static CaseFilterParameters ForList(CaseListQuery q, ReadScope scope)
    {
        if (q.BreachedToday && q.Now is null)
        {
            throw new ArgumentException("BreachedToday needs Now", nameof(q));
        }

        return For(q.Filter, scope, q.Days) with
        {
            Open = q.Open,
            Status = q.Status?.ToString(),
            SlaState = q.SlaState?.ToString(),
            EscalationLevel = q.EscalationLevel,
            BreachedToday = q.BreachedToday ? true : null,
            Now = q.Now,
            BreachedSinceUtc = q.Now is { } now ? q.Days.TodayBegan(now) : null,
            Sort = q.Sort.ToString(),
            Descending = q.Descending,
            Skip = q.Skip,
            Take = q.PageSize,
        };
    }

    internal static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The zones as the statements read them: <c>[{"zone":"America/Lima","minutes":-300}, …]</c>.</summary>
    public static string ZoneOffsetsJson(DayZones days) =>
        JsonSerializer.Serialize(days.OffsetMinutes.Select(z => new ZoneOffset(z.Key, z.Value)), ZoneJson);

    private static readonly JsonSerializerOptions ZoneJson = new(JsonSerializerDefaults.Web);

    private sealed record ZoneOffset(string Zone, int Minutes);
}

/// <summary>The big numbers, as both the wall and the overview read them.</summary>
internal sealed class OpenCaseCountsRow
{
    public int OpenCases { get; set; }
    public int OpenComplex { get; set; }
    public int AtRisk { get; set; }
    public int Overdue { get; set; }
    public int BreachedToday { get; set; }
    public int Level1 { get; set; }
    public int Level2 { get; set; }
    public int Level3 { get; set; }

    public OpenCaseCounts ToCounts() => new(OpenCases, OpenComplex, AtRisk, Overdue, BreachedToday, Level1, Level2, Level3);
}
