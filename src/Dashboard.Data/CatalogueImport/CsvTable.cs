using CsvHelper;
using Dashboard.Core.Imports;

namespace Dashboard.Data.CatalogueImport;

/// <summary>A column of an import file, as the contract names it; an optional column may be left out of the header.</summary>
internal sealed record CsvColumn(string Name, bool Required = true);

/// <summary>One data record of a <see cref="CsvTable"/>: its trimmed values by contract column, "" when absent.</summary>
internal sealed class CsvTableRow(int line, bool isBroken, string[] values, IReadOnlyDictionary<string, int> columns,
    IReadOnlyList<KeyValuePair<string, string>>? extras = null)
{
    /// <summary>The 1-based line the record starts on.</summary>
    public int Line { get; } = line;

    /// <summary>The record could not be split into its fields (an error is already reported): its values are not checked.</summary>
    public bool IsBroken { get; } = isBroken;

    public string this[string column] => values[columns[column]];

    /// <summary>The values of the header's extra columns (those the reader asked for by name), in header order, trimmed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extras { get; } = extras ?? [];
}

/// <summary>
/// One CSV file read with CsvHelper into rows of strings: comma separated, header required and matched without case,
/// RFC 4180 quoting. Problems of the file itself (a missing column, a record with too many fields, broken quoting)
/// are reported here; the values are checked by <see cref="CatalogueCsvReader"/>.
/// </summary>
internal sealed class CsvTable
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
    };

    private CsvTable(string file, bool isReadable, IReadOnlyList<CsvTableRow> rows)
    {
        File = file;
        IsReadable = isReadable;
        Rows = rows;
    }

    public string File { get; }

    /// <summary>False when the header lacks a required column: no row was read, and references into the file are not checked.</summary>
    public bool IsReadable { get; }

    public IReadOnlyList<CsvTableRow> Rows { get; }

    /// <summary>An optional file that is not there: no rows.</summary>
    public static CsvTable Absent(string file) => new(file, isReadable: true, []);

    /// <summary>
    /// Reads the file's rows, reporting its problems into <paramref name="errors"/>. Header columns beyond the contract's
    /// are ignored, except those <paramref name="extraColumn"/> asks for (e.g. a survey's answer columns), which each row
    /// carries in <see cref="CsvTableRow.Extras"/>.
    /// </summary>
    public static CsvTable Read(string file, TextReader source, IReadOnlyList<CsvColumn> columns, List<CsvRowError> errors,
        Func<string, bool>? extraColumn = null)
    {
        var malformedLines = new HashSet<long>();
        using var csv = CsvReader.Create(source, Options with { OnMalformedRecord = m => malformedLines.Add(m.LineNumber) }, leaveOpen: true);

        csv.ReadHeader();
        var expected = string.Join(',', columns.Select(c => c.Name));
        if (csv.Headers.Count == 0)
        {
            errors.Add(new CsvRowError(file, 1, "", ImportTexts.FileEmpty(expected)));
            return new CsvTable(file, isReadable: false, []);
        }

        var fieldOf = new int[columns.Count];
        var missing = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (csv.TryGetFieldIndex(columns[i].Name, out var index))
            {
                fieldOf[i] = index;
            }
            else
            {
                fieldOf[i] = -1;
                if (columns[i].Required)
                {
                    missing.Add(columns[i].Name);
                }
            }
        }

        if (missing.Count > 0)
        {
            var semicolons = csv.Headers.Count == 1 && csv.Headers[0].Contains(';', StringComparison.Ordinal);
            errors.Add(new CsvRowError(file, 1, string.Join(',', missing), semicolons
                ? ImportTexts.HeaderLacksSemicolons(string.Join(", ", missing), expected)
                : ImportTexts.HeaderLacks(string.Join(", ", missing), expected)));
            return new CsvTable(file, isReadable: false, []);
        }

        var headerCount = csv.Headers.Count;
        var extraFields = extraColumn is null ? [] : csv.Headers.Select((name, index) => (Name: name.Trim(), Index: index))
            .Where(h => extraColumn(h.Name)).ToArray();
        var columnIndex = columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var read = new List<(long Line, int FieldCount, string[] Values, KeyValuePair<string, string>[]? Extras)>();
        while (csv.Read())
        {
            var values = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = fieldOf[i] < 0 ? "" : csv.GetString(fieldOf[i]).Trim();
            }

            var extras = extraFields.Length == 0 ? null
                : extraFields.Select(h => KeyValuePair.Create(h.Name, h.Index < csv.FieldCount ? csv.GetString(h.Index).Trim() : "")).ToArray();
            read.Add((csv.LineNumber, csv.FieldCount, values, extras));
        }

        // The reader may report a malformed record before or after handing it out, so rows are judged once all are read.
        var rows = new List<CsvTableRow>(read.Count);
        foreach (var (line, fieldCount, values, extras) in read)
        {
            var broken = true;
            if (malformedLines.Contains(line))
            {
                errors.Add(new CsvRowError(file, (int)line, "", ImportTexts.BrokenQuoting()));
            }
            else if (fieldCount > headerCount)
            {
                errors.Add(new CsvRowError(file, (int)line, "", ImportTexts.TooManyFields(fieldCount, headerCount)));
            }
            else
            {
                broken = false;
            }

            rows.Add(new CsvTableRow((int)line, broken, values, columnIndex, extras));
        }

        return new CsvTable(file, isReadable: true, rows);
    }
}
