using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Tests;

/// <summary>Survey results on every configured provider: one per hospital and round (a second import replaces it), read by rounds within the scope.</summary>
public sealed class SurveyStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_SameHospitalAndRound_ReplacesTheResult(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SurveyStore(db.Connections, db.Sql);
        var round = new SurveyRound(2026, 5);

        await store.SaveAsync([new SurveyResult(round, "HGR-JAL-046", 120, 90, 100)], Ct);
        await store.SaveAsync([new SurveyResult(round, "HGR-JAL-046", 125, 95, 101)], Ct);

        var stored = Assert.Single(await store.ReadAsync(round, round, ReadScope.All, cancellationToken: Ct));
        Assert.Equal(new SurveyResult(round, "HGR-JAL-046", 125, 95, 101), stored.Result);
        Assert.Equal(("IMSS-JAL", "Imss"), (stored.RegionCode, stored.Institution));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_AnswersPerQuestion_RoundTripAndAreReplacedWithTheirResult(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SurveyStore(db.Connections, db.Sql);
        var round = new SurveyRound(2026, 5);

        await store.SaveAsync([new SurveyResult(round, "HGR-JAL-046", 120, 90, 100)
        {
            Answers = [new("P1", "5", 70), new("P1", "4", 20), new("P2", "1", 3)],
        }], Ct);
        var first = Assert.Single(await store.ReadAsync(round, round, ReadScope.All, withAnswers: true, cancellationToken: Ct));
        Assert.Equal([new SurveyAnswer("P1", "4", 20), new SurveyAnswer("P1", "5", 70), new SurveyAnswer("P2", "1", 3)], first.Result.Answers);

        await store.SaveAsync([new SurveyResult(round, "HGR-JAL-046", 125, 95, 101) { Answers = [new("P3", "2", 10)] }], Ct);
        var second = Assert.Single(await store.ReadAsync(round, round, ReadScope.All, withAnswers: true, cancellationToken: Ct));
        Assert.Equal([new SurveyAnswer("P3", "2", 10)], second.Result.Answers);

        await store.SaveAsync([new SurveyResult(round, "HGR-JAL-046", 125, 95, 101)], Ct);
        Assert.Empty(Assert.Single(await store.ReadAsync(round, round, ReadScope.All, withAnswers: true, cancellationToken: Ct)).Result.Answers);
        Assert.Empty(await store.ReadAsync(round, round, ReadScope.ForInstitution("EsSalud"), cancellationToken: Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAsync_ScopeAndRounds_OnlyTheScopesResultsOfThoseRounds(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SurveyStore(db.Connections, db.Sql);
        await store.SaveAsync(
        [
            new SurveyResult(new SurveyRound(2026, 4), "HGR-JAL-046", 80, 60, 70),
            new SurveyResult(new SurveyRound(2026, 5), "HGR-JAL-046", 120, 90, 100),
            new SurveyResult(new SurveyRound(2026, 5), "HN-REB-001", 200, 150, 170),
            new SurveyResult(new SurveyRound(2026, 6), "HN-REB-001", 210, 160, 180),
        ], Ct);
        var from = new SurveyRound(2026, 5);
        var to = new SurveyRound(2026, 6);

        Assert.Equal(3, (await store.ReadAsync(from, to, ReadScope.All, cancellationToken: Ct)).Count);
        Assert.Equal(["HGR-JAL-046"], (await store.ReadAsync(from, to, ReadScope.ForRegion("IMSS-JAL"), cancellationToken: Ct)).Select(r => r.Result.UnitCode));
        Assert.Equal([5, 6], (await store.ReadAsync(from, to, ReadScope.ForInstitution("EsSalud"), cancellationToken: Ct)).Select(r => r.Result.Round.Bimester));
        Assert.Empty(await store.ReadAsync(from, to, ReadScope.ForUnit("UMF-JAL-023"), cancellationToken: Ct));
        Assert.Empty(await store.ReadAsync(from, to, ReadScope.ForRegion("IMSS-JAL"), regionCode: "ESS-REB", cancellationToken: Ct));
        Assert.Equal(["HN-REB-001"], (await store.ReadAsync(from, from, ReadScope.All, unitCode: "HN-REB-001", cancellationToken: Ct)).Select(r => r.Result.UnitCode));
    }
}
