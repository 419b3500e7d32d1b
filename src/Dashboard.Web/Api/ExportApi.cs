using System.Globalization;
using CsvHelper;
using Dashboard.Core.Cases;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Web.Committees;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using Dashboard.Core.Reads;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/v1/exports/cases.csv</c>: the cases behind the committee's quarterly analysis, within the caller's
/// scope, as CSV (UTF-8 with BOM, so Excel opens accents right). Never personal data: no NSS/DNI, no summaries, no
/// notes. Every export is written to the audit log with its filter and row count. <c>GET
/// /api/v1/exports/committee-report.xlsx</c>: a committee's quarterly report as an Excel workbook (see <see cref="QuarterlyWorkbook"/>).
/// </summary>
public static class ExportApi
{
    /// <summary>More than a region's year; a bigger export is a database job, not a download.</summary>
    public const int MaxRows = 100_000;
    private const int PageSize = 1_000;

    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/exports/cases.csv", ExportCasesAsync).RequireAuthorization(Policies.Export).WithName("ExportCases").WithTags("Cases")
            .WithSummary("Download the cases within the caller's scope as CSV, without personal data");
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
        return api;
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

    private static async Task<IResult> ExportCasesAsync(HttpContext http, ICaseListReader cases, AuditTrail audit, string? region, string? unit, string? status,
        string? complex, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var open = query.Choice(nameof(status), status, "open", "closed") is { } index ? index == 0 : (bool?)null;
        var isComplex = query.Bool(nameof(complex), complex);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var scope = http.User.ReadScope()!;
        var rows = new List<CaseState>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var read = await cases.ReadPageAsync(new CaseListQuery(new CaseFilter { RegionCode = CasesApi.NullIfEmpty(region), UnitCode = CasesApi.NullIfEmpty(unit), Complex = isComplex }, page, PageSize) { Open = open }, scope,
                cancellationToken);
            rows.AddRange(read.Items);
            if (read.Items.Count < PageSize)
            {
                break;
            }
        }

        await audit.RecordAsync(http.User, AuditAction.ExportMade, null, AuditOutcome.Success,
            $"cases.csv region={region} unit={unit} status={status} complex={complex}: {rows.Count} rows", cancellationToken);
        var body = new MemoryStream();
        await using (var writer = new StreamWriter(body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        // A case id may start with "-" (or a future text field with "="): a spreadsheet must show it, not run it.
        await using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var row in rows)
            {
                csv.WriteRecord(Fields(row));
            }

            await csv.FlushAsync(cancellationToken);
        }

        body.Position = 0;
        return Results.File(body, "text/csv; charset=utf-8", $"casos-{scope.ToString().Replace(':', '-')}.csv");
    }

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
