namespace Dashboard.Web.Reports;

/// <summary>
/// One table of a page as it downloads: a name (the sheet of the workbook, the CSV's file name), the page's own column
/// headers in the reader's language, and its rows read as they are written, never held together. A cell is a
/// string, a whole number (int or long), a double, a <see cref="DateOnly"/> or null (empty).
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IAsyncEnumerable<object?[]> Rows)
{
    /// <summary>A table already in memory (a page's few dozen rows).</summary>
    public static ReportTable Of(string name, IReadOnlyList<string> columns, IEnumerable<object?[]> rows) => new(name, columns, rows.ToAsyncEnumerable());
}

/// <summary>A download in one of the two formats every table offers.</summary>
public enum ReportFormat
{
    Xlsx,
    Csv,
}
