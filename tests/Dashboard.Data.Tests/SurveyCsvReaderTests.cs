using Dashboard.Core.Catalogue;
using Dashboard.Core.Profiles;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;
using Dashboard.Data.CatalogueImport;

namespace Dashboard.Data.Tests;

/// <summary>The survey import file: every row checked, each problem named by line and column, and no results unless all are good.</summary>
public sealed class SurveyCsvReaderTests
{
    private const string Header = "year,bimester,unitCode,respondents,satisfied,tratoDigno\n";

    [Fact]
    public void Read_GoodFile_AllResults()
    {
        var result = SurveyCsvReader.Read(new StringReader(Header + "2026,6,HGR-JAL-046,120,90,100\n2026,6,HN-REB-001,25,20,22\n"), Fixtures.Index, ReadScope.All);

        Assert.True(result.IsValid);
        Assert.Equal(["HGR-JAL-046", "HN-REB-001"], result.Results!.Select(r => r.UnitCode));
    }

    [Fact]
    public void Read_OneBadRow_NoResultsAndTheRowAndColumnNamed()
    {
        var result = SurveyCsvReader.Read(new StringReader(Header + "2026,6,HGR-JAL-046,120,90,100\n2026,6,HN-REB-001,25,30,22\n2026,x,HN-REB-001,25,20,22\n"),
            Fixtures.Index, ReadScope.All);

        Assert.Null(result.Results);
        Assert.Equal([(3, "satisfied"), (4, "bimester")], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Read_MissingColumn_OneErrorOnTheHeader()
    {
        var error = Assert.Single(SurveyCsvReader.Read(new StringReader("year,bimester,unitCode,respondents\n2026,6,HGR-JAL-046,120\n"), Fixtures.Index, ReadScope.All).Errors);

        Assert.Equal((1, "satisfied,tratoDigno"), (error.Line, error.Column));
    }

    /// <summary>The shipped profiles' questionnaires: IMSS answers 1–5, EsSalud MB/B/R/M/MM.</summary>
    private static SurveyQuestionnaire Questionnaire(Institution institution) => InstitutionProfiles.Current[institution].Survey;

    [Fact]
    public void Read_AnswerColumns_EachHospitalsCountsPerQuestionAndAnswer_AnEmptyCellNotReported()
    {
        var result = SurveyCsvReader.Read(new StringReader(
            "year,bimester,unitCode,respondents,satisfied,tratoDigno,Q:P1:5,Q:P1:4,Q:P1:1,Q:P2:MB\n"
            + "2026,6,HGR-JAL-046,120,90,100,70,30,20,\n"
            + "2026,5,HGR-JAL-046,80,60,70,,,,\n"
            + "2026,6,HN-REB-001,40,30,35,,,,38\n"), Fixtures.Index, ReadScope.All, Questionnaire);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal([("P1", "5", 70), ("P1", "4", 30), ("P1", "1", 20)], result.Results![0].Answers.Select(a => (a.Question, a.Answer, a.Count)));
        Assert.Empty(result.Results[1].Answers);
        // EsSalud's hospital answers on EsSalud's scale (MB = muy bueno).
        Assert.Equal([("P2", "MB", 38)], result.Results[2].Answers.Select(a => (a.Question, a.Answer, a.Count)));
    }

    [Fact]
    public void Read_BadAnswerColumns_EachNamedByLineAndColumn_NoResults()
    {
        var result = SurveyCsvReader.Read(new StringReader(
            "year,bimester,unitCode,respondents,satisfied,tratoDigno,Q:P1:5,Q:P1:4,Q:P9:5,Q:P2:MB\n"
            + "2026,6,HGR-JAL-046,120,90,100,100,30,,\n"
            + "2026,5,HGR-JAL-046,80,60,70,x,,,\n"
            + "2026,4,HGR-JAL-046,80,60,70,,,3,5\n"
            + "2026,6,HN-REB-001,40,30,35,5,,,\n"), Fixtures.Index, ReadScope.All, Questionnaire);

        Assert.Null(result.Results);
        Assert.Equal(
            [(2, "Q:P1"), (3, "Q:P1:5"), (4, "Q:P2:MB"), (4, "Q:P9:5"), (5, "Q:P1:5")],
            result.Errors.Select(e => (e.Line, e.Column)).Order());
        Assert.Contains("more than the respondents (120)", result.Errors.Single(e => e.Line == 2).Message, StringComparison.Ordinal);
        Assert.Contains("not a question", result.Errors.Single(e => e.Column == "Q:P9:5").Message, StringComparison.Ordinal);
        // Each hospital is checked against its own institution's scale: MB is EsSalud's, 5 is IMSS's.
        Assert.Contains("not an answer", result.Errors.Single(e => e.Column == "Q:P2:MB").Message, StringComparison.Ordinal);
        Assert.Contains("not an answer", result.Errors.Single(e => e.Line == 5).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnswerColumnWithoutQuestionAndAnswer_AnErrorOnTheHeader()
    {
        var error = Assert.Single(SurveyCsvReader.Read(new StringReader(
            "year,bimester,unitCode,respondents,satisfied,tratoDigno,Q:P1\n2026,6,HGR-JAL-046,120,90,100,5\n"), Fixtures.Index, ReadScope.All, Questionnaire).Errors);

        Assert.Equal((1, "Q:P1"), (error.Line, error.Column));
    }
}
