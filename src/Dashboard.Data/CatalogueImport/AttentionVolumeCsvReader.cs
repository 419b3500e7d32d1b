using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Imports;
using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;

namespace Dashboard.Data.CatalogueImport;

/// <summary>The attention volumes read from a CSV file, or every problem found in it: never part of a file.</summary>
public sealed record AttentionVolumeCsvResult(IReadOnlyList<AttentionVolume>? Volumes, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads monthly attention volumes from one CSV file (UTF-8, comma separated, header first, the catalogue import's
/// rules) with a Spanish header, as the people who keep these figures write it: <c>unidad,mes,atenciones</c> (the unit's
/// code, the month as YYYY-MM, the attentions), one unit and month a line. Every row is checked (format here, then
/// <see cref="AttentionVolumeRules"/>) and each problem named by line and column; the volumes come back only when there
/// is none. Pure: nothing is written.
/// </summary>
public static class AttentionVolumeCsvReader
{
    public const string File = "atenciones.csv";

    public const string Header = "unidad,mes,atenciones";

    private const string UnitColumn = "unidad";
    private const string MonthColumn = "mes";
    private const string AttentionsColumn = "atenciones";

    private static readonly CsvColumn[] Columns = [new(UnitColumn), new(MonthColumn), new(AttentionsColumn)];

    /// <summary>The file's column for a field of <see cref="AttentionVolumeRules"/>.</summary>
    private static string ColumnOf(string field) => field switch
    {
        "unitCode" => UnitColumn,
        "month" => MonthColumn,
        "attentions" => AttentionsColumn,
        _ => field,
    };

    public static AttentionVolumeCsvResult Read(TextReader source, CatalogueIndex catalogue, ReadScope writer, string file = File)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<CsvRowError>();
        var table = CsvTable.Read(file, source, Columns, errors);
        var volumes = new List<AttentionVolume>();
        var lines = new List<int>();
        foreach (var row in table.Rows)
        {
            if (row.IsBroken)
            {
                continue;
            }

            var before = errors.Count;
            var monthText = row[MonthColumn];
            if (!DateOnly.TryParseExact(monthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                errors.Add(new CsvRowError(file, row.Line, MonthColumn, monthText.Length == 0 ? ImportTexts.Required() : ImportTexts.NotAMonth(monthText)));
            }

            var attentionsText = row[AttentionsColumn];
            if (!int.TryParse(attentionsText, NumberStyles.None, CultureInfo.InvariantCulture, out var attentions))
            {
                errors.Add(new CsvRowError(file, row.Line, AttentionsColumn, attentionsText.Length == 0 ? ImportTexts.Required() : ImportTexts.NotACount(attentionsText)));
            }

            if (errors.Count == before)
            {
                volumes.Add(new AttentionVolume(row[UnitColumn], month, attentions));
                lines.Add(row.Line);
            }
        }

        if (table.IsReadable && table.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvRowError(file, 2, "", ImportTexts.NoRows()));
        }

        errors.AddRange(AttentionVolumeRules.Validate(volumes, catalogue, writer).Select(e => new CsvRowError(file, lines[e.Index], ColumnOf(e.Field), e.Text)));
        return errors.Count > 0
            ? new AttentionVolumeCsvResult(null, [.. errors.OrderBy(e => e.Line)])
            : new AttentionVolumeCsvResult(volumes, []);
    }
}
