using System.Globalization;
using Dashboard.Core.Surveys;

namespace Dashboard.Web.Surveys;

/// <summary>How survey figures read on a page, in the current culture: "80 %", "72–86 %", "nov–dic 2026".</summary>
public static class SurveyFormat
{
    public static string Percent(double value) => (value * 100).ToString("N0", CultureInfo.CurrentCulture) + " %";

    public static string Range(Proportion p) =>
        $"{(p.Lower * 100).ToString("N0", CultureInfo.CurrentCulture)}–{(p.Upper * 100).ToString("N0", CultureInfo.CurrentCulture)} %";

    /// <summary>"80 % (72–86 %)"; a small sample reads only as its interval, through <paramref name="smallSample"/> ({0} the interval, {1} the answers).</summary>
    public static string Figure(Proportion p, Func<string, int, string> smallSample)
    {
        ArgumentNullException.ThrowIfNull(smallSample);
        return p.IsSmallSample ? smallSample(Range(p), p.Total) : $"{Percent(p.Value)} ({Range(p)})";
    }

    /// <summary>A round as people name it: "nov–dic 2026".</summary>
    public static string Round(SurveyRound round)
    {
        var first = new DateOnly(round.Year, round.FirstMonth, 1);
        return $"{first.ToString("MMM", CultureInfo.CurrentCulture)}–{first.AddMonths(1).ToString("MMM", CultureInfo.CurrentCulture)} {round.Year}";
    }
}
