using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Imports;
using Dashboard.Core.Staff;
using Dashboard.Core.Storage;

namespace Dashboard.Data.CatalogueImport;

/// <summary>The staff read from a CSV file, or every problem found in it: never part of a file.</summary>
public sealed record StaffCsvResult(IReadOnlyList<StaffRecord>? Records, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the staff roster with Buen Trato certification and training from one CSV file (UTF-8, comma separated, header
/// first, the catalogue import's rules), one person a line:
/// <c>unitCode,staffNumber,name,staffRole,agentId,certifiedOn,expiresOn,sessions</c>. The last four columns may be left
/// out of the header or empty: <c>certifiedOn</c> (yyyy-MM-dd or dd/MM/yyyy) adds a certification, expiring on
/// <c>expiresOn</c> or, when that is empty, after the months the institution's profile says; <c>sessions</c> lists the
/// sessions attended, separated by ';' or spaces ("1;2;3"). Every row is checked (format here, then
/// <see cref="StaffRules"/>) and each problem named by line and column; the staff come back only when there is none.
/// Pure: nothing is written.
/// </summary>
public static class StaffCsvReader
{
    public const string File = "personal.csv";

    public const string Header = "unitCode,staffNumber,name,staffRole,agentId,certifiedOn,expiresOn,sessions";

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    private static readonly CsvColumn[] Columns =
    [
        new("unitCode"), new("staffNumber"), new("name"), new("staffRole"),
        new("agentId", Required: false), new("certifiedOn", Required: false), new("expiresOn", Required: false), new("sessions", Required: false),
    ];

    public static StaffCsvResult Read(TextReader source, CatalogueIndex catalogue, ReadScope writer, DateOnly today, string file = File)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<CsvRowError>();
        var table = CsvTable.Read(file, source, Columns, errors);
        var records = new List<StaffRecord>();
        var lines = new List<int>();
        foreach (var row in table.Rows)
        {
            if (row.IsBroken)
            {
                continue;
            }

            var before = errors.Count;
            DateOnly? Day(string column)
            {
                var text = row[column];
                if (text.Length == 0)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return day;
                }

                errors.Add(new CsvRowError(file, row.Line, column, ImportTexts.NotADate(text)));
                return null;
            }

            var certifiedOn = Day("certifiedOn");
            var expiresOn = Day("expiresOn");
            if (expiresOn is not null && certifiedOn is null && row["certifiedOn"].Length == 0)
            {
                errors.Add(new CsvRowError(file, row.Line, "certifiedOn", ImportTexts.CertifiedOnRequired()));
            }

            var sessions = new List<int>();
            foreach (var part in row["sessions"].Split([';', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var session))
                {
                    sessions.Add(session);
                }
                else
                {
                    errors.Add(new CsvRowError(file, row.Line, "sessions", ImportTexts.NotASession(part)));
                    break;
                }
            }

            var unit = catalogue.FindUnit(row["unitCode"]);
            StaffCertification? certification = null;
            if (certifiedOn is { } on)
            {
                // Without an expiry the institution's renewal period applies; an unknown unit is reported by the rules.
                var institution = unit?.Institution.Code ?? "";
                certification = new StaffCertification(on, expiresOn ?? StaffRules.ProgrammeOf(institution).ExpiryOf(on));
            }

            if (errors.Count == before)
            {
                records.Add(new StaffRecord(new StaffMember(row["unitCode"], row["staffNumber"], row["name"], row["staffRole"], row["agentId"] is { Length: > 0 } a ? a : null),
                    certification, sessions));
                lines.Add(row.Line);
            }
        }

        if (table.IsReadable && table.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvRowError(file, 2, "", ImportTexts.NoRows()));
        }

        errors.AddRange(StaffRules.Validate(records, catalogue, writer, today).Select(e => new CsvRowError(file, lines[e.Index], e.Field, e.Text)));
        return errors.Count > 0
            ? new StaffCsvResult(null, [.. errors.OrderBy(e => e.Line)])
            : new StaffCsvResult(records, []);
    }
}
