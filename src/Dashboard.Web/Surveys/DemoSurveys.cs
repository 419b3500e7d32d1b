using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;

namespace Dashboard.Web.Surveys;

/// <summary>
/// The demo's perception surveys, so its survey page, overview and walls have figures: the last year of bimesters for
/// every hospital of the catalogue, with answers per question on each institution's scale. The current bimester is
/// still coming in (every seventh hospital has not reported), and a few small hospitals answer fewer than 30 people,
/// so coverage gaps and small samples show. Deterministic; nothing is written when results are already loaded.
/// </summary>
public static class DemoSurveys
{
    public static async Task SeedAsync(ISurveyStore store, CatalogueSnapshot catalogue, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        var rounds = SurveyRound.Of(DateOnly.FromDateTime(now.UtcDateTime)).LastRounds(SurveyService.TrendRounds);
        if ((await store.ReadAsync(rounds[0], rounds[^1], ReadScope.All, cancellationToken: cancellationToken)).Count > 0)
        {
            return;
        }

        var hospitals = catalogue.Units.Where(u => SurveyRules.IsHospital(u.Type)).OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();
        var results = new List<SurveyResult>();
        foreach (var round in rounds)
        {
            for (var i = 0; i < hospitals.Length; i++)
            {
                if (round == rounds[^1] && i % 7 == 3)
                {
                    continue;
                }

                results.Add(Result(hospitals[i], round, SurveyService.Questionnaire(hospitals[i].Institution)));
            }
        }

        await store.SaveAsync(results, cancellationToken);
    }

    private static SurveyResult Result(Unit hospital, SurveyRound round, SurveyQuestionnaire questionnaire)
    {
        var random = new Random(Code(hospital.Code) ^ round.Key);
        // Most hospitals survey a few hundred people a bimester; about one in nine fewer than 30 (a small sample).
        var respondents = Code(hospital.Code) % 9 == 0 ? 18 + random.Next(10) : 40 + hospital.Size * 6 + random.Next(60);
        var satisfaction = 0.68 + (Code(hospital.Code) & 0xFF) / 255.0 * 0.2 + (random.NextDouble() - 0.5) * 0.06;
        var satisfied = (int)Math.Round(respondents * Math.Clamp(satisfaction, 0, 1));
        var tratoDigno = (int)Math.Round(respondents * Math.Clamp(satisfaction + 0.06, 0, 1));
        var answers = new List<SurveyAnswer>();
        for (var q = 0; q < questionnaire.Questions.Count; q++)
        {
            // A few leave a question blank; waiting time (the fourth question) pleases fewer than the rest.
            var answered = respondents - random.Next(Math.Max(1, respondents / 20));
            var good = Math.Clamp(satisfaction - (q == 3 ? 0.18 : 0) + (random.NextDouble() - 0.5) * 0.08, 0.05, 0.98);
            answers.AddRange(Spread(questionnaire, questionnaire.Questions[q].Code, answered, good));
        }

        return new SurveyResult(round, hospital.Code, respondents, satisfied, tratoDigno) { Answers = answers };
    }

    /// <summary><paramref name="answered"/> answers over the scale (best option first): <paramref name="good"/> of them on the two best options, the rest falling off.</summary>
    private static IEnumerable<SurveyAnswer> Spread(SurveyQuestionnaire questionnaire, string question, int answered, double good)
    {
        var scale = questionnaire.Scale;
        var weights = new double[scale.Count];
        for (var i = 0; i < scale.Count; i++)
        {
            weights[i] = i switch
            {
                0 => good * 0.55,
                1 => good * 0.45,
                _ => (1 - good) * Math.Pow(0.6, i - 2) / Enumerable.Range(0, Math.Max(1, scale.Count - 2)).Sum(k => Math.Pow(0.6, k)),
            };
        }

        var counts = weights.Select(w => (int)Math.Floor(w * answered)).ToArray();
        counts[Math.Min(2, counts.Length - 1)] += answered - counts.Sum();
        return scale.Select((o, i) => new SurveyAnswer(question, o.Code, counts[i]));
    }

    /// <summary>A hospital's own stable, non-negative number: its size of sample and level of satisfaction.</summary>
    private static int Code(string code) => Simulation.DemoHash.Of(code) & 0x7FFFFFFF;
}
