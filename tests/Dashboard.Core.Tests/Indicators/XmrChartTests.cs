using Dashboard.Core.Indicators;

namespace Dashboard.Core.Tests.Indicators;

public sealed class XmrChartTests
{
    // A stable month-by-month complaint count, the baseline of every case below.
    // Sum 132 over 12 points: mean 11. Moving ranges 2,1,2,3,2,1,2,3,1,1,1: sum 19 over 11, mR̄ = 1.72727.
    // Upper limit 11 + 2.66 × 1.72727 = 15.59455; lower 11 − 4.59455 = 6.40545; upper range limit 3.268 × 1.72727 = 5.64473.
    // Sides of the mean: − + 0 + − + 0 − + 0 − 0 (no run of 7); steps + − + − + − − + − − + (no 5 the same way).
    private static readonly double[] Stable = [10, 12, 11, 13, 10, 12, 11, 9, 12, 11, 10, 11];

    private static XmrChart Chart(params double[] after) =>
        XmrChart.Compute([.. Stable, .. after], Polarity.LowerIsBetter, baselineFrom: 0, baselinePoints: Stable.Length);

    [Fact]
    public void Compute_StableSeries_LimitsAsWorkedAndNoSignal()
    {
        var chart = XmrChart.Compute(Stable, Polarity.LowerIsBetter);

        Assert.Equal(11, chart.Limits.Mean, 5);
        Assert.Equal(1.72727, chart.Limits.MeanMovingRange, 5);
        Assert.Equal(15.59455, chart.Limits.UpperLimit, 5);
        Assert.Equal(6.40545, chart.Limits.LowerLimit, 5);
        Assert.Equal(5.64473, chart.Limits.UpperRangeLimit, 5);
        Assert.False(chart.Limits.Provisional);
        Assert.All(chart.Points, p => Assert.Equal(SpcSignals.None, p.Signals));
        Assert.All(chart.Points, p => Assert.Equal(Variation.CommonCause, p.Variation));
        Assert.Null(chart.Points[0].MovingRange);
        Assert.Equal(2, chart.Points[1].MovingRange);
        Assert.Equal(Variation.CommonCause, chart.Latest);
    }

    [Fact]
    public void Compute_PointAboveUpperLimit_IsDeteriorationForComplaints()
    {
        // 17 > 15.59455; 16 would be too (15 would not).
        var chart = Chart(17);

        Assert.Equal(SpcSignals.AboveUpperLimit, chart.Points[12].Signals);
        Assert.Equal(Variation.Deterioration, chart.Latest);
        Assert.Equal(54.545, chart.PercentChange(17)!.Value, 3); // (17 − 11) / 11
        // The limits stay the baseline's: the new point does not move them.
        Assert.Equal(11, chart.Limits.Mean, 5);
        Assert.False(chart.Points[12].InBaseline);
    }

    [Fact]
    public void Compute_PointAboveUpperLimit_IsImprovementWhenHigherIsBetter()
    {
        var chart = XmrChart.Compute([.. Stable, 17], Polarity.HigherIsBetter, 0, Stable.Length);

        Assert.Equal(Variation.Improvement, chart.Latest);
    }

    [Fact]
    public void Compute_FifteenIsWithinTheLimits_NoSignal()
    {
        Assert.Equal(SpcSignals.None, Chart(15).Points[12].Signals);
    }

    [Fact]
    public void Compute_PointBelowLowerLimit_IsImprovementForComplaints()
    {
        // 6 < 6.40545.
        var chart = Chart(6);

        Assert.Equal(SpcSignals.BelowLowerLimit, chart.Points[12].Signals);
        Assert.Equal(Variation.Improvement, chart.Latest);
    }

    [Fact]
    public void Compute_RunOfSevenAboveMean_EveryPointOfTheRunMarked()
    {
        // After the baseline's last point (11, on the mean) seven points above 11, all within the limits, no trend
        // (steps + + − + − + −).
        var chart = Chart(12, 13, 12, 14, 12, 13, 12);

        Assert.Equal(SpcSignals.None, chart.Points[11].Signals);
        for (var i = 12; i < 19; i++)
        {
            Assert.Equal(SpcSignals.RunAbove, chart.Points[i].Signals);
            Assert.Equal(Variation.Deterioration, chart.Points[i].Variation);
        }

        Assert.Equal(Variation.Deterioration, chart.Latest);
    }

    [Fact]
    public void Compute_RunOfSixAboveMean_NoSignal()
    {
        var chart = Chart(12, 13, 12, 14, 12, 13);

        Assert.All(chart.Points, p => Assert.Equal(SpcSignals.None, p.Signals));
    }

    [Fact]
    public void Compute_PointOnTheMean_BreaksARun()
    {
        // 4 above, one on the mean (11), 3 above: no run of 7.
        var chart = Chart(12, 13, 12, 14, 11, 12, 13, 12);

        Assert.All(chart.Points, p => Assert.Equal(SpcSignals.None, p.Signals & (SpcSignals.RunAbove | SpcSignals.RunBelow)));
    }

