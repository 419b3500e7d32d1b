using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Sla;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Profiles;

/// <summary>A day of the year, any year.</summary>
public readonly record struct MonthDay(int Month, int Day);

/// <summary>How an institution's insured person is identified: so many digits, with or without a check digit.</summary>
public enum CheckDigit
{
    None,

    /// <summary>Luhn over every digit but the last (the IMSS NSS).</summary>
    Luhn,
}

/// <summary>The insured person's identifier as the institution issues it ("NSS", 11 digits, Luhn).</summary>
public sealed record InsuredIdRule(string Name, int Digits, CheckDigit CheckDigit);

/// <summary>
/// Everything Tablero knows about one institution, read from its folder (<c>profiles/&lt;code&gt;/</c>): who it is and
/// where (<c>profile.json</c>), its SLA policies (<c>policies.json</c>), which overdue cases escalate
/// (<c>escalation.json</c>), its categories and staff roles (<c>classification.json</c>), its holidays
/// (<c>holidays.json</c>) and its own words (<c>vocabulary.json</c>). Adding an institution is adding a folder.
/// </summary>
public sealed record InstitutionProfile(
    Institution Institution,
    string Name,
    string FullName,
    string Country,
    string TimeZone,
    InsuredIdRule InsuredId,
    SlaPolicySet Policies,
    IReadOnlyList<EscalationRule> EscalationRules,
    ClassificationCatalogue Classification,
    IReadOnlyList<HolidayRule> HolidayRules,
    IReadOnlyList<Holiday> ExtraDays,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Vocabulary)
{
    /// <summary>The folder it was read from.</summary>
    public string Folder { get; init; } = "";

    /// <summary>Its Buen Trato certification and training course (<c>training</c> in <c>profile.json</c>).</summary>
    public Staff.TrainingProgramme Training { get; init; } = Staff.TrainingProgramme.Default;

    /// <summary>Its perception survey's questions and answer scale (<c>survey</c> in <c>profile.json</c>).</summary>
    public Surveys.SurveyQuestionnaire Survey { get; init; } = Surveys.SurveyQuestionnaire.None;

    /// <summary>Where it comes in lists of several institutions (lower first).</summary>
    public int ListOrder { get; init; } = 100;

    /// <summary>
    /// The day the institution celebrates its attention staff (IMSS: 16 November, Día de las Técnicas y los Técnicos de
    /// Atención y Orientación): its walls open with the técnicas' recognition. Its name is the vocabulary's
    /// <c>RecognitionDay</c>. None when the profile names no such day.
    /// </summary>
    public MonthDay? RecognitionDay { get; init; }

    /// <summary>Whether <paramref name="localDate"/> (on the wall's own calendar) is <see cref="RecognitionDay"/>.</summary>
    public bool IsRecognitionDay(DateOnly localDate) => RecognitionDay is { } d
        && localDate.Month == d.Month && localDate.Day == Math.Min(d.Day, DateTime.DaysInMonth(localDate.Year, d.Month));

    /// <summary>
    /// The institution's own word for <paramref name="key"/> in <paramref name="culture"/> ("es-PE", then "es"), or null
    /// when the profile has none and the reader's word applies.
    /// </summary>
    public string? Word(string key, string culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var dash = culture.IndexOf('-', StringComparison.Ordinal);
        return Vocabulary.GetValueOrDefault(culture)?.GetValueOrDefault(key)
            ?? (dash > 0 ? Vocabulary.GetValueOrDefault(culture[..dash])?.GetValueOrDefault(key) : null);
    }
}
