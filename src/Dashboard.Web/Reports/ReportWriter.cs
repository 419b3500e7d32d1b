using System.Globalization;
using System.Text;
using CsvHelper;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Dashboard.Web.Reports;

/// <summary>
/// Writes tables as they are read, straight to the response: an Excel workbook (one sheet per table, SpreadCheetah) or
/// one CSV (UTF-8 with BOM so Excel opens accents right; a cell that starts like a formula is escaped). Nothing is
/// buffered beyond a row and the writers' own small buffers, so memory stays flat however many rows there are.
/// </summary>
public static class ReportWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Excel's last row is 1,048,576; with the header, a sheet holds this many rows and a longer table goes on.</summary>
    public const int MaxRowsPerSheet = 1_048_575;

    public static string ContentType(ReportFormat format) => format == ReportFormat.Xlsx ? XlsxContentType : CsvContentType;

    public static string Extension(ReportFormat format) => format == ReportFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>Every table as a sheet; returns the rows written per table.</summary>
    public static Task<IReadOnlyList<long>> WriteXlsxAsync(Stream output, IReadOnlyList<ReportTable> tables, CancellationToken cancellationToken) =>
        WriteXlsxAsync(output, tables, MaxRowsPerSheet, cancellationToken);

    internal static async Task<IReadOnlyList<long>> WriteXlsxAsync(Stream output, IReadOnlyList<ReportTable> tables, int rowsPerSheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        await using var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd") }, cancellationToken);
        var header = book.AddStyle(new Style { Font = { Bold = true } });
        var counts = new List<long>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var sheet = 1;
            await StartAsync(book, SheetName(table.Name, sheet, names), table, header, cancellationToken);
            long rows = 0, onSheet = 0;
            var cells = new DataCell[table.Columns.Count];
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                if (onSheet == rowsPerSheet)
                {
                    await StartAsync(book, SheetName(table.Name, ++sheet, names), table, header, cancellationToken);
                    onSheet = 0;
                }

                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Cell(i < row.Length ? row[i] : null);
                }

                await book.AddRowAsync(cells, cancellationToken);
                rows++;
                onSheet++;
            }

            counts.Add(rows);
        }

        await book.FinishAsync(cancellationToken);
        return counts;
    }

    /// <summary>One table as CSV; returns the rows written. Every write is asynchronous: the response never blocks a thread.</summary>
    public static async Task<long> WriteCsvAsync(Stream output, ReportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        // A case id may start with "-" (or a name with "="): a spreadsheet must show it, not run it.
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync([.. table.Columns], cancellationToken);
        long rows = 0;
        var fields = new string[table.Columns.Count];
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Text(i < row.Length ? row[i] : null);
            }

            await csv.WriteRecordAsync(fields, cancellationToken);
            rows++;
        }

        await csv.FlushAsync(cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    private static async Task StartAsync(Spreadsheet book, string name, ReportTable table, StyleId header, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 1; i <= table.Columns.Count; i++)
        {
            options.Column(i).Width = Math.Clamp(table.Columns[i - 1].Length + 4, 10, 60);
        }

        await book.StartWorksheetAsync(name, options, cancellationToken);
        await book.AddHeaderRowAsync([.. table.Columns], header, cancellationToken);
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the book.</summary>
    private static string SheetName(string name, int part, HashSet<string> taken)
    {
        var clean = new string([.. name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c)]).Trim();
        var suffix = part > 1 ? $" ({part})" : "";
        clean = clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)].TrimEnd() : clean;
        var candidate = clean + suffix;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var tail = $" {n}";
            candidate = (candidate.Length + tail.Length > 31 ? candidate[..(31 - tail.Length)] : candidate) + tail;
        }

        return candidate;
    }

    private static DataCell Cell(object? value) => value switch
    {
        null => new DataCell((string?)null),
        string s => new DataCell(s),
        int i => new DataCell(i),
        long l => new DataCell(l),
        double d => double.IsFinite(d) ? new DataCell(d) : new DataCell((string?)null),
        DateOnly day => new DataCell(day.ToDateTime(TimeOnly.MinValue)),
        _ => new DataCell(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>CSV cells in the invariant culture (a decimal point, ISO days), which every program reads the same.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => double.IsFinite(d) ? d.ToString("0.####", CultureInfo.InvariantCulture) : "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
