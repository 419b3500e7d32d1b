namespace Dashboard.Core.Surveys;

/// <summary>A proportion with its Wilson score interval (95 % by default), and whether the sample is too small to
/// read on its own (fewer than <see cref="SmallSample"/> answers).</summary>
public readonly record struct Proportion(int Successes, int Total, double Value, double Lower, double Upper)
{
    /// <summary>Below this many answers a figure is marked as a small sample.</summary>
    public const int SmallSample = 30;

    public bool IsSmallSample => Total < SmallSample;

    public static Proportion Wilson(int successes, int total, double z = 1.959963984540054)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, total);
        if (total == 0) return new Proportion(0, 0, 0, 0, 1);
        double n = total, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Proportion(successes, total, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
