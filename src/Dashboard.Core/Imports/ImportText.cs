using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Imports;

/// <summary>
/// What is wrong with an imported value, in words a page can say in its reader's language: a <see cref="Key"/> the
/// pages' resources translate (<c>Resources/Imports/ImportMessages*.resx</c>), the values that fill it, and the English
/// the API answers with. Every text there is is one method of <see cref="ImportTexts"/>, named as its key.
/// </summary>
public sealed record ImportText(string Key, string Template, params object[] Args)
{
    /// <summary>The English sentence, as the API's problem details carry it.</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, Template, Args);

    public override string ToString() => English;
}

/// <summary>The problems an import can name (CSV, Excel and JSON imports of surveys, staff and attention volumes).</summary>
public static class ImportTexts
{
    private static ImportText Say(string template, object[] args, [CallerMemberName] string key = "") => new(key, template, args);

    // The file as a whole.
    public static ImportText FileEmpty(string header) => Say("the file is empty; its first line must be the header {0}", [header]);

    public static ImportText HeaderLacks(string columns, string header) => Say("missing from the header: {0}; expected {1}", [columns, header]);

    public static ImportText HeaderLacksSemicolons(string columns, string header) =>
        Say("missing from the header: {0}; expected {1} (fields are separated by commas, not semicolons)", [columns, header]);

    public static ImportText BrokenQuoting() =>
        Say("broken quoting: a quoted value must end with a quote right before the next comma, and a quote inside it must be doubled (\"\")", []);

    public static ImportText TooManyFields(int fields, int header) =>
        Say("the row has {0} fields but the header has {1}; put a value that contains a comma in double quotes", [fields, header]);

    public static ImportText NoRows() => Say("the file has a header but no rows", []);

    public static ImportText AnswerColumnName() => Say("an answer column is named Q:<question>:<answer>, e.g. Q:P1:5", []);

    // Values.
    public static ImportText Required() => Say("is required", []);

    public static ImportText NotAWholeNumber(string text) => Say("'{0}' is not a whole number", [text]);

    public static ImportText NotACount(string text) => Say("'{0}' is not a whole number of 0 or more", [text]);

    public static ImportText NotADate(string text) => Say("'{0}' is not a date (yyyy-MM-dd or dd/MM/yyyy)", [text]);

    public static ImportText NotAMonth(string text) => Say("'{0}' is not a month written YYYY-MM (e.g. 2026-05)", [text]);

    public static ImportText NotAUnit(string code) => Say("'{0}' is not a unit of the catalogue", [code]);

    public static ImportText NotAHospital(string code) => Say("'{0}' is not a hospital; the survey is applied in hospitals", [code]);

    public static ImportText Between(long least, long most) => Say("must be {0} to {1}", [least, most]);

    public static ImportText YearBetween(int least, int most) => Say("must be a year from {0} to {1}", [least, most]);

    public static ImportText MonthBetween(int least, int most) => Say("must be a month (YYYY-MM) from {0} to {1}", [least, most]);

    public static ImportText Bimester() => Say("must be 1 to 6 (1 = January–February … 6 = November–December)", []);

    public static ImportText AtMostRespondents(int respondents) => Say("must be 0 to the respondents ({0})", [respondents]);

    public static ImportText AtMostCharacters(int most) => Say("may be at most {0} characters", [most]);

    // Surveys.
    public static ImportText SurveyTwice(string unit, int year, int bimester, int entry) =>
        Say("'{0}' already has a result for {1} bimester {2} (entry {3}); one result per hospital and round", [unit, year, bimester, entry]);

    public static ImportText NotAQuestion(string question) => Say("'{0}' is not a question of the institution's survey", [question]);

    public static ImportText NotAnAnswer(string answer) => Say("'{0}' is not an answer of the institution's scale", [answer]);

    public static ImportText Repeated() => Say("is repeated", []);

    public static ImportText AnswersAboveRespondents(long sum, int respondents) =>
        Say("the answers add up to {0}, more than the respondents ({1})", [sum, respondents]);

    // Attention volumes.
    public static ImportText VolumeTwice(string unit, string month, int entry) =>
        Say("'{0}' already has a volume for {1} (entry {2}); one volume per unit and month", [unit, month, entry]);

    // Staff.
    public static ImportText NotAStaffNumber(string text) => Say("'{0}' is not a staff number (1–32 letters, digits, '.', '_', '/', '-')", [text]);

    public static ImportText StaffTwice(string number, int entry) => Say("'{0}' appears twice (entry {1}); one line per person", [number, entry]);

    public static ImportText NotAStaffRole(string role, string institution, string roles) => Say("'{0}' is not a staff role of {1}: {2}", [role, institution, roles]);

    public static ImportText NotATecnicaOf(string agent, string unit) => Say("'{0}' is not a técnica of {1} in the catalogue", [agent, unit]);

    public static ImportText InTheFuture(string day) => Say("{0} is in the future", [day]);

    public static ImportText ExpiresBeforeCertified(string expires, string certified) => Say("{0} must be after the certification day ({1})", [expires, certified]);

    public static ImportText NoSuchSessions(string sessions, string institution, int count) =>
        Say("{0}: the course of {1} has sessions 1 to {2}", [sessions, institution, count]);

    public static ImportText SessionTwice() => Say("names a session twice", []);

    public static ImportText CertifiedOnRequired() => Say("is required when expiresOn is given", []);

    public static ImportText NotASession(string text) => Say("'{0}' is not a session number; list them separated by ';' (1;2;3)", [text]);
}
