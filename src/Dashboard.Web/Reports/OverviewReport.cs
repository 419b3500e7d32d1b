using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Wall;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Reports;

/// <summary>
/// The overview's period and its tables as a download: the same numbers the page draws for the same filter (open cases
/// now, and the period's days and categories), in the page's own words, never a person's data.
/// </summary>
public sealed class OverviewReport(IOverviewReader cases, CatalogueService catalogue, IOptions<WallOptions> wall, TimeProvider time,
    IStringLocalizer<Overview> words, IStringLocalizer<Vocabulary> vocabulary)
{
    public const string Summary = "summary";
    public const string Days = "days";
    public const string Categories = "categories";

    /// <summary>The tables a CSV can be asked for, in the workbook's order.</summary>
    public static readonly string[] Tables = [Summary, Days, Categories];

    /// <summary>The clock the default period's "today" is read on: the filter's unit or region, else the scope's, else the wall's.</summary>
    public TimeZoneInfo ZoneOf(CaseFilter filter, ReadScope scope)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        var index = catalogue.Current;
        return TimeZoneInfo.FindSystemTimeZoneById(
            (filter.UnitCode ?? scope.UnitCode) is { } unit && index.FindUnit(unit) is { } u ? u.TimeZone
            : (filter.RegionCode ?? scope.RegionCode) is { } region && index.FindRegion(region) is { } r ? r.TimeZone
            : wall.Value.TimeZone);
    }

    /// <summary>
    /// The filter's opening period, or the last <see cref="Overview.DefaultPeriodDays"/> days up to today: what the
    /// charts and the median cover, a year at most however the link was written.
    /// </summary>
    public static (DateOnly From, DateOnly To) PeriodOf(CaseFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var to = filter.OpenedTo ?? (filter.OpenedFrom is { } f && f.AddDays(Overview.DefaultPeriodDays - 1) < today ? f.AddDays(Overview.DefaultPeriodDays - 1) : today);
        var from = filter.OpenedFrom ?? to.AddDays(1 - Overview.DefaultPeriodDays);
        return (from < to.AddDays(1 - Overview.MaxPeriodDays) ? to.AddDays(1 - Overview.MaxPeriodDays) : from, to);
    }

    public DateOnly TodayOf(CaseFilter filter, ReadScope scope) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ZoneOf(filter, scope)).DateTime);

    /// <summary>The page's three tables for a filter within a scope: the open-case figures, the days, the categories.</summary>
    public async Task<IReadOnlyList<ReportTable>> ReadAsync(CaseFilter filter, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = time.GetUtcNow();
        var days = catalogue.DaysAt(now);
        var (from, to) = PeriodOf(filter, TodayOf(filter, scope));
        var counts = await cases.ReadOverviewAsync(filter, scope, days, now, cancellationToken);
        var trends = await cases.ReadTrendsAsync(filter with { OpenedFrom = from, OpenedTo = to }, scope, days, cancellationToken);
        var institution = catalogue.InstitutionOf(filter.RegionCode ?? scope.RegionCode, filter.UnitCode ?? scope.UnitCode);
        var level = institution ?? (scope.Institution is { } own ? Core.Profiles.InstitutionProfiles.Current.Resolve(own) : null);

        object?[] Line(string label, object? value) => [label, value];
        var summary = new List<object?[]>
        {
            Line(words["ExportPeriodFrom"], from),
            Line(words["ExportPeriodTo"], to),
            Line(words["Open"], counts.OpenCases),
            Line(words["OpenComplex"], counts.OpenComplex),
            Line(words["AtRisk"], counts.AtRisk),
            Line(words["Overdue"], counts.Overdue),
            Line(words["BreachedToday"], counts.BreachedToday),
        };
        if (trends.MedianFirstResponseRange is { } range)
        {
            // Read from the daily counters, which keep each wait as a bucket: the range that holds the median.
            summary.Add(Line(words["ExportMedianFromMinutes"], range.From.TotalMinutes));
            summary.Add(Line(words["ExportMedianBeforeMinutes"], range.Before?.TotalMinutes));
        }
        else
        {
            summary.Add(Line(words["ExportMedianMinutes"], trends.MedianFirstResponse is { } median ? Math.Round(median.TotalMinutes, 1) : null));
        }

        for (var l = 1; l <= CaseSummary.MaxEscalationLevel; l++)
        {
            summary.Add(Line(words["Escalated", vocabulary.Level(l, level)], l switch { 1 => counts.Level1, 2 => counts.Level2, _ => counts.Level3 }));
        }

        return
        [
            ReportTable.Of(words["ExportSummarySheet"], [words["ExportFigure"], words["ExportValue"]], summary),
            ReportTable.Of(words["ExportDaysSheet"], [words["ExportDay"], words["Opened"], words["Resolved"], words["Breached"]],
                trends.Days.Select(d => new object?[] { d.Day, d.Opened, d.Resolved, d.Breached })),
            ReportTable.Of(words["ExportCategoriesSheet"], [words["Category"], words["CasesOpened"], words["StillOpen"]],
                trends.Categories.Select(c => new object?[] { CategoryName(institution, c.Category), c.Cases, c.Open })),
        ];
    }

    private static string CategoryName(Institution? institution, string code) =>
        Vocabulary.CategoryName(institution ?? Core.Profiles.InstitutionProfiles.Current.Institutions.FirstOrDefault(i => ClassificationCatalogue.For(i).FindCategory(code) is not null), code);

    /// <summary>A file name that says what and where: resumen-IMSS-JAL-2026-11-05-2026-12-04.</summary>
    public static string FileName(string prefix, ReadScope scope, CaseFilter filter, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{SafeCode(filter.UnitCode ?? filter.RegionCode ?? scope.ToString())}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}");

    public static string SafeCode(string code) => new([.. code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
