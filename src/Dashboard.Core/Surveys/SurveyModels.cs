using Dashboard.Core.Catalogue;
using Dashboard.Core.Imports;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Surveys;

/// <summary>
/// A round of the perception survey: one bimester (two months) of a year. IMSS applies it every bimester in all its
/// hospitals; each institution's round is its hospitals' results for that bimester.
/// </summary>
public readonly record struct SurveyRound(int Year, int Bimester) : IComparable<SurveyRound>
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public bool IsValid => Year is >= MinYear and <= MaxYear && Bimester is >= 1 and <= 6;

    /// <summary>Orders rounds in time (year, then bimester) as one number, as the store keeps it.</summary>
    public int Key => Year * 10 + Bimester;

    /// <summary>The first month of the bimester (1, 3, 5, 7, 9, 11).</summary>
    public int FirstMonth => Bimester * 2 - 1;

    public static SurveyRound Of(DateOnly day) => new(day.Year, (day.Month + 1) / 2);

    public SurveyRound Previous() => Bimester == 1 ? new(Year - 1, 6) : new(Year, Bimester - 1);

    /// <summary>This round and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<SurveyRound> LastRounds(int count)
    {
        var rounds = new SurveyRound[Math.Max(0, count)];
        var round = this;
        for (var i = rounds.Length - 1; i >= 0; i--)
        {
            rounds[i] = round;
            round = round.Previous();
        }

        return rounds;
    }

    public int CompareTo(SurveyRound other) => Key.CompareTo(other.Key);

    public static bool operator <(SurveyRound left, SurveyRound right) => left.Key < right.Key;

    public static bool operator <=(SurveyRound left, SurveyRound right) => left.Key <= right.Key;

    public static bool operator >(SurveyRound left, SurveyRound right) => left.Key > right.Key;

    public static bool operator >=(SurveyRound left, SurveyRound right) => left.Key >= right.Key;
}

/// <summary>
/// One hospital's result in a round: how many answered, how many said they were satisfied, and how many rated the
/// treatment as dignified ("trato digno"). Percentages come with their Wilson interval; below 30 answers they are a small sample.
/// </summary>
public sealed record SurveyResult(SurveyRound Round, string UnitCode, int Respondents, int Satisfied, int TratoDigno)
{
    public Proportion Satisfaction => Proportion.Wilson(Satisfied, Respondents);

    public Proportion DignifiedTreatment => Proportion.Wilson(TratoDigno, Respondents);

    /// <summary>How many chose each answer of each question on the institution's scale (empty when the round brought none).</summary>
    public IReadOnlyList<SurveyAnswer> Answers { get; init; } = Array.Empty<SurveyAnswer>();
}

/// <summary>How many of a hospital's respondents chose <paramref name="Answer"/> (a scale option's code) for <paramref name="Question"/>.</summary>
public sealed record SurveyAnswer(string Question, string Answer, int Count);

/// <summary>A stored result with the place it belongs to (its unit's region and institution, as the catalogue has them).</summary>
public sealed record StoredSurveyResult(SurveyResult Result, string RegionCode, string Institution);

/// <summary>A problem with one result of a batch: its position (0-based), the field as the contract names it, and why.</summary>
public sealed record SurveyError(int Index, string Field, ImportText Text)
{
    public string Message => Text.English;
}

/// <summary>
/// The rules a batch of results must meet before anything is stored: a real round, a hospital of the catalogue within
/// the writer's scope, counts between 0 and the respondents, and one result per hospital and round.
/// </summary>
public static class SurveyRules
{
    /// <summary>More answers than any hospital collects in a bimester: a typo, not a survey.</summary>
    public const int MaxRespondents = 100_000;

    /// <summary>The units the survey is applied in: hospitals (IMSS HGZ, HGR, UMAE; EsSalud's hospitals), not family medicine or primary care.</summary>
    public static bool IsHospital(UnitType type) => type is UnitType.Hgz or UnitType.Hgr or UnitType.Umae
        or UnitType.HospitalNacional or UnitType.HospitalBase or UnitType.HospitalII or UnitType.HospitalI;

