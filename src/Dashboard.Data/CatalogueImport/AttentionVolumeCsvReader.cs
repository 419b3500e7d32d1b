using System.Globalization;
using Dashboard.Core.Catalogue;
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
/// rules): <c>unitCode,month,attentions</c>, one unit and month (YYYY-MM) a line. Every row is checked (format here,
/// then <see cref="AttentionVolumeRules"/>) and each problem named by line and column; the volumes come back only when
/// there is none. Pure: nothing is written.
/// </summary>
public static class AttentionVolumeCsvReader
{
    public const string File = "atenciones.csv";

    public const string Header = "unitCode,month,attentions";

    private static readonly CsvColumn[] Columns = [new("unitCode"), new("month"), new("attentions")];

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
            var monthText = row["month"];
            if (!DateOnly.TryParseExact(monthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                errors.Add(new CsvRowError(file, row.Line, "month", monthText.Length == 0 ? "is required" : $"'{monthText}' is not a month written YYYY-MM (e.g. 2026-05)"));
            }

            var attentionsText = row["attentions"];
            if (!int.TryParse(attentionsText, NumberStyles.None, CultureInfo.InvariantCulture, out var attentions))
            {
                errors.Add(new CsvRowError(file, row.Line, "attentions", attentionsText.Length == 0 ? "is required" : $"'{attentionsText}' is not a whole number of 0 or more"));
            }

            if (errors.Count == before)
            {
                volumes.Add(new AttentionVolume(row["unitCode"], month, attentions));
                lines.Add(row.Line);
            }
        }

        if (table.IsReadable && table.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvRowError(file, 2, "", "the file has a header but no volumes"));
        }

        errors.AddRange(AttentionVolumeRules.Validate(volumes, catalogue, writer).Select(e => new CsvRowError(file, lines[e.Index], e.Field, e.Message)));
        return errors.Count > 0
            ? new AttentionVolumeCsvResult(null, [.. errors.OrderBy(e => e.Line)])
            : new AttentionVolumeCsvResult(volumes, []);
    }
}
