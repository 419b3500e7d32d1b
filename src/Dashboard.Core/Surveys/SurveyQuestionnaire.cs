namespace Dashboard.Core.Surveys;

/// <summary>One option of an institution's answer scale (e.g. code "5", "Muy satisfecho" / "Very satisfied").</summary>
public sealed record SurveyScaleOption(string Code, string Es, string En);

/// <summary>One question of an institution's perception survey (e.g. code "P1").</summary>
public sealed record SurveyQuestion(string Code, string Es, string En);

/// <summary>
/// An institution's perception survey questions and the scale every question is answered on (<c>survey</c> in
/// <c>profile.json</c>). Empty when the profile has none: results then carry no answers per question.
/// </summary>
public sealed record SurveyQuestionnaire(IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<SurveyScaleOption> Scale)
{
    public static SurveyQuestionnaire None { get; } = new([], []);

    public bool IsEmpty => Questions.Count == 0;

    public SurveyQuestion? Question(string code) => Questions.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase));

    public SurveyScaleOption? Option(string code) => Scale.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));
}
