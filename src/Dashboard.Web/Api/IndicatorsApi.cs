using System.ComponentModel;
using System.Globalization;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Indicators;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Indicators;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/v1/indicators/complaints</c>: complaints per period as an XmR control chart, within the caller's scope, as
/// a rate per 10,000 attentions where the volumes are loaded; <c>POST /api/v1/indicators/attention-volumes</c> loads the
/// monthly volumes (CSV, all or nothing) and <c>GET</c> reads what is loaded.
/// </summary>
public static class IndicatorsApi
{
    /// <summary>A year of every unit of a deployment fits well below this.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

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
                OpenApiContract.Parameter(operation, "measure", "rate (the default): complaints per 10,000 attentions when every unit of the scope has its volumes for every month charted, else counts, and `countReason` says why; count: complaints counted.",
                    OpenApiContract.OneOf("rate", "count"));
                OpenApiContract.Parameter(operation, "region", OpenApiContract.RegionFilter, OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "unit", OpenApiContract.UnitFilter, OpenApiContract.Text());
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A query parameter is not valid; `errors` is keyed by its name.");
            });
        api.MapGet("/indicators/attention-volumes", ReadVolumesAsync).RequireAuthorization(Policies.Read).WithName("ReadAttentionVolumes").WithTags("Indicators")
            .WithSummary("The monthly attention volumes loaded per unit, within the caller's scope")
            .Describe((document, operation) =>
            {
                OpenApiContract.Parameter(operation, "from", "The first month (YYYY-MM); twelve months before `to` when absent.", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "to", "The last month (YYYY-MM); the current month when absent.", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "region", OpenApiContract.RegionFilter, OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "unit", OpenApiContract.UnitFilter, OpenApiContract.Text());
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A query parameter is not valid; `errors` is keyed by its name.");
            });
        api.MapPost("/indicators/attention-volumes", ImportVolumesAsync).RequireAuthorization(Policies.Admin).WithName("ImportAttentionVolumes").WithTags("Indicators")
            .WithSummary($"Store monthly attention volumes (text/csv with the header {AttentionVolumeCsvReader.Header}, month as YYYY-MM); a unit's month loaded again replaces it; nothing is stored unless every row is valid")
            .Describe((document, operation) =>
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A row is not valid; `errors` is keyed by `line N: column`."));
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AttentionVolumeDto>>, ProblemHttpResult>> ReadVolumesAsync(HttpContext http, AttentionVolumeService volumes,
        CatalogueService catalogue, TimeProvider time, string? from, string? to, string? region, string? unit, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        DateOnly? Month(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                && month.Year is >= AttentionVolumeRules.MinYear and <= AttentionVolumeRules.MaxYear)
            {
                return month;
            }

            query.Fail(name, $"'{value}' is not a month written YYYY-MM");
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = Month(nameof(to), to) ?? new DateOnly(today.Year, today.Month, 1);
        var first = Month(nameof(from), from) ?? last.AddMonths(-11);
        if (first > last)
        {
            query.Fail(nameof(to), "must be on or after from");
        }
        else if (first.AddMonths(120) <= last)
        {
            query.Fail(nameof(from), "at most ten years at a time");
        }

        if (!query.IsValid)
        {
            return query.Problem();
        }

        var rows = await volumes.ReadAsync(first, last, http.User.ReadScope()!, CasesApi.NullIfEmpty(region), CasesApi.NullIfEmpty(unit), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttentionVolumeDto>>(rows.Select(r => new AttentionVolumeDto(r.Volume.UnitCode, catalogue.Current.FindUnit(r.Volume.UnitCode)?.Name ?? r.Volume.UnitCode,
            r.RegionCode, r.Volume.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Volume.Attentions, r.ImportedAt)).ToArray());
    }

    private static async Task<Results<Ok<AttentionVolumeImportDto>, ProblemHttpResult>> ImportVolumesAsync(HttpContext http, AttentionVolumeService volumes, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
        }

        if (!(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            && type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            return EventsApi.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send the volumes as text/csv in UTF-8 with the header {AttentionVolumeCsvReader.Header}");
        }

        try
        {
            if (await Imports.ImportFiles.ReadBodyTextAsync(http.Request, cancellationToken) is not { } body)
            {
                return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
            }

            using var text = new StringReader(body);
            var csv = await volumes.ImportCsvAsync(text, http.User, cancellationToken);
            return csv.Volumes is { } stored
                ? TypedResults.Ok(new AttentionVolumeImportDto(stored.Count))
                : EventsApi.Problem(StatusCodes.Status400BadRequest, "The attention volumes are not valid", "nothing was stored; see errors",
                    Imports.ImportFiles.ErrorsByLine(csv.Errors));
        }
        catch (BadHttpRequestException ex)
        {
            return EventsApi.Problem(ex.StatusCode, "Unreadable body", $"the request body could not be read: {ex.Message}");
        }
    }

    private static string[] CategoryCodes => Core.Profiles.InstitutionProfiles.Current.Institutions
        .SelectMany(i => ClassificationCatalogue.For(i).Categories).Select(c => c.Code).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Region and unit narrow the key's scope in the query: outside it every period counts zero.</summary>
    private static async Task<Results<Ok<ComplaintChartDto>, ProblemHttpResult>> ReadComplaintsAsync(HttpContext http, ComplaintIndicators indicators, string? period,
        string? category, string? baselineFrom, string? baselineTo, string? measure, string? region, string? unit, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var chartQuery = ChartQuery(query, period, category, baselineFrom, baselineTo, measure, region, unit);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var chart = await indicators.ReadChartAsync(chartQuery, http.User.ReadScope()!, cancellationToken);
        return TypedResults.Ok(ComplaintChartDto.From(chart));
    }

    /// <summary>The chart a query string asks for (the JSON read's and the download's parameters); every bad value is named on <paramref name="query"/>.</summary>
    internal static ComplaintChartQuery ChartQuery(QueryReader query, string? period, string? category, string? baselineFrom, string? baselineTo, string? measure,
        string? region, string? unit)
    {
        var chosen = query.Enum<Period>(nameof(period), period) ?? Period.Month;
        var measured = query.Enum<ComplaintMeasure>(nameof(measure), measure) ?? ComplaintMeasure.Rate;
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

        return new ComplaintChartQuery
        {
            Period = chosen,
            Category = CasesApi.NullIfEmpty(category),
            RegionCode = CasesApi.NullIfEmpty(region),
            UnitCode = CasesApi.NullIfEmpty(unit),
            BaselineFrom = from,
            BaselineTo = to,
            Measure = measured,
        };
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
    [property: Description("What each point's value is: rate (complaints per 10,000 attentions, when every unit of the scope has its volumes for every month charted) or count (complaints).")] string Measure,
    [property: Description("Why the chart counts instead of giving a rate: chosen, weeks (volumes are monthly), missingVolumes, noAttentions, noUnits; null for a rate.")] string? CountReason,
    [property: Description("For missingVolumes: the latest month (YYYY-MM) some unit lacks its volume, how many units lack it, and how many months lack some.")] MissingVolumesDto? MissingVolumes,
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
        var s = c.Series;
        var points = c.Periods.Select((p, i) => c.Chart is { } chart
            ? new ComplaintPointDto(p.Start, p.End, p.Count, s.Attentions?[i], s.Values[i], chart.Points[i].MovingRange, chart.PercentChange(s.Values[i]), chart.Points[i].InBaseline,
                SignalNames(chart.Points[i].Signals), chart.Points[i].Variation)
            : new ComplaintPointDto(p.Start, p.End, p.Count, s.Attentions?[i], s.Values[i], i == 0 ? null : Math.Abs(s.Values[i] - s.Values[i - 1]), null, false, [],
                Variation.CommonCause)).ToArray();
        var reason = s.Reason is { } r ? JsonNamingPolicyCamel(r.ToString()) : null;
        var missing = s is { Reason: Core.Indicators.CountReason.MissingVolumes, MissingMonth: { } month }
            ? new MissingVolumesDto(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), s.MissingUnits, s.MissingMonths) : null;
        return new(c.Query.Period, c.Query.Category, s.IsRate ? "rate" : "count", reason, missing, c.BaselineFirst?.Start, c.BaselineLast?.End, limits?.Mean, limits?.MeanMovingRange, limits?.UpperLimit,
            limits?.LowerLimit, limits?.UpperRangeLimit, limits?.Provisional ?? true, c.Chart?.Latest ?? Variation.CommonCause, points);
    }

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string[] SignalNames(SpcSignals signals) =>
        Enum.GetValues<SpcSignals>().Where(s => s != SpcSignals.None && signals.HasFlag(s)).Select(s => s.ToString()).ToArray();
}

/// <summary>The gap that keeps a chart in counts: the latest month some unit lacks its volume, how many units lack it, how many months lack some.</summary>
public sealed record MissingVolumesDto(string Month, int Units, int Months);

/// <summary>A unit's attentions in a month (YYYY-MM), and when they were loaded.</summary>
public sealed record AttentionVolumeDto(string UnitCode, string UnitName, string RegionCode, string Month, int Attentions, DateTimeOffset ImportedAt);

/// <summary>How many volumes were stored.</summary>
public sealed record AttentionVolumeImportDto(int Stored);

/// <summary>
/// One period: its days, its complaints (and attentions, for a rate), the value charted (the rate per 10,000 attentions,
/// or the count), the change against the baseline mean (%), and the special causes it shows.
/// </summary>
public sealed record ComplaintPointDto(
    DateOnly Start,
    DateOnly End,
    int Complaints,
    long? Attentions,
    double Value,
    double? MovingRange,
    double? PercentChange,
    bool InBaseline,
    [property: Description("AboveUpperLimit, BelowLowerLimit, RunAbove, RunBelow (7 or more on one side of the mean), TrendUp, TrendDown (6 or more rising or falling).")]
    IReadOnlyList<string> Signals,
    Variation Variation);
