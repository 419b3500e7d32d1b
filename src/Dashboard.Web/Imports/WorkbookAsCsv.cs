using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Dashboard.Web.Imports;

/// <summary>
/// An Excel workbook (.xlsx) read as the CSV the import readers already check: its first sheet, row for row, so the
/// same header rules, row-level errors and "nothing stored unless all is valid" apply, and an error's line is the
/// sheet's row number. Numbers are written in the invariant culture (whole numbers without decimals), dates as
/// yyyy-MM-dd, empty rows as empty lines.
/// </summary>
public static class WorkbookAsCsv
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>An .xlsx is a zip archive: it starts with "PK\x03\x04".</summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> start) => start.Length >= 4 && start[0] == 0x50 && start[1] == 0x4B && start[2] == 0x03 && start[3] == 0x04;

    /// <summary>The first sheet as CSV text, or null when the file cannot be read as a workbook.</summary>
    public static string? Read(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        try
        {
            var rows = MiniExcel.Query(workbook, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
            using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
            {
                foreach (var row in rows)
                {
                    var cells = row.Values.Take(width).Select(Text).ToArray();
                    if (cells.All(c => c.Length == 0))
                    {
                        csv.Flush();
                        text.Write('\n');
                        continue;
                    }

                    csv.WriteRecord(cells);
                }
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime day when day.TimeOfDay == TimeSpan.Zero => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
