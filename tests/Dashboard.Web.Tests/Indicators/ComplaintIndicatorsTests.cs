using Dashboard.Core.Indicators;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Indicators;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Wall;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Indicators;

public sealed class ComplaintIndicatorsTests
{
    /// <summary>4 December 2026, noon in Mexico City: the last whole month is November 2026, the chart starts December 2024.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Baseline (Dec 2024 – Nov 2025) of mean 11 and upper limit 15.59 (XmrChartTests), then eleven ordinary months.</summary>
    public static readonly int[] Ordinary = [10, 12, 11, 13, 10, 12, 11, 9, 12, 11, 10, 11, 10, 12, 11, 13, 10, 12, 11, 9, 12, 11, 10];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One complaint count per month, on its 10th, from December 2024.</summary>
    public static IEnumerable<(DateOnly Day, int Count)> Months(params int[] counts) =>
        counts.Select((c, i) => (new DateOnly(2024, 12, 10).AddMonths(i), c));

    private static ComplaintIndicators Indicators(IComplaintReader reader, IAttentionVolumeStore? volumes = null) =>
        new(reader, volumes ?? new VolumesInMemory(), TestCatalogue.Create(), Options.Create(new WallOptions()), new FixedClock(Now));

    private static readonly DateOnly December2024 = new(2024, 12, 1);

    [Fact]
    public async Task ReadChart_AUnitWithEveryMonthsVolume_RatePer10000AttentionsAndXmROnIt()
    {
        // 5,000 attentions a month: each month's rate is twice its count (30 complaints → 60.0 per 10,000).
        var unit = TableroFactory.JaliscoUnit;
        var volumes = new VolumesInMemory();
        volumes.Add(unit.Code, December2024, [.. Enumerable.Repeat(5_000, 24)]);

        var chart = await Indicators(new ComplaintsByDay(Months([.. Ordinary, 30])), volumes).ReadChartAsync(
            new ComplaintChartQuery { RegionCode = unit.RegionCode, UnitCode = unit.Code }, ReadScope.All, Ct);

        Assert.True(chart.IsRate);
        Assert.Equal(60.0, chart.Value(23), 9);
        Assert.Equal(30, chart.Periods[^1].Count);
        Assert.Equal(22, chart.Chart!.Limits.Mean, 5);
        Assert.Equal(Variation.Deterioration, chart.Chart.Latest);
    }

    [Fact]
    public async Task ReadChart_ARegionWithUnitsLackingVolumes_CountsAndSaysWhichMonthAndHowMany()
    {
        var units = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL").ToArray();
        var volumes = new VolumesInMemory();
        foreach (var u in units.Skip(2))
        {
            volumes.Add(u.Code, December2024, [.. Enumerable.Repeat(5_000, 24)]);
        }

        var chart = await Indicators(new ComplaintsByDay(Months([.. Ordinary, 30])), volumes).ReadChartAsync(new ComplaintChartQuery { RegionCode = "IMSS-JAL" }, ReadScope.All, Ct);

        Assert.False(chart.IsRate);
        Assert.Equal((CountReason.MissingVolumes, new DateOnly(2026, 11, 1), 2, 24), (chart.Series.Reason, chart.Series.MissingMonth, chart.Series.MissingUnits, chart.Series.MissingMonths));
        Assert.Equal(30, chart.Value(23));
    }

    [Fact]
    public async Task ReadChart_WeeksOrCountsAsked_CountsEvenWithVolumes()
    {
        var unit = TableroFactory.JaliscoUnit;
        var volumes = new VolumesInMemory();
        volumes.Add(unit.Code, new DateOnly(2023, 1, 1), [.. Enumerable.Repeat(5_000, 48)]);
        var indicators = Indicators(new ComplaintsByDay(Months([.. Ordinary, 30])), volumes);

        var weeks = await indicators.ReadChartAsync(new ComplaintChartQuery { Period = Period.Week, UnitCode = unit.Code }, ReadScope.All, Ct);
        var counts = await indicators.ReadChartAsync(new ComplaintChartQuery { UnitCode = unit.Code, Measure = ComplaintMeasure.Count }, ReadScope.All, Ct);

        Assert.Equal(CountReason.Weeks, weeks.Series.Reason);
        Assert.Equal(CountReason.Chosen, counts.Series.Reason);
    }

