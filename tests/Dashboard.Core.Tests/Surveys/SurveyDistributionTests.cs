using Dashboard.Core.Surveys;

namespace Dashboard.Core.Tests.Surveys;

/// <summary>A scope's answers per question: the hospitals' counts pooled, each option's share of those who answered.</summary>
public sealed class SurveyDistributionTests
{
    private static readonly SurveyQuestionnaire Imss = new(
        [new("P1", "¿Qué tan satisfecho está con la atención que recibió?", "How satisfied…"), new("P2", "¿El personal lo trató con amabilidad?", "Kindly?"), new("P3", "¿Le explicaron?", "Explained?")],
        [new("5", "Muy satisfecho", "Very satisfied"), new("4", "Satisfecho", "Satisfied"), new("3", "Ni satisfecho ni insatisfecho", "Neither"),
            new("2", "Insatisfecho", "Dissatisfied"), new("1", "Muy insatisfecho", "Very dissatisfied")]);

    private static SurveyResult Hospital(string unit, int respondents, params SurveyAnswer[] answers) =>
        new(new SurveyRound(2026, 6), unit, respondents, respondents / 2, respondents / 2) { Answers = answers };

    [Fact]
    public void Of_TwoHospitals_CountsPooledPerQuestionInTheScalesOrderAndSharesOfThoseWhoAnswered()
    {
        var results = new[]
        {
            Hospital("HGZ-1", 100, new SurveyAnswer("P1", "5", 50), new SurveyAnswer("P1", "4", 30), new SurveyAnswer("P1", "1", 10), new SurveyAnswer("P2", "5", 100)),
            Hospital("HGZ-2", 60, new SurveyAnswer("p1", "5", 10), new SurveyAnswer("P1", "3", 20)),
        };

        var questions = SurveyDistribution.Of("IMSS", Imss, results);

        // P3 nobody answered: left out. P1: 120 answered (10 of HGZ-1's 100 respondents did not answer it).
        Assert.Equal(["P1", "P2"], questions.Select(q => q.Question.Code));
        var p1 = questions[0];
        Assert.Equal(120, p1.Answered);
        Assert.Equal(["5", "4", "3", "2", "1"], p1.Shares.Select(s => s.Option.Code));
        Assert.Equal([60, 30, 20, 0, 10], p1.Shares.Select(s => s.Share.Successes));
        Assert.Equal(0.5, p1.Shares[0].Share.Value, 6);
        Assert.Equal(Proportion.Wilson(60, 120), p1.Shares[0].Share);
        Assert.Equal("IMSS", p1.Institution);
        Assert.Equal(1.0, questions[1].Shares[0].Share.Value, 6);
    }

    [Fact]
    public void Of_FewAnswers_EveryShareIsASmallSample()
    {
        var question = Assert.Single(SurveyDistribution.Of("IMSS", Imss, [Hospital("HGZ-1", 12, new SurveyAnswer("P1", "5", 9), new SurveyAnswer("P1", "2", 3))]));

        Assert.Equal(12, question.Answered);
        Assert.All(question.Shares, s => Assert.True(s.Share.IsSmallSample));
    }

    [Fact]
    public void Of_AnswersTheProfileNoLongerHas_AreNotCounted()
    {
        var question = Assert.Single(SurveyDistribution.Of("IMSS", Imss, [Hospital("HGZ-1", 100, new SurveyAnswer("P1", "5", 40), new SurveyAnswer("P1", "6", 20), new SurveyAnswer("P9", "5", 30))]));

        Assert.Equal(40, question.Answered);
    }

    [Fact]
    public void Of_NoQuestionnaire_Nothing() =>
        Assert.Empty(SurveyDistribution.Of("IMSS", SurveyQuestionnaire.None, [Hospital("HGZ-1", 100, new SurveyAnswer("P1", "5", 40))]));
}