    /// <summary>Every problem of the batch; empty when all of it may be stored.</summary>
    /// <remarks>
    /// Answers per question are checked against the unit's institution's questionnaire (<paramref name="questionnaires"/>):
    /// the question and answer exist on its scale, the count is 0 or more, and a question's counts add up to at most the respondents.
    /// </remarks>
    public static IReadOnlyList<SurveyError> Validate(IReadOnlyList<SurveyResult> results, CatalogueIndex catalogue, ReadScope writer,
        Func<Institution, SurveyQuestionnaire>? questionnaires = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(writer);
        var errors = new List<SurveyError>();
        var seen = new Dictionary<(SurveyRound, string), int>();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (r.Round.Year is < SurveyRound.MinYear or > SurveyRound.MaxYear)
            {
                errors.Add(new(i, "year", ImportTexts.YearBetween(SurveyRound.MinYear, SurveyRound.MaxYear)));
            }

            if (r.Round.Bimester is < 1 or > 6)
            {
                errors.Add(new(i, "bimester", ImportTexts.Bimester()));
            }

            var unit = string.IsNullOrEmpty(r.UnitCode) ? null : catalogue.FindUnit(r.UnitCode);
            if (unit is null)
            {
                errors.Add(new(i, "unitCode", string.IsNullOrEmpty(r.UnitCode) ? ImportTexts.Required() : ImportTexts.NotAUnit(r.UnitCode)));
            }
            else if (!writer.Allows(unit.RegionCode, unit.Code, catalogue.InstitutionOfRegion))
            {
                // Answered as for a unit that does not exist: a key of one region learns nothing of another's units.
                errors.Add(new(i, "unitCode", ImportTexts.NotAUnit(r.UnitCode)));
            }
            else if (!IsHospital(unit.Type))
            {
                errors.Add(new(i, "unitCode", ImportTexts.NotAHospital(r.UnitCode)));
            }

            if (r.Respondents is < 1 or > MaxRespondents)
            {
                errors.Add(new(i, "respondents", ImportTexts.Between(1, MaxRespondents)));
            }

            var most = Math.Max(0, r.Respondents);
            if (r.Satisfied < 0 || r.Satisfied > most)
            {
                errors.Add(new(i, "satisfied", ImportTexts.AtMostRespondents(most)));
            }

            if (r.TratoDigno < 0 || r.TratoDigno > most)
            {
                errors.Add(new(i, "tratoDigno", ImportTexts.AtMostRespondents(most)));
            }

            if (r.Answers.Count > 0)
            {
                var questionnaire = unit is null ? SurveyQuestionnaire.None : questionnaires?.Invoke(unit.Institution) ?? SurveyQuestionnaire.None;
                var sums = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
                var pairs = new HashSet<(string, string)>();
                foreach (var a in r.Answers)
                {
                    var field = $"Q:{a.Question}:{a.Answer}";
                    if (questionnaire.Question(a.Question) is null)
                    {
                        errors.Add(new(i, field, ImportTexts.NotAQuestion(a.Question)));
                    }
                    else if (questionnaire.Option(a.Answer) is null)
                    {
                        errors.Add(new(i, field, ImportTexts.NotAnAnswer(a.Answer)));
                    }
                    else if (!pairs.Add((a.Question.ToUpperInvariant(), a.Answer.ToUpperInvariant())))
                    {
                        errors.Add(new(i, field, ImportTexts.Repeated()));
                    }

                    if (a.Count < 0)
                    {
                        errors.Add(new(i, field, ImportTexts.NotACount(a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    }

                    sums[a.Question] = sums.GetValueOrDefault(a.Question) + Math.Max(0, a.Count);
                }

                foreach (var (question, sum) in sums)
                {
                    if (sum > most)
                    {
                        errors.Add(new(i, $"Q:{question}", ImportTexts.AnswersAboveRespondents(sum, most)));
                    }
                }
            }

            if (unit is not null)
            {
                if (seen.TryGetValue((r.Round, unit.Code), out var first))
                {
                    errors.Add(new(i, "unitCode", ImportTexts.SurveyTwice(r.UnitCode, r.Round.Year, r.Round.Bimester, first + 1)));
                }
                else
                {
                    seen[(r.Round, unit.Code)] = i;
                }
            }
        }

        return errors;
    }
}

/// <summary>Survey results, stored by hospital and round; a hospital's result for a round replaces the one it had.</summary>
public interface ISurveyStore
{
    /// <summary>Stores every result in one transaction (all or none).</summary>
    Task SaveAsync(IReadOnlyList<SurveyResult> results, CancellationToken cancellationToken = default);

    /// <summary>
    /// The results of the rounds <paramref name="from"/> to <paramref name="to"/> within the scope, narrowed by region and
    /// unit; with their answers per question only when <paramref name="withAnswers"/> (the figures and trends need none).
    /// </summary>
    Task<IReadOnlyList<StoredSurveyResult>> ReadAsync(SurveyRound from, SurveyRound to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        bool withAnswers = false, CancellationToken cancellationToken = default);
}
