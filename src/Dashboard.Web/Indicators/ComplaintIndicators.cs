using Dashboard.Core.Indicators;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Wall;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Indicators;

/// <summary>
/// What a control chart of complaints is asked for: the period, an optional category (mal trato first), a region or unit
/// that narrows the caller's scope, and the baseline (any days of its first and last periods; by default the chart's
/// first <see cref="ComplaintIndicators.DefaultBaselinePoints"/> periods, or as many from <see cref="BaselineFrom"/> when
/// only that is given).
/// </summary>
public sealed record ComplaintChartQuery
{
    public Period Period { get; init; } = Period.Month;
    public string? Category { get; init; }
    public string? RegionCode { get; init; }
    public string? UnitCode { get; init; }
    public DateOnly? BaselineFrom { get; init; }
    public DateOnly? BaselineTo { get; init; }

    /// <summary>A rate per 10,000 attentions when the volumes allow it (the default), or complaints counted.</summary>
    public ComplaintMeasure Measure { get; init; } = ComplaintMeasure.Rate;
}

/// <summary>
/// Complaints per period with their XmR chart, drawn on <see cref="Series"/>: a rate per 10,000 attentions when every
/// unit of the scope has its volumes for every month, else the complaints counted (and why). <see cref="Chart"/> is
/// null when the baseline holds fewer than two periods (no moving range to draw limits from).
/// </summary>
public sealed record ComplaintChart(ComplaintChartQuery Query, IReadOnlyList<PeriodCount> Periods, ComplaintSeries Series, XmrChart? Chart)
{
    public bool IsRate => Series.IsRate;

    /// <summary>The value charted for period <paramref name="index"/>: its rate, or its count.</summary>
    public double Value(int index) => Series.Values[index];

    public PeriodCount? BaselineFirst => Chart is null ? null : Periods[Chart.Limits.BaselineFrom];

    public PeriodCount? BaselineLast => Chart is null ? null : Periods[Chart.Limits.BaselineFrom + Chart.Limits.BaselinePoints - 1];
}

/// <summary>
/// A unit whose latest period shows a special cause of deterioration, for the committee's agenda: on its rate per
/// 10,000 attentions when the unit has its volumes (<see cref="Measure"/>), else on its count. <see cref="Value"/> is the
/// latest period's rate or count, in the measure of <see cref="Limits"/>.
/// </summary>
public sealed record UnitDeterioration(string UnitCode, string UnitName, string RegionCode, PeriodCount Latest, XmrLimits Limits, SpcSignals Signals,
    ComplaintMeasure Measure = ComplaintMeasure.Count, double? LatestValue = null)
{
    public double Value => LatestValue ?? Latest.Count;

    public bool IsRate => Measure == ComplaintMeasure.Rate;
}

/// <summary>
/// Complaints against a baseline as NHS "Making Data Count" reads them: the series of whole periods up to the last one
/// completed (a period under way would look like a fall), the limits from the baseline, the special causes of every point.
/// Days are each unit's own; "today" is that of the filter's unit or region, else the wall's zone.
/// </summary>
public sealed class ComplaintIndicators(IComplaintReader complaints, IAttentionVolumeStore volumes, CatalogueService catalogue, IOptions<WallOptions> wall, TimeProvider time)
{
    /// <summary>Making Data Count asks for 12 to 20 points of baseline; fewer make the limits provisional.</summary>
    public const int DefaultBaselinePoints = 12;

    /// <summary>The most periods one chart reads (three years of weeks).</summary>
    public const int MaxPeriods = 156;

    /// <summary>How many periods a chart shows when its baseline does not reach further back.</summary>
    public static int DefaultPeriods(Period period) => period switch
    {
        Period.Week => 52,
        Period.Month => 24,
        Period.Bimester => 18,
        _ => 12,
    };