    [Fact]
    public async Task UnitsWithDeterioration_MoreComplaintsFromMoreAttentions_NoDeteriorationOnTheRate()
    {
        // Unit 0 doubles its complaints in November, but its attentions doubled too: the rate is ordinary. Unit 1 has the
        // same spike without volumes: counted, it deteriorates.
        var units = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL").Take(2).ToArray();
        var volumes = new VolumesInMemory();
        volumes.Add(units[0].Code, December2024, [.. Enumerable.Repeat(10_000, 23), 20_000]);
        var reader = new ComplaintsByDay([])
        {
            Units =
            [
                .. Months([.. Ordinary, 22]).Select(d => new UnitDayComplaints(units[0].Code, d.Day, d.Count)),
                .. Months([.. Ordinary, 22]).Select(d => new UnitDayComplaints(units[1].Code, d.Day, d.Count)),
            ],
        };

        var found = await Indicators(reader, volumes).UnitsWithDeteriorationAsync(ReadScope.ForRegion("IMSS-JAL"), "mistreatment", cancellationToken: Ct);

        var unit = Assert.Single(found);
        Assert.Equal((units[1].Code, ComplaintMeasure.Count, 22.0), (unit.UnitCode, unit.Measure, unit.Value));
    }


    [Fact]
    public async Task ReadChart_Month_TwentyFourWholeMonthsEndingInNovember()
    {
        var reader = new ComplaintsByDay(Months([.. Ordinary, 30]));

        var chart = await Indicators(reader).ReadChartAsync(new ComplaintChartQuery { Category = "mistreatment" }, ReadScope.All, Ct);

        Assert.Equal(24, chart.Periods.Count);
        Assert.Equal(new PeriodCount(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 30), chart.Periods[^1]);
        Assert.Equal(new DateOnly(2024, 12, 1), chart.Periods[0].Start);
        Assert.Equal(11, chart.Chart!.Limits.Mean, 5);
        Assert.Equal(Variation.Deterioration, chart.Chart.Latest);
        // What was asked of the reader: the category, and the days of the 24 months.
        Assert.Equal("mistreatment", reader.Asked!.Category);
        Assert.Equal(new DateOnly(2024, 12, 1), reader.Asked.OpenedFrom);
        Assert.Equal(new DateOnly(2026, 11, 30), reader.Asked.OpenedTo);
    }

    [Fact]
    public async Task ReadChart_RecordsThatBeganThreeMonthsAgo_ChartOnlyThoseMonths_NotTwentyOneZerosBeforeThem()
    {
        // A deployment whose history starts in September: the months before are unknown, not months without complaints.
        var reader = new ComplaintsByDay([(new DateOnly(2026, 9, 10), 1800), (new DateOnly(2026, 10, 10), 2100), (new DateOnly(2026, 11, 10), 2000)])
        {
            FirstOpened = new DateTimeOffset(2026, 9, 4, 15, 0, 0, TimeSpan.Zero),
            Units = [new UnitDayComplaints("UMF-JAL-023", new DateOnly(2026, 9, 10), 5), new UnitDayComplaints("UMF-JAL-023", new DateOnly(2026, 11, 10), 6)],
        };

        var chart = await Indicators(reader).ReadChartAsync(new ComplaintChartQuery(), ReadScope.All, Ct);

        Assert.Equal([new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)], chart.Periods.Select(p => p.Start));
        Assert.True(chart.Chart!.Limits.Provisional);
        Assert.NotEqual(Variation.Deterioration, chart.Chart.Latest);
        // Per unit too: a unit's October without complaints is a real zero once the records have begun.
        Assert.Empty(await Indicators(reader).UnitsWithDeteriorationAsync(ReadScope.All, null, cancellationToken: Ct));
    }

    [Fact]
    public async Task ReadChart_BaselineBeforeTheDefaultRange_ReachesBackToIt()
    {
        var reader = new ComplaintsByDay([]);

        var chart = await Indicators(reader).ReadChartAsync(
            new ComplaintChartQuery { BaselineFrom = new DateOnly(2024, 1, 20), BaselineTo = new DateOnly(2024, 12, 31) }, ReadScope.All, Ct);

        Assert.Equal(new DateOnly(2024, 1, 1), chart.Periods[0].Start);
        Assert.Equal(12, chart.Chart!.Limits.BaselinePoints);
        Assert.Equal(new DateOnly(2024, 12, 31), chart.BaselineLast!.End);
    }

    [Fact]
    public async Task ReadChart_OnlyABaselineStart_TwelvePeriodsFromIt()
    {
        var chart = await Indicators(new ComplaintsByDay(Months(Ordinary))).ReadChartAsync(
            new ComplaintChartQuery { BaselineFrom = new DateOnly(2025, 6, 15) }, ReadScope.All, Ct);

        // December 2024 to May 2025 come before it: six periods.
        Assert.Equal(6, chart.Chart!.Limits.BaselineFrom);
        Assert.Equal(12, chart.Chart.Limits.BaselinePoints);
        Assert.Equal(new DateOnly(2025, 6, 1), chart.BaselineFirst!.Start);
        Assert.Equal(new DateOnly(2026, 5, 31), chart.BaselineLast!.End);
    }

    [Fact]
    public async Task UnitsWithDeterioration_OnlyTheUnitWhoseLatestMonthIsASpecialCause()
    {
        var units = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL").Take(3).ToArray();
        var reader = new ComplaintsByDay([])
        {
            Units =
            [
                .. Months([.. Ordinary, 30]).Select(d => new UnitDayComplaints(units[0].Code, d.Day, d.Count)),
                .. Months([.. Ordinary, 12]).Select(d => new UnitDayComplaints(units[1].Code, d.Day, d.Count)),
                // Improvement is no deterioration.
                .. Months([.. Ordinary, 0]).Select(d => new UnitDayComplaints(units[2].Code, d.Day, d.Count)),
            ],
        };

        var found = await Indicators(reader).UnitsWithDeteriorationAsync(ReadScope.ForRegion("IMSS-JAL"), "mistreatment", cancellationToken: Ct);

        var unit = Assert.Single(found);
        Assert.Equal(units[0].Code, unit.UnitCode);
        Assert.Equal(units[0].Name, unit.UnitName);
        Assert.Equal(30, unit.Latest.Count);
        Assert.Equal(SpcSignals.AboveUpperLimit, unit.Signals);
        Assert.Equal(ReadScope.ForRegion("IMSS-JAL"), reader.AskedScope);
        Assert.Equal("mistreatment", reader.Asked!.Category);
    }
}

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Complaints per day (and per unit and day) as given, recording what it was asked.</summary>
public sealed class ComplaintsByDay(IEnumerable<(DateOnly Day, int Count)> counts) : IComplaintReader
{
    private IEnumerable<(DateOnly Day, int Count)> _days = counts;

