namespace Dashboard.Core.Indicators;

/// <summary>Which way a measure is good: complaints are better when fewer (<see cref="LowerIsBetter"/>).</summary>
public enum Polarity
{
    LowerIsBetter,
    HigherIsBetter,
}

/// <summary>The special-cause rules a point meets, as NHS "Making Data Count" reads an XmR chart.</summary>
[Flags]
public enum SpcSignals
{
    None = 0,

    /// <summary>Above the upper natural process limit.</summary>
    AboveUpperLimit = 1,

    /// <summary>Below the lower natural process limit.</summary>
    BelowLowerLimit = 2,

    /// <summary>Part of a run of <see cref="XmrChart.RunLength"/> or more points above the mean.</summary>
    RunAbove = 4,

    /// <summary>Part of a run of <see cref="XmrChart.RunLength"/> or more points below the mean.</summary>
    RunBelow = 8,

    /// <summary>Part of <see cref="XmrChart.TrendLength"/> or more points each higher than the one before.</summary>
    TrendUp = 16,

    /// <summary>Part of <see cref="XmrChart.TrendLength"/> or more points each lower than the one before.</summary>
    TrendDown = 32,

    /// <summary>Beyond two sigma above the mean, with another of its three-point window (the optional rule).</summary>
    TwoOfThreeHigh = 64,

    /// <summary>Beyond two sigma below the mean, with another of its three-point window (the optional rule).</summary>
    TwoOfThreeLow = 128,
}

/// <summary>What a point says: noise, or a special cause that is good or bad news given the measure's polarity.</summary>
public enum Variation
{
    CommonCause,
    Improvement,
    Deterioration,
}

/// <summary>
/// The limits computed from the baseline: mean, average moving range, natural process limits (mean ± 2.66 × mR̄) and
/// the upper range limit (3.268 × mR̄). <see cref="Provisional"/> when the baseline has fewer than
/// <see cref="XmrChart.MinimumBaselinePoints"/> points: the limits are drawn, but may move as points are added.
/// </summary>
public sealed record XmrLimits(double Mean, double MeanMovingRange, int BaselineFrom, int BaselinePoints)
{
    /// <summary>One sigma of the individuals, estimated as mR̄ / d2 (d2 = 1.128 for ranges of two).</summary>
    public double Sigma => MeanMovingRange / 1.128;

    public double UpperLimit => Mean + 2.66 * MeanMovingRange;

    /// <summary>May be below zero for counts; such a limit can never be crossed.</summary>
    public double LowerLimit => Mean - 2.66 * MeanMovingRange;

    public double UpperRangeLimit => 3.268 * MeanMovingRange;

    public bool Provisional => BaselinePoints < XmrChart.MinimumBaselinePoints;
}

/// <summary>One point of the chart: its value, moving range from the point before, signals and what they mean.</summary>
public sealed record XmrPoint(int Index, double Value, double? MovingRange, SpcSignals Signals, Variation Variation, bool InBaseline)
{
    public bool MovingRangeAboveLimit(XmrLimits limits) => MovingRange > limits.UpperRangeLimit;
}

/// <summary>
/// An XmR (individuals and moving range) chart: limits from a baseline range of points, applied to every point, with the
/// special-cause rules of NHS "Making Data Count": a point outside the limits, a run of 7 or more on one side of the mean,
/// 6 or more consecutively rising or falling, and optionally two of three points beyond two sigma on one side.
/// </summary>
public sealed record XmrChart(XmrLimits Limits, IReadOnlyList<XmrPoint> Points, Polarity Polarity)
{
    public const int RunLength = 7;
    public const int TrendLength = 6;

    /// <summary>Fewer baseline points than this make the limits provisional (Making Data Count asks for 12 to 20).</summary>
    public const int MinimumBaselinePoints = 12;

    /// <summary>What the latest point says (common cause for an empty chart).</summary>
    public Variation Latest => Points.Count == 0 ? Variation.CommonCause : Points[^1].Variation;

    /// <summary>The change of <paramref name="value"/> against the baseline mean, in percent; null when the mean is zero.</summary>
    public double? PercentChange(double value) => Limits.Mean == 0 ? null : (value - Limits.Mean) / Limits.Mean * 100;

    /// <summary>
    /// The chart of <paramref name="values"/> with limits from the <paramref name="baselinePoints"/> points starting at
    /// <paramref name="baselineFrom"/> (all points when null). A baseline needs at least two points (one moving range).
    /// </summary>
    public static XmrChart Compute(IReadOnlyList<double> values, Polarity polarity, int baselineFrom = 0, int? baselinePoints = null, bool twoOfThree = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = baselinePoints ?? values.Count - baselineFrom;
        if (baselineFrom < 0 || count < 2 || baselineFrom + count > values.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(baselinePoints), "a baseline is two or more points within the series");
        }

