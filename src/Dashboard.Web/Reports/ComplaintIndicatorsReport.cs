using System.Globalization;
using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Indicators;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Reports;

/// <summary>
/// The complaint indicators page's two tables as a download, in its words: each period of the control chart (complaints,
/// attentions and rate when it is a rate, mean, natural process limits, change against the baseline, the reading) and
/// the units whose own chart shows a deterioration in the last period.
/// </summary>
public sealed class ComplaintIndicatorsReport(ComplaintIndicators indicators, CatalogueService catalogue, IStringLocalizer<ComplaintIndicatorsPage> words,
    IStringLocalizer<Vocabulary> vocabulary)
{
    public const string Periods = "periods";
    public const string Units = "units";

    public static readonly string[] Tables = [Periods, Units];

    /// <summary>A period as the page names it: "nov 2026", "sem. del 2 nov 2026", "nov–dic 2026", "4.º trim. 2026".</summary>
    public static string PeriodText(IStringLocalizer words, Period period, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(words);
        return period switch
        {
            Period.Week => words["WeekLabel", start.ToString("d MMM yyyy", CultureInfo.CurrentCulture)],
            Period.Month => start.ToString("MMM yyyy", CultureInfo.CurrentCulture),
            Period.Bimester => words["BimesterLabel", start.ToString("MMM", CultureInfo.CurrentCulture), start.AddMonths(1).ToString("MMM", CultureInfo.CurrentCulture), start.Year],
            _ => words["QuarterLabel", (start.Month - 1) / 3 + 1, start.Year],
        };
    }

    /// <summary>What the special-cause rules say of a point: "variación común", or each signal named.</summary>
    public static string Reading(IStringLocalizer words, SpcSignals signals)
    {
        ArgumentNullException.ThrowIfNull(words);
        return signals == SpcSignals.None ? words["CommonCause"]
            : string.Join("; ", Enum.GetValues<SpcSignals>().Where(s => s != SpcSignals.None && signals.HasFlag(s)).Select(s => words[$"Signal{s}"].Value));
    }

    public async Task<IReadOnlyList<ReportTable>> ReadAsync(ComplaintChartQuery query, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var chart = await indicators.ReadChartAsync(query, scope, cancellationToken);
        var worsening = query.UnitCode is null && scope.Level != ScopeLevel.Unit
            ? await indicators.UnitsWithDeteriorationAsync(scope, query.Category, query.Period, query.RegionCode, cancellationToken)
            : [];
        var institution = catalogue.InstitutionOf(query.RegionCode ?? scope.RegionCode, query.UnitCode ?? scope.UnitCode);
        var complaints = vocabulary.Word("Complaints", institution);
        var capitalised = complaints.Length == 0 ? complaints : char.ToUpper(complaints[0], CultureInfo.CurrentCulture) + complaints[1..];

        var columns = new List<string> { words["ExportPeriodStart"], words["ColPeriod"], capitalised };
        if (chart.IsRate)
        {
            columns.AddRange([words["ColAttentions"], words["ColRate"]]);
        }

        columns.AddRange([words["LegendMean"], words["ExportLowerLimit"], words["ExportUpperLimit"], words["ColChange"], words["ExportInBaseline"], words["ColReading"]]);
        var limits = chart.Chart?.Limits;
        var periods = chart.Periods.Select((p, i) =>
        {
            var point = chart.Chart?.Points[i];
            var row = new List<object?> { p.Start, PeriodText(words, query.Period, p.Start), p.Count };
            if (chart.Series.Attentions is { } attentions)
            {
                row.AddRange([attentions[i], Math.Round(chart.Value(i), 4)]);
            }

            row.AddRange([limits is null ? null : Math.Round(limits.Mean, 4), limits is null ? null : Math.Round(limits.LowerLimit, 4), limits is null ? null : Math.Round(limits.UpperLimit, 4),
                chart.Chart?.PercentChange(chart.Value(i)) is { } change ? Math.Round(change, 1) : null,
                point?.InBaseline == true ? words["ExportYes"].Value : "", Reading(words, point?.Signals ?? SpcSignals.None)]);
            return row.ToArray();
        });

        var units = worsening.Select(u => new object?[]
        {
            u.UnitName, catalogue.Current.FindRegion(u.RegionCode)?.Name ?? u.RegionCode, PeriodText(words, query.Period, u.Latest.Start), u.Latest.Count,
            u.IsRate ? Math.Round(u.Value, 4) : null, Math.Round(u.Limits.Mean, 4), Math.Round(u.Limits.UpperLimit, 4), Reading(words, u.Signals),
        });

        return
        [
            ReportTable.Of(words["ExportPeriodsSheet"], columns, periods),
            ReportTable.Of(words["ExportUnitsSheet"], [words["Unit"], vocabulary.Word("Region", institution), words["ColPeriod"], capitalised, words["ColRate"],
                words["LegendMean"], words["ExportUpperLimit"], words["ColReading"]], units),
        ];
    }
}
