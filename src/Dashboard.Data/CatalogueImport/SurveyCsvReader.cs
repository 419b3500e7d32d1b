using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Imports;
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
/// rules): <c>year,bimester,unitCode,respondents,satisfied,tratoDigno</c>, one hospital and round a line, and optionally
/// a column <c>Q:&lt;question&gt;:&lt;answer&gt;</c> per question and answer of the institution's scale holding how many
/// chose it (an empty cell: that hospital did not report the question). Every row is checked (format here, then
/// <see cref="SurveyRules"/>) and each problem named by line and column; the results come back only when there is none.
/// Pure: nothing is written.
/// </summary>
public static class SurveyCsvReader
{
    public const string File = "encuestas.csv";

    private static readonly CsvColumn[] Columns =
        [new("year"), new("bimester"), new("unitCode"), new("respondents"), new("satisfied"), new("tratoDigno")];

    /// <summary>The prefix of an answer column: <c>Q:P1:5</c> counts who answered "5" to question "P1".</summary>
    public const string AnswerColumnPrefix = "Q:";

    public static SurveyCsvResult Read(TextReader source, CatalogueIndex catalogue, ReadScope writer,
        Func<Institution, SurveyQuestionnaire>? questionnaires = null, string file = File)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<CsvRowError>();
        var table = CsvTable.Read(file, source, Columns, errors, h => h.StartsWith(AnswerColumnPrefix, StringComparison.OrdinalIgnoreCase));
        var answerColumns = new Dictionary<string, (string Question, string Answer)>(StringComparer.Ordinal);
        foreach (var header in table.Rows.Count == 0 ? [] : table.Rows[0].Extras.Select(e => e.Key))
        {
            var parts = header.Split(':');
            if (parts.Length != 3 || parts[1].Trim().Length == 0 || parts[2].Trim().Length == 0)
            {
                errors.Add(new CsvRowError(file, 1, header, ImportTexts.AnswerColumnName()));
            }
            else
            {
                answerColumns[header] = (parts[1].Trim(), parts[2].Trim());
            }
        }

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

                errors.Add(new CsvRowError(file, row.Line, column, text.Length == 0 ? ImportTexts.Required() : ImportTexts.NotAWholeNumber(text)));
                return 0;
            }

            var answers = new List<SurveyAnswer>();
            foreach (var (header, text) in row.Extras)
            {
                if (text.Length == 0 || !answerColumns.TryGetValue(header, out var column))
                {
                    continue;
                }

                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    answers.Add(new SurveyAnswer(column.Question, column.Answer, count));
                }
                else
                {
                    errors.Add(new CsvRowError(file, row.Line, header, ImportTexts.NotACount(text)));
                }
            }

            var result = new SurveyResult(new SurveyRound(Number("year"), Number("bimester")), row["unitCode"], Number("respondents"), Number("satisfied"), Number("tratoDigno"))
            {
                Answers = answers,
            };
            if (errors.Count == before)
            {
                results.Add(result);
                lines.Add(row.Line);
            }
        }

        if (table.IsReadable && table.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvRowError(file, 2, "", ImportTexts.NoRows()));
        }

        errors.AddRange(SurveyRules.Validate(results, catalogue, writer, questionnaires).Select(e => new CsvRowError(file, lines[e.Index], e.Field, e.Text)));
        return errors.Count > 0
            ? new SurveyCsvResult(null, [.. errors.OrderBy(e => e.Line)])
            : new SurveyCsvResult(results, []);
    }
}