    [Fact]
    public void Compute_SixRising_TrendUpIsDeterioration()
    {
        // From 11 down to 8, then 8 9 10 11 12 13: six points, five steps up. Sides − − − 0 + +: no run.
        var chart = Chart(8, 9, 10, 11, 12, 13);

        Assert.Equal(SpcSignals.None, chart.Points[11].Signals);
        for (var i = 12; i < 18; i++)
        {
            Assert.Equal(SpcSignals.TrendUp, chart.Points[i].Signals);
        }

        Assert.Equal(Variation.Deterioration, chart.Latest);
    }

    [Fact]
    public void Compute_FiveRising_NoTrend()
    {
        var chart = Chart(8, 9, 10, 11, 12);

        Assert.All(chart.Points, p => Assert.Equal(SpcSignals.None, p.Signals));
    }

    [Fact]
    public void Compute_SixFalling_TrendDownIsImprovement()
    {
        // 11 → 14 is up; then 14 13 12 11 10 9: six points, five steps down, all within the limits.
        var chart = Chart(14, 13, 12, 11, 10, 9);

        for (var i = 12; i < 18; i++)
        {
            Assert.Equal(SpcSignals.TrendDown, chart.Points[i].Signals);
        }

        Assert.Equal(Variation.Improvement, chart.Latest);
    }

    [Fact]
    public void Compute_EqualNeighbours_EndATrend()
    {
        var chart = Chart(8, 9, 10, 10, 11, 12, 13);

        Assert.All(chart.Points, p => Assert.Equal(SpcSignals.None, p.Signals & SpcSignals.TrendUp));
    }

    [Fact]
    public void Compute_TwoOfThreeBeyondTwoSigma_OnlyWhenAskedFor()
    {
        // Sigma = 1.72727 / 1.128 = 1.53127; two sigma above the mean: 11 + 3.06254 = 14.06254. 14.5 is beyond it
        // and within the upper limit (15.59455): two of the three points 14.5, 11, 14.5.
        double[] values = [.. Stable, 14.5, 11, 14.5];
        var plain = XmrChart.Compute(values, Polarity.LowerIsBetter, 0, Stable.Length);
        var withRule = XmrChart.Compute(values, Polarity.LowerIsBetter, 0, Stable.Length, twoOfThree: true);

        Assert.All(plain.Points, p => Assert.Equal(SpcSignals.None, p.Signals));
        Assert.Equal(SpcSignals.TwoOfThreeHigh, withRule.Points[12].Signals);
        Assert.Equal(SpcSignals.None, withRule.Points[13].Signals);
        Assert.Equal(SpcSignals.TwoOfThreeHigh, withRule.Points[14].Signals);
        Assert.Equal(Variation.Deterioration, withRule.Latest);
    }

    [Fact]
    public void Compute_FewBaselinePoints_ProvisionalButComputed()
    {
        // 4 6 5 7 5: mean 27 / 5 = 5.4; moving ranges 2 1 2 2, mR̄ = 1.75; upper 5.4 + 4.655 = 10.055, lower 0.745.
        var chart = XmrChart.Compute([4, 6, 5, 7, 5], Polarity.LowerIsBetter);

        Assert.True(chart.Limits.Provisional);
        Assert.Equal(5.4, chart.Limits.Mean, 5);
        Assert.Equal(1.75, chart.Limits.MeanMovingRange, 5);
        Assert.Equal(10.055, chart.Limits.UpperLimit, 5);
        Assert.Equal(0.745, chart.Limits.LowerLimit, 5);
    }

    [Fact]
    public void Compute_BaselineInTheMiddle_LimitsFromItsPointsOnly()
    {
        // Baseline points 2–4 (5, 7, 5): mean 17 / 3 = 5.66667; moving ranges 2 2, mR̄ = 2; upper 5.66667 + 5.32 = 10.98667.
        // 20 before the baseline is above it, 3 after it is not below the lower limit (0.34667).
        var chart = XmrChart.Compute([20, 6, 5, 7, 5, 3], Polarity.LowerIsBetter, baselineFrom: 2, baselinePoints: 3);

        Assert.Equal(5.66667, chart.Limits.Mean, 5);
        Assert.Equal(2, chart.Limits.MeanMovingRange, 5);
        Assert.Equal(10.98667, chart.Limits.UpperLimit, 5);
        Assert.Equal(SpcSignals.AboveUpperLimit, chart.Points[0].Signals);
        Assert.Equal([false, false, true, true, true, false], chart.Points.Select(p => p.InBaseline));
        Assert.Equal(Variation.CommonCause, chart.Latest);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Compute_BaselineOfFewerThanTwoPoints_Throws(int points)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => XmrChart.Compute([1, 2, 3], Polarity.LowerIsBetter, 0, points));
    }

    [Fact]
    public void PercentChange_ZeroMean_IsNull()
    {
        Assert.Null(XmrChart.Compute([0, 0, 0], Polarity.LowerIsBetter).PercentChange(2));
    }
}
