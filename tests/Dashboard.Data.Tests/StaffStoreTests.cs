using Dashboard.Core.Staff;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Tests;

/// <summary>
/// The staff roster on every configured provider: one person per institution and staff number (a second import updates
/// them), the latest certification counts, sessions are added and never removed, and every read is within the scope.
/// </summary>
public sealed class StaffStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StaffRecord Record(string unit, string number, string name, string role = "pharmacy", StaffCertification? certification = null, params int[] sessions) =>
        new(new StaffMember(unit, number, name, role), certification, sessions);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_SecondImport_UpdatesThePersonAddsSessionsAndTheLatestCertificationCounts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new StaffStore(db.Connections, db.Sql);
        var first = new StaffCertification(new DateOnly(2024, 3, 1), new DateOnly(2026, 3, 1));
        var renewed = new StaffCertification(new DateOnly(2026, 2, 20), new DateOnly(2028, 2, 20));

        await store.SaveAsync([Record("UMF-JAL-023", "98765432", "Ana Lucía Ramírez", StaffRules.AttentionTechnician, first, 1, 2) with
        {
            Member = new StaffMember("UMF-JAL-023", "98765432", "Ana Lucía Ramírez", StaffRules.AttentionTechnician, "TAO-104233"),
        }], Ct);
        await store.SaveAsync([Record("HGR-JAL-046", "98765432", "Ana Lucía Ramírez Soto", StaffRules.AttentionTechnician, renewed, 2, 3)], Ct);

        var stored = Assert.Single(await store.ReadAsync(ReadScope.All, cancellationToken: Ct));
        Assert.Equal(new StaffMember("HGR-JAL-046", "98765432", "Ana Lucía Ramírez Soto", StaffRules.AttentionTechnician), stored.Member);
        Assert.Equal(("Imss", "IMSS-JAL"), (stored.Institution, stored.RegionCode));
        Assert.Equal(renewed, stored.Certification);
        Assert.Equal([1, 2, 3], stored.Sessions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_SameNumberInTwoInstitutions_TwoPeople(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new StaffStore(db.Connections, db.Sql);

        await store.SaveAsync([Record("UMF-JAL-023", "1001", "Ana Ramírez"), Record("HN-REB-001", "1001", "Rosa Quispe")], Ct);

        var all = await store.ReadAsync(ReadScope.All, cancellationToken: Ct);
        Assert.Equal(["Ana Ramírez", "Rosa Quispe"], all.Select(s => s.Member.Name).Order(StringComparer.Ordinal));
        Assert.All(all, s => Assert.Null(s.Certification));
        Assert.All(all, s => Assert.Empty(s.Sessions));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAsync_ScopeAndFilters_NeverAnotherRegionsStaff(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new StaffStore(db.Connections, db.Sql);
        await store.SaveAsync(
        [
            Record("UMF-JAL-023", "1001", "Ana Ramírez"),
            Record("HGR-JAL-046", "1002", "Carmen López"),
            Record("UMF-NL-015", "1003", "Luis Garza"),
            Record("HN-REB-001", "E-1", "Rosa Quispe"),
        ], Ct);

        async Task<string[]> Numbers(ReadScope scope, string? region = null, string? unit = null) =>
            (await store.ReadAsync(scope, region, unit, Ct)).Select(s => s.Member.StaffNumber).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["1001", "1002", "1003", "E-1"], await Numbers(ReadScope.All));
        Assert.Equal(["1001", "1002"], await Numbers(ReadScope.ForRegion("IMSS-JAL")));
        // A filter narrows the scope, never widens it.
        Assert.Empty(await Numbers(ReadScope.ForRegion("IMSS-JAL"), region: "IMSS-NL"));
        Assert.Equal(["1001", "1002", "1003"], await Numbers(ReadScope.ForInstitution("Imss")));
        Assert.Equal(["1002"], await Numbers(ReadScope.ForUnit("HGR-JAL-046")));
        Assert.Equal(["1001"], await Numbers(ReadScope.All, unit: "UMF-JAL-023"));
    }
}
