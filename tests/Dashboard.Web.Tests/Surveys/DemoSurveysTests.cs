using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;
using Dashboard.Web.Surveys;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Surveys;

/// <summary>The demo's surveys: a year of valid results with answers on each institution's scale, the current bimester still coming in.</summary>
public sealed class DemoSurveysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Seed_AYearOfResultsThatPassTheImportsRules_WithGapsAndSmallSamplesInTheCurrentBimester()
    {
        var catalogue = Dashboard.Simulator.Catalogue.DemoCatalogue.Build();
        var store = new InMemorySurveys(catalogue);

        await DemoSurveys.SeedAsync(store, catalogue, Now, TestContext.Current.CancellationToken);

        var current = new SurveyRound(2026, 6);
        Assert.Equal(current.LastRounds(SurveyService.TrendRounds), store.Results.Select(r => r.Round).Distinct().Order());
        Assert.Empty(SurveyRules.Validate(store.Results, new CatalogueIndex(catalogue), ReadScope.All, SurveyService.Questionnaire));
        var hospitals = catalogue.Units.Count(u => SurveyRules.IsHospital(u.Type));
        var now = store.Results.Where(r => r.Round == current).ToArray();
        Assert.InRange(now.Length, hospitals * 3 / 4, hospitals - 1);
        Assert.Equal(hospitals, store.Results.Count(r => r.Round == current.Previous()));
        Assert.Contains(now, r => r.Satisfaction.IsSmallSample);
        Assert.All(store.Results, r => Assert.NotEmpty(r.Answers));
        // EsSalud's hospitals answer on EsSalud's scale.
        var essalud = catalogue.Units.First(u => u.Institution == Institution.EsSalud && SurveyRules.IsHospital(u.Type)).Code;
        Assert.Contains(store.Results.First(r => r.UnitCode == essalud).Answers, a => a.Answer == "MB");

        // A second start leaves loaded results alone.
        var before = store.Results.Count;
        await DemoSurveys.SeedAsync(store, catalogue, Now, TestContext.Current.CancellationToken);
        Assert.Equal(before, store.Results.Count);
    }
}
