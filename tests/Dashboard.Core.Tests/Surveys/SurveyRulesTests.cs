using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;

namespace Dashboard.Core.Tests.Surveys;

public sealed class SurveyRulesTests
{
    private static readonly CatalogueIndex Catalogue = new(new CatalogueSnapshot(
        [
            new Region("IMSS-JAL", "OOAD Jalisco", Institution.Imss, "America/Mexico_City"),
            new Region("ESS-REB", "Red Prestacional Rebagliati", Institution.EsSalud, "America/Lima"),
        ],
        [
            new Unit("UMF-JAL-023", "UMF No. 23 Guadalajara", UnitType.Umf, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 4),
            new Unit("HGR-JAL-046", "HGR No. 46 Guadalajara", UnitType.Hgr, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 18),
            new Unit("HN-REB-001", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional, "ESS-REB", Institution.EsSalud, "America/Lima", 40),
        ], [], []));

    private static readonly SurveyRound Round = new(2026, 6);

    private static readonly SurveyQuestionnaire Imss = new(
        [new("P1", "¿Qué tan satisfecho está?", "How satisfied are you?"), new("P2", "¿Lo trataron con respeto?", "Were you treated with respect?")],
        [new("5", "Muy satisfecho", "Very satisfied"), new("1", "Muy insatisfecho", "Very dissatisfied")]);

    [Fact]
    public void Validate_AnswersOnTheInstitutionsScale_NoErrors_UnknownQuestionAnswerAndOverRespondentsAreNamed()
    {
        SurveyQuestionnaire Of(Institution i) => i == Institution.Imss ? Imss : SurveyQuestionnaire.None;
        var good = new SurveyResult(Round, "HGR-JAL-046", 10, 8, 9) { Answers = [new("P1", "5", 7), new("P1", "1", 3), new("P2", "5", 2)] };
        Assert.Empty(SurveyRules.Validate([good], Catalogue, ReadScope.All, Of));

        var bad = new SurveyResult(Round, "HGR-JAL-046", 10, 8, 9) { Answers = [new("P9", "5", 1), new("P1", "3", 1), new("P2", "5", 8), new("P2", "1", 3)] };
        var errors = SurveyRules.Validate([bad], Catalogue, ReadScope.All, Of);

        Assert.Equal(["Q:P9:5", "Q:P1:3", "Q:P2"], errors.Select(e => e.Field));
        Assert.Contains("more than the respondents (10)", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodResults_NoErrors()
    {
        var errors = SurveyRules.Validate(
            [new SurveyResult(Round, "HGR-JAL-046", 120, 90, 120), new SurveyResult(Round, "HN-REB-001", 12, 0, 0), new SurveyResult(Round.Previous(), "HGR-JAL-046", 1, 1, 1)],
            Catalogue, ReadScope.All);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(2026, 7, "HGR-JAL-046", 10, 5, 5, "bimester")]
    [InlineData(1999, 1, "HGR-JAL-046", 10, 5, 5, "year")]
    [InlineData(2026, 1, "HGR-XXX-999", 10, 5, 5, "unitCode")]
    [InlineData(2026, 1, "UMF-JAL-023", 10, 5, 5, "unitCode")]
    [InlineData(2026, 1, "HGR-JAL-046", 0, 0, 0, "respondents")]
    [InlineData(2026, 1, "HGR-JAL-046", 10, 11, 5, "satisfied")]
    [InlineData(2026, 1, "HGR-JAL-046", 10, 5, -1, "tratoDigno")]
    public void Validate_OneBadValue_NamesItsField(int year, int bimester, string unit, int respondents, int satisfied, int tratoDigno, string field)
    {
        var error = Assert.Single(SurveyRules.Validate([new SurveyResult(new SurveyRound(year, bimester), unit, respondents, satisfied, tratoDigno)], Catalogue, ReadScope.All));

        Assert.Equal((0, field), (error.Index, error.Field));
    }

    [Fact]
    public void Validate_SameHospitalTwiceInARound_TheSecondIsAnError()
    {
        var error = Assert.Single(SurveyRules.Validate(
            [new SurveyResult(Round, "HGR-JAL-046", 120, 90, 100), new SurveyResult(Round, "HGR-JAL-046", 100, 80, 90)], Catalogue, ReadScope.All));

        Assert.Equal((1, "unitCode"), (error.Index, error.Field));
    }

    [Fact]
    public void Validate_HospitalOutsideTheWritersScope_AnsweredAsUnknown()
    {
        var error = Assert.Single(SurveyRules.Validate([new SurveyResult(Round, "HN-REB-001", 120, 90, 100)], Catalogue, ReadScope.ForInstitution("Imss")));

        Assert.Equal("'HN-REB-001' is not a unit of the catalogue", error.Message);
    }

    [Fact]
    public void LastRounds_CrossesTheYear_OldestFirst()
    {
        Assert.Equal([new SurveyRound(2026, 5), new SurveyRound(2026, 6), new SurveyRound(2027, 1)], new SurveyRound(2027, 1).LastRounds(3));
        Assert.Equal(new SurveyRound(2026, 6), SurveyRound.Of(new DateOnly(2026, 12, 4)));
        Assert.Equal(new SurveyRound(2027, 1), SurveyRound.Of(new DateOnly(2027, 2, 28)));
    }
}
