using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Web.Committees;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using Dashboard.Core.Reads;
using Dashboard.Web.Security;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Reports;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/v1/exports/cases.csv</c>: the cases behind the committee's quarterly analysis, within the caller's
/// scope, as CSV (UTF-8 with BOM, so Excel opens accents right). Never personal data: no NSS/DNI, no summaries, no
/// notes. Every export is written to the audit log with its filter and row count. <c>GET
/// /api/v1/exports/committee-report.xlsx</c>: a committee's quarterly report as an Excel workbook (see <see cref="QuarterlyWorkbook"/>).
/// </summary>
public static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/exports/cases.csv", (HttpContext http, ICaseExportReader cases, CatalogueService catalogue, TimeProvider time, AuditTrail audit, ILoggerFactory logs) =>
                ExportCases(http, cases, catalogue, time, audit, logs, ReportFormat.Csv))
            .RequireAuthorization(Policies.Export).WithName("ExportCases").WithTags("Cases")
            .WithSummary("Download every case within the caller's scope and filter as CSV, streamed, without personal data")
            .Describe((document, operation) => DescribeCases(document, operation));
        api.MapGet("/exports/cases.xlsx", (HttpContext http, ICaseExportReader cases, CatalogueService catalogue, TimeProvider time, AuditTrail audit, ILoggerFactory logs) =>
                ExportCases(http, cases, catalogue, time, audit, logs, ReportFormat.Xlsx))
            .RequireAuthorization(Policies.Export).WithName("ExportCasesWorkbook").WithTags("Cases")
            .WithSummary("Download every case within the caller's scope and filter as an Excel workbook, streamed, without personal data")
            .Describe((document, operation) => DescribeCases(document, operation));
        api.MapGet("/exports/overview.xlsx", (HttpContext http, OverviewReport report, AuditTrail audit, ILoggerFactory logs, CancellationToken ct) =>
                ExportOverviewAsync(http, report, audit, logs, ReportFormat.Xlsx, ct))
            .RequireAuthorization(Policies.Export).WithName("ExportOverviewWorkbook").WithTags("Reports")
            .WithSummary("Download the overview's tables (figures, days, categories) for a filter as an Excel workbook")
            .Describe((document, operation) => DescribeFilter(document, operation, table: false));
        api.MapGet("/exports/overview.csv", (HttpContext http, OverviewReport report, AuditTrail audit, ILoggerFactory logs, CancellationToken ct) =>
                ExportOverviewAsync(http, report, audit, logs, ReportFormat.Csv, ct))
            .RequireAuthorization(Policies.Export).WithName("ExportOverview").WithTags("Reports")
            .WithSummary("Download one of the overview's tables for a filter as CSV")
            .Describe((document, operation) => DescribeFilter(document, operation, table: true));
        api.MapGet("/exports/committee-report.xlsx", ExportCommitteeReportAsync).RequireAuthorization(Policies.Export).WithName("ExportCommitteeReport").WithTags("Committees")
            .WithSummary("Download a committee's quarterly report as an Excel workbook (a committee outside the caller's scope is not found), without personal data")
            .Describe((document, operation) =>
            {
                OpenApiContract.Parameter(operation, "committee", "The committee's code (C-IMSS, R-IMSS-GTO, U-…); required.", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "year", $"The quarter's year, {ReportQuarter.FirstYear} to {ReportQuarter.LastYear}; required.", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "quarter", "The quarter, 1 to 4; required.", OpenApiContract.Text());
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A parameter is missing or not valid; errors names it.");
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status404NotFound, "No such committee within the caller's scope.");
            });
        api.MapGet("/exports/complaint-indicators.xlsx", (HttpContext http, ComplaintIndicatorsReport report, AuditTrail audit, ILoggerFactory logs, CancellationToken ct) =>
                ExportComplaintIndicatorsAsync(http, report, audit, logs, ReportFormat.Xlsx, ct))
            .RequireAuthorization(Policies.Export).WithName("ExportComplaintIndicatorsWorkbook").WithTags("Reports")
            .WithSummary("Download the complaint indicators page's tables (the control chart's periods, the units with a deterioration) as an Excel workbook; the parameters of GET /api/v1/indicators/complaints")
            .Describe((document, operation) => DescribeIndicators(document, operation, table: false));
        api.MapGet("/exports/complaint-indicators.csv", (HttpContext http, ComplaintIndicatorsReport report, AuditTrail audit, ILoggerFactory logs, CancellationToken ct) =>
                ExportComplaintIndicatorsAsync(http, report, audit, logs, ReportFormat.Csv, ct))
            .RequireAuthorization(Policies.Export).WithName("ExportComplaintIndicators").WithTags("Reports")
            .WithSummary("Download one of the complaint indicators page's tables as CSV")
            .Describe((document, operation) => DescribeIndicators(document, operation, table: true));
        api.MapGet("/exports/recognition.xlsx", (HttpContext http, RecognitionReport report, AuditTrail audit, ILoggerFactory logs, CancellationToken ct) =>
                ExportRecognitionAsync(http, report, audit, logs, ReportFormat.Xlsx, ct))
            .RequireAuthorization(Policies.Export).WithName("ExportRecognitionWorkbook").WithTags("Reports")
            .WithSummary("Download the recognition page's tables (people praised, units, OOADs/Redes) for a period as an Excel workbook")
            .Describe((document, operation) => DescribeRecognition(document, operation, table: false));
        api.MapGet("/exports/recognition.csv", (HttpContext http, RecognitionReport report, AuditTrail audit, ILoggerFactory logs, CancellationToken ct) =>
                ExportRecognitionAsync(http, report, audit, logs, ReportFormat.Csv, ct))
            .RequireAuthorization(Policies.Export).WithName("ExportRecognition").WithTags("Reports")
            .WithSummary("Download one of the recognition page's tables for a period as CSV")
            .Describe((document, operation) => DescribeRecognition(document, operation, table: true));
        return api;
    }

    /// <summary>The recognition page's tables for its own period keys; a bad period is a 400 naming the key, as the page names the field.</summary>
    private static async Task<IResult> ExportRecognitionAsync(HttpContext http, RecognitionReport report, AuditTrail audit, ILoggerFactory logs, ReportFormat format,
        CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var q = http.Request.Query;
        var scope = http.User.ReadScope()!;
        var period = Core.Recognition.RecognitionPeriod.Read(q["periodo"], q["desde"], q["hasta"], report.TodayOf(scope), out var problem);
        if (problem is not null)
        {
            query.Fail(problem.Parameter, problem.Code switch
            {
                "BadDate" => "must be a day written yyyy-MM-dd",
                "FromAfterTo" => "must not be before desde",
                "TooLong" => $"the period may be at most {Core.Recognition.RecognitionPeriod.MaxDays} days",
                _ => $"must be one of {string.Join(", ", Core.Recognition.RecognitionPeriod.Presets)}",
            });
        }

        var table = format == ReportFormat.Csv ? query.Choice("table", q["table"], RecognitionReport.Tables) ?? 0 : 0;
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var tables = await report.ReadAsync(period, scope, cancellationToken);
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"reconocimientos{(format == ReportFormat.Csv ? $"-{RecognitionReport.Tables[table]}" : "")}-{OverviewReport.SafeCode(scope.ToString())}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}");
        return ReportDownload.Stream(http, audit, logs.CreateLogger(typeof(ExportApi)), name, format, format == ReportFormat.Csv ? [tables[table]] : tables,
            $"filter={http.Request.QueryString}");
    }

    private static void DescribeRecognition(Microsoft.OpenApi.OpenApiDocument document, Microsoft.OpenApi.OpenApiOperation operation, bool table)
    {
        OpenApiContract.Parameter(operation, "periodo", $"One of {string.Join(", ", Core.Recognition.RecognitionPeriod.Presets)} (30d when left out).", OpenApiContract.Text());
        OpenApiContract.Parameter(operation, "desde", "First day, yyyy-MM-dd, with hasta instead of periodo.", OpenApiContract.Text());
        OpenApiContract.Parameter(operation, "hasta", "Last day, yyyy-MM-dd.", OpenApiContract.Text());
        if (table)
        {
            OpenApiContract.Parameter(operation, "table", $"Which table: {string.Join(", ", RecognitionReport.Tables)} (people when left out).", OpenApiContract.Text());
        }

        OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "The period is not valid; errors names its parameter.");
    }

    /// <summary>The indicators page's tables for the JSON read's own parameters; CSV takes one of them (<c>table</c>, the periods by default).</summary>
    private static async Task<IResult> ExportComplaintIndicatorsAsync(HttpContext http, ComplaintIndicatorsReport report, AuditTrail audit, ILoggerFactory logs,
        ReportFormat format, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var q = http.Request.Query;
        var chart = IndicatorsApi.ChartQuery(query, q["period"], q["category"], q["baselineFrom"], q["baselineTo"], q["measure"], q["region"], q["unit"]);
        var table = format == ReportFormat.Csv ? query.Choice("table", q["table"], ComplaintIndicatorsReport.Tables) ?? 0 : 0;
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var scope = http.User.ReadScope()!;
        var tables = await report.ReadAsync(chart, scope, cancellationToken);
        var name = $"indicadores-quejas{(format == ReportFormat.Csv ? $"-{ComplaintIndicatorsReport.Tables[table]}" : "")}-{OverviewReport.SafeCode(chart.UnitCode ?? chart.RegionCode ?? scope.ToString())}"
            + $"-{chart.Period.ToString().ToLowerInvariant()}";
        return ReportDownload.Stream(http, audit, logs.CreateLogger(typeof(ExportApi)), name, format, format == ReportFormat.Csv ? [tables[table]] : tables,
            $"filter={http.Request.QueryString}");
    }

    private static void DescribeIndicators(Microsoft.OpenApi.OpenApiDocument document, Microsoft.OpenApi.OpenApiOperation operation, bool table)
    {
        foreach (var (name, text) in new[]
        {
            ("period", "Week, Month, Bimester or Quarter (Month when left out)."), ("category", "A category code; every category when left out."),
            ("region", "A region code; narrows the caller's scope."), ("unit", "A unit code; narrows the caller's scope."),
            ("baselineFrom", "First day of the baseline, yyyy-MM-dd."), ("baselineTo", "Last day of the baseline, yyyy-MM-dd."), ("measure", "Rate or Count (Rate when the volumes allow it)."),
        })
        {
            OpenApiContract.Parameter(operation, name, text, OpenApiContract.Text());
        }

        if (table)
        {
            OpenApiContract.Parameter(operation, "table", $"Which table: {string.Join(", ", ComplaintIndicatorsReport.Tables)} (periods when left out).", OpenApiContract.Text());
        }

        OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A parameter is not valid; errors names it.");
    }

    /// <summary>
    /// The quarterly report of a committee the caller's scope covers (any other reads as absent: 404), for a quarter given
    /// as year and number; every parameter is required and a bad one is a 400 naming it. Audited like every export.
    /// </summary>
    private static async Task<IResult> ExportCommitteeReportAsync(HttpContext http, ICommitteeStore committees, QuarterlyReport report, AuditTrail audit,
        IStringLocalizer<CommitteesPage> words, IStringLocalizer<Vocabulary> vocabulary, string? committee, string? year, string? quarter, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var code = query.Required(nameof(committee), committee, 100);
        var number = query.Required(nameof(quarter), quarter, 10) is null ? 0 : query.Int(nameof(quarter), quarter, 0, 1, 4);
        var onYear = query.Required(nameof(year), year, 10) is null ? 0 : query.Int(nameof(year), year, 0, ReportQuarter.FirstYear, ReportQuarter.LastYear);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        if (await committees.ReadByCodeAsync(code!, http.User.ReadScope()!, cancellationToken) is not { } found)
        {
            return EventsApi.Problem(StatusCodes.Status404NotFound, "Committee not found", "no such committee within the caller's scope");
        }

        var data = await report.ReadAsync(found, new ReportQuarter(onYear, number), cancellationToken);
        await audit.RecordAsync(http.User, AuditAction.ExportMade, null, AuditOutcome.Success,
            $"committee-report.xlsx committee={found.Code} {onYear}-Q{number}: {data.Units.Count} units, {data.Impact.Count} impact cases, {data.Agreements.Count} agreements, {data.Brigades.Count} brigade lines",
            cancellationToken);
        var body = new MemoryStream();
        QuarterlyWorkbook.Write(body, data, words, vocabulary);
        body.Position = 0;
        return Results.File(body, QuarterlyWorkbook.ContentType, $"informe-{found.Code}-{onYear}-T{number}.xlsx");
    }

    /// <summary>
    /// Every case of the filter within the caller's scope, streamed a keyset page at a time (no cap, no rows dropped): the
    /// overview's filter keys (<c>region</c>, <c>unit</c>, <c>kind</c>, <c>category</c>, <c>from</c>/<c>to</c> as days on
    /// each case's unit clock…), plus <c>status</c> (open, closed) and <c>complex</c>. A bad value is a 400 naming it.
    /// </summary>
    private static IResult ExportCases(HttpContext http, ICaseExportReader cases, CatalogueService catalogue, TimeProvider time, AuditTrail audit, ILoggerFactory logs,
        ReportFormat format)
    {
        var query = new QueryReader();
        var filter = query.CaseFilter(http.Request.Query);
        var open = query.Choice("status", http.Request.Query["status"], "open", "closed") is { } index ? index == 0 : (bool?)null;
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var scope = http.User.ReadScope()!;
        var now = time.GetUtcNow();
        var list = new CaseListQuery(filter, 1, 1) { Open = open, Days = catalogue.DaysAt(now), Now = now };
        var rows = cases.ReadAllAsync(list, scope, http.RequestAborted).Select(c => (object?[])Fields(c));
        var name = $"casos-{OverviewReport.SafeCode(filter.UnitCode ?? filter.RegionCode ?? scope.ToString())}"
            + (filter.OpenedFrom is { } from ? $"-{from:yyyy-MM-dd}" : "") + (filter.OpenedTo is { } to ? $"-{to:yyyy-MM-dd}" : "");
        return ReportDownload.Stream(http, audit, logs.CreateLogger(typeof(ExportApi)), name, format, [new ReportTable("casos", Columns, rows)],
            $"filter={http.Request.QueryString}");
    }

    /// <summary>The overview's tables for the page's own query string; CSV takes one of them (<c>table</c>, summary by default).</summary>
    private static async Task<IResult> ExportOverviewAsync(HttpContext http, OverviewReport report, AuditTrail audit, ILoggerFactory logs, ReportFormat format,
        CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var filter = query.CaseFilter(http.Request.Query);
        var table = format == ReportFormat.Csv ? query.Choice("table", http.Request.Query["table"], OverviewReport.Tables) ?? 0 : 0;
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var scope = http.User.ReadScope()!;
        var tables = await report.ReadAsync(filter, scope, cancellationToken);
        var (from, to) = OverviewReport.PeriodOf(filter, report.TodayOf(filter, scope));
        var name = OverviewReport.FileName(format == ReportFormat.Csv ? $"resumen-{OverviewReport.Tables[table]}" : "resumen", scope, filter, from, to);
        return ReportDownload.Stream(http, audit, logs.CreateLogger(typeof(ExportApi)), name, format, format == ReportFormat.Csv ? [tables[table]] : tables,
            $"filter={http.Request.QueryString}");
    }

    private static void DescribeCases(Microsoft.OpenApi.OpenApiDocument document, Microsoft.OpenApi.OpenApiOperation operation)
    {
        DescribeFilter(document, operation, table: false);
        OpenApiContract.Parameter(operation, "status", "open or closed; both when left out.", OpenApiContract.Text());
    }

    private static void DescribeFilter(Microsoft.OpenApi.OpenApiDocument document, Microsoft.OpenApi.OpenApiOperation operation, bool table)
    {
        foreach (var (name, text) in FilterParameters)
        {
            OpenApiContract.Parameter(operation, name, text, OpenApiContract.Text());
        }

        if (table)
        {
            OpenApiContract.Parameter(operation, "table", $"Which table: {string.Join(", ", OverviewReport.Tables)} (summary when left out).", OpenApiContract.Text());
        }

        OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A filter value is not valid; errors names it.");
    }

    private static readonly (string Name, string Text)[] FilterParameters =
    [
        (CaseListLink.Region, "A region (OOAD/Red) code; narrows the caller's scope, never widens it."),
        (CaseListLink.Unit, "A unit code; narrows the caller's scope, never widens it."),
        (CaseListLink.Kind, "Complaint, Request, Orientation, Suggestion or Compliment."),
        (CaseListLink.Category, "A category code of the classification."),
        (CaseListLink.StaffRole, "A staff role code of the classification."),
        (CaseListLink.Module, "A module code."),
        (CaseListLink.Channel, "A channel name."),
        (CaseListLink.Priority, "Low, Medium, High or Critical."),
        (CaseListLink.Complex, "true or false."),
        (CaseListLink.From, "First day of the opening period, yyyy-MM-dd, on each case's unit clock."),
        (CaseListLink.To, "Last day of the opening period, yyyy-MM-dd, on each case's unit clock."),
    ];

    private static readonly string[] Columns =
    [
        "caseId", "regionCode", "unitCode", "kind", "channel", "category", "priority", "complex", "status", "escalationLevel", "slaState",
        "openedAtUtc", "resolvedAtUtc", "closedAtUtc", "resolutionDueAtUtc", "breachedAtUtc",
    ];

    /// <summary>One case as the committee reads it: what, where, when, how it went. Times in UTC (ISO 8601).</summary>
    private static string[] Fields(CaseState c) =>
    [
        c.CaseId, c.RegionCode, c.UnitCode, c.Kind.ToString(), c.Channel.ToString(), c.Category, c.Priority.ToString(), c.Complex ? "true" : "false",
        c.Status.ToString(), c.EscalationLevel.ToString(CultureInfo.InvariantCulture), c.Sla?.State.ToString() ?? "", Iso(c.OpenedAt), Iso(c.ResolvedAt),
        Iso(c.ClosedAt), Iso(c.Sla?.Resolution?.DueAt), Iso(c.Sla?.BreachedAt),
    ];

    private static string Iso(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
