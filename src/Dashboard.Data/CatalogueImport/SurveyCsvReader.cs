using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;

namespace Dashboard.Data.CatalogueImport;

/// <summary>The survey results read from a CSV file, or every problem found in it: never part of a file.</summary>
public sealed record SurveyCsvResult(IReadOnlyList<SurveyResult>? Results, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads perception survey results from one CSV file (UTF-8, comma separated, header first, the catalogue import's
/// rules): <c>year,bimester,unitCode,respondents,satisfied,tratoDigno</c>, one hospital and round a line. Every row is
/// checked (format here, then <see cref="SurveyRules"/>) and each problem named by line and column; the results come
/// back only when there is none. Pure: nothing is written.
/// </summary>
public static class SurveyCsvReader
{
    public const string File = "encuestas.csv";

    private static readonly CsvColumn[] Columns =
        [new("year"), new("bimester"), new("unitCode"), new("respondents"), new("satisfied"), new("tratoDigno")];

    public static SurveyCsvResult Read(TextReader source, CatalogueIndex catalogue, ReadScope writer, string file = File)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<CsvRowError>();
        var table = CsvTable.Read(file, source, Columns, errors);
        var results = new List<SurveyResult>();
        var lines = new List<int>();
        foreach (var row in table.Rows)
        {
            if (row.IsBroken)
            {
                continue;
            }

            var before = errors.Count;
            int Number(string column)
            {
                var text = row[column];
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                errors.Add(new CsvRowError(file, row.Line, column, text.Length == 0 ? "is required" : $"'{text}' is not a whole number"));
                return 0;
            }

            var result = new SurveyResult(new SurveyRound(Number("year"), Number("bimester")), row["unitCode"], Number("respondents"), Number("satisfied"), Number("tratoDigno"));
            if (errors.Count == before)
            {
                results.Add(result);
                lines.Add(row.Line);
            }
        }

        if (table.IsReadable && table.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvRowError(file, 2, "", "the file has a header but no results"));
        }

        errors.AddRange(SurveyRules.Validate(results, catalogue, writer).Select(e => new CsvRowError(file, lines[e.Index], e.Field, e.Message)));
        return errors.Count > 0
            ? new SurveyCsvResult(null, [.. errors.OrderBy(e => e.Line)])
            : new SurveyCsvResult(results, []);
    }
}
