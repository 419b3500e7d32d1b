using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Tests;

/// <summary>Attention volumes on every configured provider: one per unit and month (a second import replaces it), read by months within the scope.</summary>
public sealed class AttentionVolumeStoreTests
{
    private static readonly DateOnly May = new(2026, 5, 1);
    private static readonly DateOnly June = new(2026, 6, 1);
    private static readonly DateTimeOffset At = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_SameUnitAndMonth_ReplacesTheVolumeAndWhoLoadedIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new AttentionVolumeStore(db.Connections, db.Sql);

        await store.SaveAsync([new AttentionVolume("HGR-JAL-046", May, 41_200)], "admin", At, Ct);
        await store.SaveAsync([new AttentionVolume("HGR-JAL-046", May, 41_950)], "otra", At.AddDays(1), Ct);

        var stored = Assert.Single(await store.ReadAsync(May, May, ReadScope.All, cancellationToken: Ct));
        Assert.Equal(new AttentionVolume("HGR-JAL-046", May, 41_950), stored.Volume);
        Assert.Equal(("IMSS-JAL", "Imss", "otra", At.AddDays(1)), (stored.RegionCode, stored.Institution, stored.ImportedBy, stored.ImportedAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAsync_ScopeAndMonths_OnlyTheScopesVolumesOfThoseMonths(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new AttentionVolumeStore(db.Connections, db.Sql);
        await store.SaveAsync(
        [
            new AttentionVolume("HGR-JAL-046", May.AddMonths(-1), 40_000),
            new AttentionVolume("HGR-JAL-046", May, 41_000),
            new AttentionVolume("HN-REB-001", May, 60_000),
            new AttentionVolume("HN-REB-001", June, 0),
        ], "admin", At, Ct);

        // Any day of the last month reaches it.
        Assert.Equal(3, (await store.ReadAsync(May, new DateOnly(2026, 6, 30), ReadScope.All, cancellationToken: Ct)).Count);
        Assert.Equal(["HGR-JAL-046"], (await store.ReadAsync(May, June, ReadScope.ForRegion("IMSS-JAL"), cancellationToken: Ct)).Select(r => r.Volume.UnitCode));
        Assert.Equal([60_000, 0], (await store.ReadAsync(May, June, ReadScope.ForInstitution("EsSalud"), cancellationToken: Ct)).Select(r => r.Volume.Attentions));
        Assert.Empty(await store.ReadAsync(May, June, ReadScope.ForUnit("UMF-JAL-023"), cancellationToken: Ct));
        Assert.Empty(await store.ReadAsync(May, June, ReadScope.ForRegion("IMSS-JAL"), regionCode: "ESS-REB", cancellationToken: Ct));
        Assert.Equal([June], (await store.ReadAsync(June, June, ReadScope.All, unitCode: "HN-REB-001", cancellationToken: Ct)).Select(r => r.Volume.Month));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_ABatchFailingHalfway_StoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new AttentionVolumeStore(db.Connections, db.Sql);

        // A negative count passes no rule here on purpose: the table's own check refuses it, and the batch with it.
        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync([new AttentionVolume("HGR-JAL-046", May, 41_000), new AttentionVolume("HN-REB-001", May, -1)], "admin", At, Ct));

        Assert.Empty(await store.ReadAsync(May, May, ReadScope.All, cancellationToken: Ct));
    }
}
