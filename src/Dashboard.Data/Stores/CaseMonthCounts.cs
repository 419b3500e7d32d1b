namespace Dashboard.Data.Stores;

/// <summary>
/// The monthly counters (<c>case_months</c>): cases opened per unit and month on the unit's clock, by kind and category,
/// the sum of the units' daily counters of the month. The committee's chart of every unit reads 24 months of them
/// nationally instead of two years of days. The appender derives a commit's months from its days' deltas; a recount
/// derives them from the recounted days (<c>CaseMonth_Recount</c>).
/// </summary>
internal static class CaseMonthCounts
{
    /// <summary>How one commit moves the months: the opened cases of the units' day deltas (never the institutions'), summed per month (a key that nets to zero writes nothing).</summary>
    public static IReadOnlyCollection<CaseMonthRow> From(IEnumerable<CaseDayRow> unitDays) =>
    [
        .. unitDays.Where(d => d.Opened != 0)
            .GroupBy(d => new CaseMonthKey(d.RegionCode, d.Day[..7], d.UnitCode, d.Kind, d.Category))
            .Select(g => new CaseMonthRow(g.Key, g.Sum(d => d.Opened)))
            .Where(m => m.Opened != 0),
    ];
}

internal sealed record CaseMonthKey(string RegionCode, string Month, string UnitCode, string Kind, string Category);

/// <summary>One monthly counter's delta as <c>CaseMonth_Add</c> binds it.</summary>
internal sealed record CaseMonthRow(CaseMonthKey Key, int Opened)
{
    public string RegionCode => Key.RegionCode;
    public string Month => Key.Month;
    public string UnitCode => Key.UnitCode;
    public string Kind => Key.Kind;
    public string Category => Key.Category;
}
