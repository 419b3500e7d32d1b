using System.ComponentModel;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Indicators;
using Dashboard.Web.Indicators;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary><c>GET /api/v1/indicators/complaints</c>: complaints per period as an XmR control chart, within the caller's scope.</summary>
public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators/complaints", ReadComplaintsAsync).RequireAuthorization(Policies.Read).WithName("ReadComplaintChart").WithTags("Indicators")
            .WithSummary("Complaints per period against a baseline, as an XmR control chart with Making Data Count's special-cause signals")
            .Describe((document, operation) =>
            {
                OpenApiContract.Parameter(operation, "period", "The period of each point; month when absent. Periods end with the last one completed.",
                    OpenApiContract.OneOf(Enum.GetNames<Period>().Select(n => n.ToLowerInvariant()).ToArray()));
                OpenApiContract.Parameter(operation, "category", "Only complaints of this category (GET /api/v1/classification), e.g. mistreatment. All when absent.",
                    OpenApiContract.OneOf(CategoryCodes));
                OpenApiContract.Parameter(operation, "baselineFrom", "A day (yyyy-MM-dd) of the baseline's first period; the chart's first 12 periods when absent (12 periods from it when baselineTo is absent).", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "baselineTo", "A day (yyyy-MM-dd) of the baseline's last period.", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "region", OpenApiContract.RegionFilter, OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "unit", OpenApiContract.UnitFilter, OpenApiContract.Text());
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A query parameter is not valid; `errors` is keyed by its name.");
            });
        return api;
    }

    private static string[] CategoryCodes => Core.Profiles.InstitutionProfiles.Current.Institutions
        .SelectMany(i => ClassificationCatalogue.For(i).Categories).Select(c => c.Code).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Region and unit narrow the key's scope in the query: outside it every period counts zero.</summary>
    private static async Task<Results<Ok<ComplaintChartDto>, ProblemHttpResult>> ReadComplaintsAsync(HttpContext http, ComplaintIndicators indicators, string? period,
        string? category, string? baselineFrom, string? baselineTo, string? region, string? unit, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var chosen = query.Enum<Period>(nameof(period), period) ?? Period.Month;
        var from = query.Day(nameof(baselineFrom), baselineFrom);
        var to = query.Day(nameof(baselineTo), baselineTo);
        if (!string.IsNullOrEmpty(category) && !CategoryCodes.Contains(category, StringComparer.Ordinal))
        {
            query.Fail(nameof(category), $"'{category}' is not a category: {string.Join(", ", CategoryCodes)}");
        }

        if (from > to)
        {
            query.Fail(nameof(baselineTo), "must be on or after baselineFrom");
        }

        if (!query.IsValid)
        {
            return query.Problem();
        }

        var chart = await indicators.ReadChartAsync(new ComplaintChartQuery
        {
            Period = chosen,
            Category = CasesApi.NullIfEmpty(category),
            RegionCode = CasesApi.NullIfEmpty(region),
            UnitCode = CasesApi.NullIfEmpty(unit),
            BaselineFrom = from,
            BaselineTo = to,
        }, http.User.ReadScope()!, cancellationToken);
        return TypedResults.Ok(ComplaintChartDto.From(chart));
    }
}

/// <summary>
/// A control chart of complaints. The limits are null when the baseline holds fewer than two periods; <c>provisional</c>
/// when it holds fewer than 12. <c>latest</c> reads the last point: CommonCause, Improvement (fewer complaints than
/// noise explains) or Deterioration.
/// </summary>
public sealed record ComplaintChartDto(
    Period Period,
    string? Category,
    [property: Description("What each point counts: complaints opened in the period (counts; rates per 10,000 attentions need attention volumes).")] string Measure,
    DateOnly? BaselineFrom,
    DateOnly? BaselineTo,
    double? Mean,
    double? MeanMovingRange,
    double? UpperLimit,
    double? LowerLimit,
    double? UpperRangeLimit,
    bool Provisional,
    Variation Latest,
    IReadOnlyList<ComplaintPointDto> Points)
{
    public static ComplaintChartDto From(ComplaintChart c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var limits = c.Chart?.Limits;
        var points = c.Periods.Select((p, i) => c.Chart is { } chart
            ? new ComplaintPointDto(p.Start, p.End, p.Count, chart.Points[i].MovingRange, chart.PercentChange(p.Count), chart.Points[i].InBaseline,
                SignalNames(chart.Points[i].Signals), chart.Points[i].Variation)
            : new ComplaintPointDto(p.Start, p.End, p.Count, i == 0 ? null : Math.Abs(p.Count - c.Periods[i - 1].Count), null, false, [], Variation.CommonCause)).ToArray();
        return new(c.Query.Period, c.Query.Category, "count", c.BaselineFirst?.Start, c.BaselineLast?.End, limits?.Mean, limits?.MeanMovingRange, limits?.UpperLimit,
            limits?.LowerLimit, limits?.UpperRangeLimit, limits?.Provisional ?? true, c.Chart?.Latest ?? Variation.CommonCause, points);
    }

    private static string[] SignalNames(SpcSignals signals) =>
        Enum.GetValues<SpcSignals>().Where(s => s != SpcSignals.None && signals.HasFlag(s)).Select(s => s.ToString()).ToArray();
}

/// <summary>One period: its days, its complaints, the change against the baseline mean (%), and the special causes it shows.</summary>
public sealed record ComplaintPointDto(
    DateOnly Start,
    DateOnly End,
    int Complaints,
    double? MovingRange,
    double? PercentChange,
    bool InBaseline,
    [property: Description("AboveUpperLimit, BelowLowerLimit, RunAbove, RunBelow (7 or more on one side of the mean), TrendUp, TrendDown (6 or more rising or falling).")]
    IReadOnlyList<string> Signals,
    Variation Variation);