    public async Task<ComplaintChart> ReadChartAsync(ComplaintChartQuery query, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last) = Range(query, Today(query.RegionCode, query.UnitCode));
        var filter = new CaseFilter { RegionCode = query.RegionCode, UnitCode = query.UnitCode, Category = query.Category, OpenedFrom = first, OpenedTo = EndOf(query.Period, last) };
        var days = await complaints.ReadPerPeriodAsync(query.Period, filter, scope, catalogue.DaysAt(time.GetUtcNow()), cancellationToken);
        var periods = Periods.Bucket(query.Period, await FirstRecordedAsync(query.Period, first, last, scope, cancellationToken), last, days.Select(d => (d.Day, d.Complaints)));
        var series = query.Measure == ComplaintMeasure.Count || query.Period == Period.Week
            ? ComplaintRates.Compute(query.Period, periods, [], new Dictionary<(string, DateOnly), int>(), query.Measure)
            : ComplaintRates.Compute(query.Period, periods, UnitsOf(scope, query.RegionCode, query.UnitCode),
                await AttentionsAsync(periods, scope, query.RegionCode, query.UnitCode, cancellationToken));
        return new ComplaintChart(query, periods, series, Chart(query, periods, series.Values));
    }

    /// <summary>The units of the scope, narrowed by region and unit: those whose attentions a rate divides by.</summary>
    private IReadOnlyList<string> UnitsOf(ReadScope scope, string? regionCode, string? unitCode)
    {
        var index = catalogue.Current;
        return index.Snapshot.Units
            .Where(u => scope.Allows(u.RegionCode, u.Code, index.InstitutionOfRegion) && (regionCode is null || u.RegionCode == regionCode) && (unitCode is null || u.Code == unitCode))
            .Select(u => u.Code).ToArray();
    }

    /// <summary>The attentions loaded for the months the periods cover, within the scope.</summary>
    private async Task<Dictionary<(string Unit, DateOnly Month), int>> AttentionsAsync(IReadOnlyList<PeriodCount> periods, ReadScope scope, string? regionCode, string? unitCode,
        CancellationToken cancellationToken)
    {
        if (periods.Count == 0)
        {
            return [];
        }

        var rows = await volumes.ReadAsync(periods[0].Start, periods[^1].End, scope, regionCode, unitCode, cancellationToken);
        return rows.ToDictionary(r => (r.Volume.UnitCode, r.Volume.Month), r => r.Volume.Attentions);
    }

    /// <summary>
    /// The units within the scope whose latest whole period shows a special cause of deterioration in their own chart
    /// (each unit against its own baseline), worst first. A unit without complaints in the whole range has no chart.
    /// </summary>
    /// <remarks><paramref name="regionCode"/> narrows the scope (in the query, like every filter), never widens it.</remarks>
    public async Task<IReadOnlyList<UnitDeterioration>> UnitsWithDeteriorationAsync(ReadScope scope, string? category, Period period = Period.Month,
        string? regionCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var query = new ComplaintChartQuery { Period = period, Category = category };
        var (first, last) = Range(query, Today(regionCode ?? scope.RegionCode, scope.UnitCode));
        var filter = new CaseFilter { RegionCode = regionCode, Category = category, OpenedFrom = first, OpenedTo = EndOf(period, last) };
        // Weeks are whole weeks and months, bimesters and quarters whole months: the weekly or monthly counters answer (a
        // year of weeks or two years of months of every unit nationally).
        var rows = period == Period.Week
            ? await complaints.ReadPerUnitWeekAsync(filter, scope, catalogue.DaysAt(time.GetUtcNow()), cancellationToken)
            : await complaints.ReadPerUnitMonthAsync(filter, scope, catalogue.DaysAt(time.GetUtcNow()), cancellationToken);
        first = await FirstRecordedAsync(period, first, last, scope, cancellationToken);
        var found = new List<UnitDeterioration>();
        var attentions = rows.Count == 0 || period == Period.Week ? []
            : await AttentionsAsync(Periods.Bucket(period, first, last, []), scope, regionCode, null, cancellationToken);
        foreach (var unit in rows.GroupBy(r => r.UnitCode, StringComparer.Ordinal))
        {
            var periods = Periods.Bucket(period, first, last, unit.Select(d => (d.Day, d.Complaints)));
            // Each unit on its own rate when it has its volumes, else on its count.
            var series = ComplaintRates.Compute(period, periods, [unit.Key], attentions);
            if (Chart(query, periods, series.Values) is { Latest: Variation.Deterioration } chart)
            {
                var known = catalogue.Current.FindUnit(unit.Key);
                found.Add(new UnitDeterioration(unit.Key, known?.Name ?? unit.Key, known?.RegionCode ?? "", periods[^1], chart.Limits, chart.Points[^1].Signals,
                    series.Measure, series.Values[^1]));
            }
        }

        // Worst first: how far above its own mean each unit's latest point is, in its own sigmas (rates and counts alike).
        return found.OrderByDescending(u => u.Limits.Sigma > 0 ? (u.Value - u.Limits.Mean) / u.Limits.Sigma : double.MaxValue)
            .ThenBy(u => u.UnitName, StringComparer.CurrentCulture).ToArray();
    }

    /// <summary>
    /// The first period to chart: <paramref name="first"/>, or later when the scope's records begin later (a new
    /// deployment, a history loaded from some date): months before the records begin are unknown, not zero, and as zeros
    /// they would make every later month a "deterioration". Months after it without complaints are real zeros.
    /// </summary>
    private async Task<DateOnly> FirstRecordedAsync(Period period, DateOnly first, DateOnly last, ReadScope scope, CancellationToken cancellationToken)
    {
        if (await complaints.ReadFirstOpenedAsync(scope, cancellationToken) is not { } earliest)
        {
            return first;
        }

        // The scope's first case, on the clock the charts use (a day either way does not move a month's start).
        var start = Periods.StartOf(period, DateOnly.FromDateTime(earliest.UtcDateTime));
        return start <= first ? first : start > last ? last : start;
    }

    /// <summary>The baseline's periods (by default the first ones), and the chart when they are two or more.</summary>
    private static XmrChart? Chart(ComplaintChartQuery query, IReadOnlyList<PeriodCount> periods, IReadOnlyList<double> values)
    {
        int from = 0, count = Math.Min(DefaultBaselinePoints, periods.Count);
        if (query.BaselineFrom is not null || query.BaselineTo is not null)
        {
            // Only a start: the usual twelve periods from it. Only an end: from the chart's first period.
            var start = query.BaselineFrom is { } f ? Periods.StartOf(query.Period, f) : periods[0].Start;
            var end = query.BaselineTo is { } t ? Periods.StartOf(query.Period, t) : periods[^1].Start;
            from = periods.Count(p => p.Start < start);
            count = periods.Count(p => p.Start >= start && p.Start <= end);
            if (query.BaselineTo is null)
            {
                count = Math.Min(count, DefaultBaselinePoints);
            }
        }

        return count < 2 ? null : XmrChart.Compute(values, Polarity.LowerIsBetter, from, count);
    }

    /// <summary>From the default number of periods back (further when the baseline starts earlier) to the last whole one.</summary>
    private static (DateOnly First, DateOnly Last) Range(ComplaintChartQuery query, DateOnly today)
    {
        var last = Periods.LastCompleteStart(query.Period, today);
        var first = last;
        for (var i = 1; i < DefaultPeriods(query.Period); i++)
        {
            first = Back(query.Period, first);
        }

        var earliest = last;
        for (var i = 1; i < MaxPeriods; i++)
        {
            earliest = Back(query.Period, earliest);
        }

        if (query.BaselineFrom is { } from && Periods.StartOf(query.Period, from) < first)
        {
            first = Periods.StartOf(query.Period, from) < earliest ? earliest : Periods.StartOf(query.Period, from);
        }

        return (first, last);
    }

    private static DateOnly Back(Period period, DateOnly start) => period switch
    {
        Period.Week => start.AddDays(-7),
        Period.Month => start.AddMonths(-1),
        Period.Bimester => start.AddMonths(-2),
        _ => start.AddMonths(-3),
    };

    private static DateOnly EndOf(Period period, DateOnly start) => Periods.Next(period, start).AddDays(-1);

    /// <summary>Today on the clock of the unit, else the region, else the wall's zone.</summary>
    private DateOnly Today(string? regionCode, string? unitCode)
    {
        var zone = unitCode is not null && catalogue.Current.FindUnit(unitCode) is { } u ? u.TimeZone
            : regionCode is not null && catalogue.Current.FindRegion(regionCode) is { } r ? r.TimeZone
            : wall.Value.TimeZone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
    }
}
