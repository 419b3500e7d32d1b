namespace Dashboard.Core.Surveys;

/// <summary>One answer of a question's distribution: how many chose it, as a share of those who answered the question.</summary>
public sealed record AnswerShare(SurveyScaleOption Option, Proportion Share);

/// <summary>
/// How the respondents of a scope answered one question of their institution's survey: every option of the scale, in
/// the scale's order, with its share of those who answered the question (a Wilson interval; a small sample when fewer
/// than <see cref="Proportion.SmallSample"/> answered it).
/// </summary>
public sealed record QuestionDistribution(string Institution, SurveyQuestion Question, int Answered, IReadOnlyList<AnswerShare> Shares);

/// <summary>The answers of many hospitals pooled per question, as a scope reads them.</summary>
public static class SurveyDistribution
{
    /// <summary>
    /// The distribution of every question of <paramref name="questionnaire"/> over the answers of <paramref name="results"/>
    /// (the hospitals of one institution); a question nobody answered is left out. Answers to questions or options the
    /// questionnaire no longer has (a profile changed after the import) are not counted.
    /// </summary>
    public static IReadOnlyList<QuestionDistribution> Of(string institution, SurveyQuestionnaire questionnaire, IEnumerable<SurveyResult> results)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(results);
        var counts = new Dictionary<(string Question, string Answer), long>();
        foreach (var answer in results.SelectMany(r => r.Answers))
        {
            if (questionnaire.Question(answer.Question) is { } q && questionnaire.Option(answer.Answer) is { } o)
            {
                counts[(q.Code, o.Code)] = counts.GetValueOrDefault((q.Code, o.Code)) + answer.Count;
            }
        }

        var distributions = new List<QuestionDistribution>();
        foreach (var question in questionnaire.Questions)
        {
            var answered = questionnaire.Scale.Sum(o => counts.GetValueOrDefault((question.Code, o.Code)));
            if (answered == 0)
            {
                continue;
            }

            // A scope's pooled answers stay far below int's range (at most 100,000 respondents per hospital and round).
            var total = (int)Math.Min(answered, int.MaxValue);
            distributions.Add(new QuestionDistribution(institution, question, total, questionnaire.Scale
                .Select(o => new AnswerShare(o, Proportion.Wilson((int)Math.Min(counts.GetValueOrDefault((question.Code, o.Code)), total), total)))
                .ToArray()));
        }

        return distributions;
    }
}
