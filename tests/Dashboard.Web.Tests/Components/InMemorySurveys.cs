using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;

namespace Dashboard.Web.Tests.Components;

/// <summary>Survey results in memory, filtered by scope as the store's SQL does.</summary>
internal sealed class InMemorySurveys(Dashboard.Core.Catalogue.CatalogueSnapshot? catalogue = null) : ISurveyStore
{
    private readonly Dashboard.Core.Catalogue.CatalogueSnapshot _catalogue = catalogue ?? TableroFactory.Catalogue;

    public List<SurveyResult> Results { get; } = [];

    public Task SaveAsync(IReadOnlyList<SurveyResult> results, CancellationToken cancellationToken = default)
    {
        foreach (var r in results)
        {
            Results.RemoveAll(x => x.UnitCode == r.UnitCode && x.Round == r.Round);
            Results.Add(r);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredSurveyResult>> ReadAsync(SurveyRound from, SurveyRound to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        bool withAnswers = false, CancellationToken cancellationToken = default)
    {
        var units = _catalogue.Units.ToDictionary(u => u.Code);
        var regions = _catalogue.Regions.ToDictionary(r => r.Code);
        return Task.FromResult<IReadOnlyList<StoredSurveyResult>>(Results
            .Where(r => r.Round >= from && r.Round <= to)
            .Select(r => (Result: r, Unit: units[r.UnitCode]))
            .Where(x => scope.Allows(x.Unit.RegionCode, x.Unit.Code, c => regions[c].Institution.ToString())
                && (regionCode is null || x.Unit.RegionCode == regionCode) && (unitCode is null || x.Unit.Code == unitCode))
            .Select(x => new StoredSurveyResult(withAnswers ? x.Result : x.Result with { Answers = [] }, x.Unit.RegionCode, x.Unit.Institution.ToString())).ToArray());
    }
}