    public void Replace(IEnumerable<(DateOnly Day, int Count)> counts) => _days = counts;

    public IReadOnlyList<UnitDayComplaints> Units { get; set; } = [];

    public CaseFilter? Asked { get; private set; }

    public ReadScope? AskedScope { get; private set; }

    public Task<IReadOnlyList<DayComplaints>> ReadPerDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        (Asked, AskedScope) = (filter, scope);
        return Task.FromResult<IReadOnlyList<DayComplaints>>(_days.Select(d => new DayComplaints(d.Day, d.Count)).ToArray());
    }

    /// <summary>When the records begin; null (not known) charts the whole range.</summary>
    public DateTimeOffset? FirstOpened { get; set; }

    public Task<DateTimeOffset?> ReadFirstOpenedAsync(ReadScope scope, CancellationToken cancellationToken = default) => Task.FromResult(FirstOpened);

    public Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        (Asked, AskedScope) = (filter, scope);
        return Task.FromResult(Units);
    }
}

/// <summary>Attention volumes held in memory, read by month, scope (through the demo catalogue), region and unit.</summary>
public sealed class VolumesInMemory : IAttentionVolumeStore
{
    private readonly Dictionary<(string, DateOnly), (AttentionVolume Volume, string By, DateTimeOffset At)> _volumes = [];

    public void Add(string unitCode, DateOnly firstMonth, params int[] attentions)
    {
        for (var i = 0; i < attentions.Length; i++)
        {
            var month = new DateOnly(firstMonth.Year, firstMonth.Month, 1).AddMonths(i);
            _volumes[(unitCode, month)] = (new AttentionVolume(unitCode, month, attentions[i]), "test", DateTimeOffset.UnixEpoch);
        }
    }

    public Task SaveAsync(IReadOnlyList<AttentionVolume> volumes, string importedBy, DateTimeOffset importedAt, CancellationToken cancellationToken = default)
    {
        foreach (var v in volumes)
        {
            _volumes[(v.UnitCode, v.Month)] = (v, importedBy, importedAt);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredAttentionVolume>> ReadAsync(DateOnly from, DateOnly to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default)
    {
        var units = TableroFactory.Catalogue.Units.ToDictionary(u => u.Code);
        var first = new DateOnly(from.Year, from.Month, 1);
        return Task.FromResult<IReadOnlyList<StoredAttentionVolume>>(_volumes.Values
            .Where(v => v.Volume.Month >= first && v.Volume.Month <= to && units.ContainsKey(v.Volume.UnitCode))
            .Select(v => (v, Unit: units[v.Volume.UnitCode]))
            .Where(x => scope.Allows(x.Unit.RegionCode, x.Unit.Code, r => TableroFactory.Catalogue.Regions.First(g => g.Code == r).Institution.ToString())
                && (regionCode is null || x.Unit.RegionCode == regionCode) && (unitCode is null || x.Unit.Code == unitCode))
            .Select(x => new StoredAttentionVolume(x.v.Volume, x.Unit.RegionCode, x.Unit.Institution.ToString(), x.v.At, x.v.By)).ToArray());
    }
}
