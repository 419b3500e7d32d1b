using System.Globalization;
using CsvHelper;
using Dashboard.Core.Cases;
using Dashboard.Core.Access;
using Dashboard.Core.Reads;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/v1/exports/cases.csv</c>: the cases behind the committee's quarterly analysis, within the caller's
/// scope, as CSV (UTF-8 with BOM, so Excel opens accents right). Never personal data: no NSS/DNI, no summaries, no
/// notes. Every export is written to the audit log with its filter and row count.
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
        return api;
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
