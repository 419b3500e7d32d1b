using Dashboard.Core.Access;
using Dashboard.Web.Security;

namespace Dashboard.Web.Reports;

/// <summary>
/// A page's tables as a download: streamed as they are read, and written to the audit log with what was asked and how
/// many rows went out (or that the reader gave up half way). A failure after the first bytes aborts the connection, so
/// a browser reports a failed download instead of keeping a file with rows missing.
/// </summary>
public static class ReportDownload
{
    public static IResult Stream(HttpContext http, AuditTrail audit, ILogger logger, string baseName, ReportFormat format, IReadOnlyList<ReportTable> tables, string what)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tables);
        var cancellationToken = http.RequestAborted;
        var fileName = $"{baseName}.{ReportWriter.Extension(format)}";
        if (format == ReportFormat.Xlsx && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
        {
            // The zip archive under the workbook writes each entry's closing descriptor synchronously (a few bytes).
            body.AllowSynchronousIO = true;
        }

        return Results.Stream(async body =>
        {
            IReadOnlyList<long> rows;
            try
            {
                rows = format == ReportFormat.Xlsx
                    ? await ReportWriter.WriteXlsxAsync(body, tables, cancellationToken)
                    : [await ReportWriter.WriteCsvAsync(body, tables[0], cancellationToken)];
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("Download {File} abandoned by its reader", fileName);
                await audit.RecordAsync(http.User, AuditAction.ExportMade, null, AuditOutcome.Failed, $"{fileName} {what}: abandoned by the reader", CancellationToken.None);
                return;
            }

            var counts = string.Join(", ", tables.Take(rows.Count).Select((t, i) => $"{t.Name} {rows[i]:N0}"));
            await audit.RecordAsync(http.User, AuditAction.ExportMade, null, AuditOutcome.Success, $"{fileName} {what}: {counts} rows", CancellationToken.None);
        }, ReportWriter.ContentType(format), fileName);
    }
}
