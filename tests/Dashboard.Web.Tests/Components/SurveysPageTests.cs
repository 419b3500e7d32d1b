using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Surveys;
using Dashboard.Web.Tests.Indicators;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

public sealed class SurveysPageTests : PageTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);
    private static readonly SurveyRound Round = new(2026, 6);

    private static readonly Unit[] Jalisco =
        [.. TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && SurveyRules.IsHospital(u.Type)).OrderBy(u => u.Name, StringComparer.CurrentCulture)];

    private readonly InMemorySurveys _store = new();

    public SurveysPageTests()
    {
        Services.AddSingleton<ISurveyStore>(_store);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddSingleton<SurveyService>();
    }

    [Fact]
    public void Render_OneHospitalMissingAndOneSmallSample_CoverageNamesItAndTheSmallSampleShowsOnlyItsInterval()
    {
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"));
        _store.Results.AddRange(Jalisco.Skip(2).Select(u => new SurveyResult(Round, u.Code, 120, 96, 108)));
        _store.Results.Add(new SurveyResult(Round, Jalisco[1].Code, 12, 6, 9));
        _store.Results.Add(new SurveyResult(Round.Previous(), Jalisco[1].Code, 100, 70, 80));

        var cut = Render<SurveysPage>();

        Assert.Equal("Encuestas de percepción", cut.Find("h1").TextContent);
        Assert.Contains("derechohabientes", cut.Find("h1 + *").TextContent, StringComparison.Ordinal);
        Assert.Contains(Jalisco[0].Name, cut.Find("[data-testid=survey-missing]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Jalisco[1].Name, cut.Find("[data-testid=survey-missing]").TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Jalisco.Length - 1} de {Jalisco.Length} hospitales", cut.Find("[data-testid=survey-coverage]").TextContent, StringComparison.Ordinal);
        var rows = cut.FindAll("[data-testid=survey-result]");
        Assert.Equal(Jalisco.Length - 1, rows.Count);
        var small = rows.Single(r => r.TextContent.Contains(Jalisco[1].Name, StringComparison.Ordinal)).TextContent;
        Assert.Contains("muestra pequeña (12): 25–75 %", small, StringComparison.Ordinal);
        Assert.DoesNotContain("50 %", small, StringComparison.Ordinal);
        Assert.Contains("80 % (72–86 %)", rows.First(r => !r.TextContent.Contains(Jalisco[1].Name, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        // The trend: her OOAD and each hospital (no "national" line repeating her OOAD's figure); last bimester's 70 % beside this one's.
        var trend = cut.FindAll("[data-testid=survey-trend-row]").Select(r => r.TextContent).ToArray();
        Assert.StartsWith("OOAD Jalisco", trend[0], StringComparison.Ordinal);
        Assert.DoesNotContain(trend, t => t.Contains("Nacional", StringComparison.Ordinal));
        Assert.Contains("70 % (60–78 %)", trend.Single(t => t.StartsWith(Jalisco[1].Name, StringComparison.Ordinal)), StringComparison.Ordinal);
        // A director reads; only administrators import.
        Assert.Empty(cut.FindAll("[data-testid=survey-import]"));
        Assert.DoesNotContain(Jalisco[0].Code, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FileWithABadRow_ErrorsBesideTheUploadAndNothingStored_ThenAGoodFileIsShown()
    {
        var cut = Render<SurveysPage>();
        const string Header = "year,bimester,unitCode,respondents,satisfied,tratoDigno\n";

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            Header + $"2026,6,{Jalisco[0].Code},120,96,100\n2026,6,{Jalisco[1].Code},50,60,40\n", "encuestas.csv"));

        cut.WaitForAssertion(() => Assert.Contains("Línea 3, columna satisfied: debe estar entre 0 y el número de encuestados (50)",
            cut.Find("[data-testid=survey-import-errors]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_store.Results);
        Assert.Equal(AuditOutcome.Failed, Assert.Single(AuditLog.Entries).Outcome);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Header + $"2026,6,{Jalisco[0].Code},120,96,100\n", "encuestas.csv"));

        cut.WaitForAssertion(() => Assert.Contains("Se guardaron 1 resultados", cut.Find("[data-testid=survey-import-done]").TextContent, StringComparison.Ordinal));
        Assert.Single(_store.Results);
        Assert.Equal(("laura.mendez", AuditOutcome.Success, "survey results: 1 stored"), (AuditLog.Entries[^1].Actor, AuditLog.Entries[^1].Outcome, AuditLog.Entries[^1].Detail));
        Assert.Empty(cut.FindAll("[data-testid=survey-import-errors]"));
        Assert.Contains(Jalisco[0].Name, cut.Find("[data-testid=survey-results]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnswersPerQuestion_TheOOADsSharesInTheScalesWordsAndASmallQuestionMarked()
    {
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"));
        _store.Results.Add(new SurveyResult(Round, Jalisco[0].Code, 120, 96, 108)
        {
            Answers = [new("P1", "5", 60), new("P1", "4", 40), new("P1", "2", 20), new("P3", "5", 10)],
        });
        _store.Results.Add(new SurveyResult(Round, Jalisco[1].Code, 80, 60, 70) { Answers = [new("P1", "5", 20), new("P1", "4", 20), new("P3", "1", 2)] });

        var cut = Render<SurveysPage>();

        var table = cut.Find("[data-testid=survey-answers]");
        Assert.Contains("Muy satisfecho", table.TextContent, StringComparison.Ordinal);
        Assert.Contains("Muy insatisfecho", table.TextContent, StringComparison.Ordinal);
        var rows = cut.FindAll("[data-testid=survey-question]");
        Assert.Equal(2, rows.Count);
        // P1: 160 answered, 80 "muy satisfecho" = 50 % with its interval beneath.
        Assert.StartsWith("¿Qué tan satisfecho está con la atención", rows[0].QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("160", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("50 %", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(SurveyFormat.Range(Proportion.Wilson(80, 160)), rows[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=survey-small-sample]"));
        // P3: 12 answered — marked, and its shares only as intervals (never a bare 83 %).
        Assert.NotNull(rows[1].QuerySelector("[data-testid=survey-small-sample]"));
        Assert.DoesNotContain("83 %", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(SurveyFormat.Range(Proportion.Wilson(10, 12)), rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ResultsWithoutAnswers_SaysSoInsteadOfAnEmptyTable()
    {
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"));
        _store.Results.Add(new SurveyResult(Round, Jalisco[0].Code, 120, 96, 108));

        var cut = Render<SurveysPage>();

        Assert.Empty(cut.FindAll("[data-testid=survey-answers]"));
        Assert.Contains("no traen respuestas por pregunta", cut.Find("[data-testid=survey-no-answers]").TextContent, StringComparison.Ordinal);
    }
}
