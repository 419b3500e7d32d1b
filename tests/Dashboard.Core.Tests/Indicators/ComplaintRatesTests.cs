using Dashboard.Core.Indicators;

namespace Dashboard.Core.Tests.Indicators;

/// <summary>Complaint rates per 10,000 attentions, pooled over a scope's units, against hand-worked examples.</summary>
public sealed class ComplaintRatesTests
{
    private static readonly DateOnly Jan = new(2026, 1, 1);
    private static readonly DateOnly Feb = new(2026, 2, 1);
    private static readonly DateOnly Mar = new(2026, 3, 1);

    private static IReadOnlyList<PeriodCount> Months(params int[] counts) =>
        counts.Select((c, i) => new PeriodCount(Jan.AddMonths(i), Jan.AddMonths(i + 1).AddDays(-1), c)).ToArray();

    private static Dictionary<(string Unit, DateOnly Month), int> Volumes(params (string Unit, DateOnly Month, int Attentions)[] volumes) =>
        volumes.ToDictionary(v => (v.Unit, v.Month), v => v.Attentions);

    [Fact]
    public void Compute_TwoUnitsWithEveryMonth_PooledRatePerTenThousand()
    {
        // January: 6 complaints over 12,000 + 8,000 attentions = 3.0 per 10,000; February: 9 over 10,000 + 5,000 = 6.0.
        var series = ComplaintRates.Compute(Period.Month, Months(6, 9), ["A", "B"],
            Volumes(("A", Jan, 12_000), ("B", Jan, 8_000), ("A", Feb, 10_000), ("B", Feb, 5_000)));

        Assert.Equal(ComplaintMeasure.Rate, series.Measure);
        Assert.Null(series.Reason);
        Assert.Equal([3.0, 6.0], series.Values);
        Assert.Equal([20_000L, 15_000L], series.Attentions!);
    }

    [Fact]
    public void Compute_Quarter_SumsTheAttentionsOfItsThreeMonths()
    {
        // Q1: 30 complaints over 20,000 + 25,000 + 15,000 = 60,000 attentions → 5.0 per 10,000.
        var quarter = new PeriodCount(Jan, new DateOnly(2026, 3, 31), 30);

        var series = ComplaintRates.Compute(Period.Quarter, [quarter], ["A"], Volumes(("A", Jan, 20_000), ("A", Feb, 25_000), ("A", Mar, 15_000)));

        Assert.True(series.IsRate);
        Assert.Equal(5.0, Assert.Single(series.Values), 9);
    }

    [Fact]
    public void Compute_ThreeUnitsLackAMonth_CountsAndSaysWhichMonthAndHowMany()
    {
        // C lacks January; B, C and D lack March: the latest gap (March, 3 units) is named, and 2 months lack some.
        var volumes = Volumes(("A", Jan, 100), ("B", Jan, 100), ("D", Jan, 100), ("A", Feb, 100), ("B", Feb, 100), ("C", Feb, 100), ("D", Feb, 100), ("A", Mar, 100));

        var series = ComplaintRates.Compute(Period.Month, Months(4, 5, 6), ["A", "B", "C", "D"], volumes);

        Assert.Equal(ComplaintMeasure.Count, series.Measure);
        Assert.Equal(CountReason.MissingVolumes, series.Reason);
        Assert.Equal([4.0, 5.0, 6.0], series.Values);
        Assert.Equal((Mar, 3, 2), (series.MissingMonth!.Value, series.MissingUnits, series.MissingMonths));
        Assert.Null(series.Attentions);
    }

    [Fact]
    public void Compute_Weeks_CountsBecauseVolumesAreMonthly()
    {
        var week = new PeriodCount(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11), 7);

        var series = ComplaintRates.Compute(Period.Week, [week], ["A"], Volumes(("A", Jan, 1000)));

        Assert.Equal((ComplaintMeasure.Count, CountReason.Weeks), (series.Measure, series.Reason));
    }

    [Fact]
    public void Compute_CountsAsked_CountsEvenWithEveryVolume()
    {
        var series = ComplaintRates.Compute(Period.Month, Months(4), ["A"], Volumes(("A", Jan, 1000)), ComplaintMeasure.Count);

        Assert.Equal((ComplaintMeasure.Count, CountReason.Chosen), (series.Measure, series.Reason));
    }

    [Fact]
    public void Compute_AMonthWithoutAttentions_CountsRatherThanDivideByZero()
    {
        var series = ComplaintRates.Compute(Period.Month, Months(4, 0), ["A"], Volumes(("A", Jan, 1000), ("A", Feb, 0)));

        Assert.Equal((CountReason.NoAttentions, Feb), (series.Reason, series.MissingMonth));
    }

    [Fact]
    public void Compute_ARateAsXmR_SameSignalsAsMakingDataCountReadsThem()
    {
        // Baseline: 10 and 12 complaints in turn over 20,000 attentions a month — counts of mean 11 (upper limit 16.32),
        // rates 5.0 and 6.0 of mean 5.5 (mR̄ 1.0, upper limit 8.16). Then 12 complaints over only 12,000 attentions: an
        // ordinary count, but a rate of 10.0, above its limit.
        var counts = Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? 10 : 12).Append(12).ToArray();
        var months = Months(counts);
        var volumes = months.Select((m, i) => ("A", m.Start, i < 12 ? 20_000 : 12_000)).ToArray();

        var series = ComplaintRates.Compute(Period.Month, months, ["A"], Volumes(volumes));
        var chart = XmrChart.Compute(series.Values, Polarity.LowerIsBetter, 0, 12);

        Assert.Equal(10.0, series.Values[^1], 9);
        Assert.Equal(Variation.Deterioration, chart.Latest);
        Assert.Equal(Variation.CommonCause, XmrChart.Compute(counts.Select(c => (double)c).ToArray(), Polarity.LowerIsBetter, 0, 12).Latest);
    }
}
