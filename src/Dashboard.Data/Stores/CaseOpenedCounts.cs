using System.Globalization;
using Dashboard.Core.Indicators;

namespace Dashboard.Data.Stores;

/// <summary>
/// The monthly and weekly counters (<c>case_months</c>, <c>case_weeks</c>): cases opened per unit and month or ISO week
/// (Monday first) on the unit's clock, by kind and category, each the sum of the unit's daily counters of its days. The
/// committee's list of units whose complaints deteriorate charts every unit nationally, two years of months or a year
/// of weeks, instead of reading every unit's days. The appender derives a commit's months and weeks from its days'
/// deltas; a recount derives them from the recounted days (<c>CaseMonth_Recount</c>, <c>CaseWeek_Recount</c>).
/// </summary>
internal static class CaseOpenedCounts
{
    /// <summary>How one commit moves the months ('yyyy-MM').</summary>
    public static IReadOnlyCollection<CaseOpenedRow> Months(IEnumerable<CaseDayRow> unitDays) => Sum(unitDays, day => day[..7]);

    /// <summary>How one commit moves the weeks, each named by its Monday ('yyyy-MM-dd').</summary>
    public static IReadOnlyCollection<CaseOpenedRow> Weeks(IEnumerable<CaseDayRow> unitDays) => Sum(unitDays, WeekOf);

    /// <summary>The Monday of a day's ISO week, as the counters name the week.</summary>
    private static string WeekOf(string day) =>
        Periods.StartOf(Period.Week, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The opened cases of the units' day deltas (never the institutions'), summed per period (a key that nets to zero writes nothing).</summary>
    private static CaseOpenedRow[] Sum(IEnumerable<CaseDayRow> unitDays, Func<string, string> periodOf) =>
    [
        .. unitDays.Where(d => d.Opened != 0)
            .GroupBy(d => new CaseOpenedKey(d.RegionCode, periodOf(d.Day), d.UnitCode, d.Kind, d.Category))
            .Select(g => new CaseOpenedRow(g.Key, g.Sum(d => d.Opened)))
            .Where(m => m.Opened != 0),
    ];
}

internal sealed record CaseOpenedKey(string RegionCode, string Period, string UnitCode, string Kind, string Category);

/// <summary>One monthly or weekly counter's delta as <c>CaseMonth_Add</c> and <c>CaseWeek_Add</c> bind it.</summary>
internal sealed record CaseOpenedRow(CaseOpenedKey Key, int Opened)
{
    public string RegionCode => Key.RegionCode;
    public string Period => Key.Period;
    public string UnitCode => Key.UnitCode;
    public string Kind => Key.Kind;
    public string Category => Key.Category;
}