        var mean = 0.0;
        for (var i = baselineFrom; i < baselineFrom + count; i++)
        {
            mean += values[i];
        }

        mean /= count;
        var rangeSum = 0.0;
        for (var i = baselineFrom + 1; i < baselineFrom + count; i++)
        {
            rangeSum += Math.Abs(values[i] - values[i - 1]);
        }

        var limits = new XmrLimits(mean, rangeSum / (count - 1), baselineFrom, count);
        var signals = Signals(values, limits, twoOfThree);
        var points = new XmrPoint[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            points[i] = new XmrPoint(i, values[i], i == 0 ? null : Math.Abs(values[i] - values[i - 1]), signals[i],
                VariationOf(signals[i], values[i], mean, polarity), i >= baselineFrom && i < baselineFrom + count);
        }

        return new XmrChart(limits, points, polarity);
    }

    private static SpcSignals[] Signals(IReadOnlyList<double> values, XmrLimits limits, bool twoOfThree)
    {
        var signals = new SpcSignals[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] > limits.UpperLimit)
            {
                signals[i] |= SpcSignals.AboveUpperLimit;
            }
            else if (values[i] < limits.LowerLimit)
            {
                signals[i] |= SpcSignals.BelowLowerLimit;
            }
        }

        // Runs: a point on the mean belongs to neither side and ends a run. Every point of a long enough run is marked.
        MarkRuns(values.Count, i => Math.Sign(values[i] - limits.Mean), RunLength, signals, SpcSignals.RunAbove, SpcSignals.RunBelow);

        // Trends: 6 points each strictly higher (lower) than the one before, so 5 steps the same way; equal neighbours
        // end a trend. Step i is the move from point i - 1 to point i; steps first..i - 1 share a direction.
        var first = 1;
        for (var i = 2; i <= values.Count; i++)
        {
            if (i < values.Count && Step(values, i) == Step(values, first))
            {
                continue;
            }

            if (first < values.Count && Step(values, first) != 0 && i - first + 1 >= TrendLength)
            {
                for (var j = first - 1; j < i; j++)
                {
                    signals[j] |= Step(values, first) > 0 ? SpcSignals.TrendUp : SpcSignals.TrendDown;
                }
            }

            first = i;
        }

        if (twoOfThree && limits.MeanMovingRange > 0)
        {
            var high = limits.Mean + 2 * limits.Sigma;
            var low = limits.Mean - 2 * limits.Sigma;
            for (var i = 0; i + 2 < values.Count; i++)
            {
                MarkTwoOfThree(values, i, v => v > high, signals, SpcSignals.TwoOfThreeHigh);
                MarkTwoOfThree(values, i, v => v < low, signals, SpcSignals.TwoOfThreeLow);
            }
        }

        return signals;
    }

    private static int Step(IReadOnlyList<double> values, int i) => Math.Sign(values[i] - values[i - 1]);

    private static void MarkRuns(int count, Func<int, int> side, int length, SpcSignals[] signals, SpcSignals above, SpcSignals below)
    {
        var start = 0;
        for (var i = 1; i <= count; i++)
        {
            if (i < count && side(i) == side(start))
            {
                continue;
            }

            if (side(start) != 0 && i - start >= length)
            {
                for (var j = start; j < i; j++)
                {
                    signals[j] |= side(start) > 0 ? above : below;
                }
            }

            start = i;
        }
    }

    private static void MarkTwoOfThree(IReadOnlyList<double> values, int first, Func<double, bool> beyond, SpcSignals[] signals, SpcSignals signal)
    {
        var hits = 0;
        for (var i = first; i < first + 3; i++)
        {
            hits += beyond(values[i]) ? 1 : 0;
        }

        if (hits < 2)
        {
            return;
        }

        for (var i = first; i < first + 3; i++)
        {
            if (beyond(values[i]))
            {
                signals[i] |= signal;
            }
        }
    }

    private const SpcSignals High = SpcSignals.AboveUpperLimit | SpcSignals.RunAbove | SpcSignals.TrendUp | SpcSignals.TwoOfThreeHigh;
    private const SpcSignals Low = SpcSignals.BelowLowerLimit | SpcSignals.RunBelow | SpcSignals.TrendDown | SpcSignals.TwoOfThreeLow;

    /// <summary>
    /// High or low special cause, turned into good or bad news by the polarity. A point with signals both ways (the
    /// start of a falling trend while still above the mean) reads as the side of the mean it lies on.
    /// </summary>
    private static Variation VariationOf(SpcSignals signals, double value, double mean, Polarity polarity)
    {
        var high = (signals & High) != 0;
        var low = (signals & Low) != 0;
        if (!high && !low)
        {
            return Variation.CommonCause;
        }

        var up = high && low ? value >= mean : high;
        return up == (polarity == Polarity.HigherIsBetter) ? Variation.Improvement : Variation.Deterioration;
    }
}
