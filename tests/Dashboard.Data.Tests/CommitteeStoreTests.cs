using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Tests;

/// <summary>The committees' store on every configured provider: kept in step with the catalogue, read within the caller's scope.</summary>
public sealed class CommitteeStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Committee[] Plan =
    [
        new("C-IMSS", Institution.Imss, CommitteeKind.Central, null, null, "Comité Central de Trato Digno", null),
        new("R-IMSS-JAL", Institution.Imss, CommitteeKind.Region, "IMSS-JAL", null, "Comité de Trato Digno · OOAD Jalisco", null),
        new("U-UMAE-JAL-01", Institution.Imss, CommitteeKind.Umae, "IMSS-JAL", "UMAE-JAL-01", "Comité de Trato Digno · UMAE CMNO", null),
        new("R-IMSS-NL", Institution.Imss, CommitteeKind.Region, "IMSS-NL", null, "Comité de Trato Digno · OOAD Nuevo León", null),
        new("R-ESS-REB", Institution.EsSalud, CommitteeKind.Region, "ESS-REB", null, "Atención al Asegurado · Red Rebagliati", null),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_AddsAndRenamesButKeepsTheAddress_AndEveryReadStaysInItsScope(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new CommitteeStore(db.Connections, db.Sql);

        await store.SyncAsync(Plan, Ct);
        Assert.True(await store.SetEmailAsync("R-IMSS-JAL", "comite.jal@imss.example", Ct));
        await store.SyncAsync([Plan[1] with { Name = "Comité de Trato Digno · OOAD Jalisco (Guadalajara)" }, .. Plan], Ct);

        async Task<string[]> Codes(ReadScope scope) => (await store.ReadAllAsync(scope, Ct)).Select(c => c.Code).ToArray();
        Assert.Equal(["C-IMSS", "R-IMSS-JAL", "R-IMSS-NL", "U-UMAE-JAL-01", "R-ESS-REB"], await Codes(ReadScope.All));
        Assert.Equal(["C-IMSS", "R-IMSS-JAL", "R-IMSS-NL", "U-UMAE-JAL-01"], await Codes(ReadScope.ForInstitution("Imss")));
        Assert.Equal(["R-IMSS-JAL", "U-UMAE-JAL-01"], await Codes(ReadScope.ForRegion("IMSS-JAL")));
        Assert.Equal(["U-UMAE-JAL-01"], await Codes(ReadScope.ForUnit("UMAE-JAL-01")));
        Assert.Null(await store.ReadByCodeAsync("C-IMSS", ReadScope.ForRegion("IMSS-JAL"), Ct));
        Assert.Null(await store.ReadByCodeAsync("R-IMSS-NL", ReadScope.ForRegion("IMSS-JAL"), Ct));
        var jalisco = await store.ReadByCodeAsync("R-IMSS-JAL", ReadScope.ForRegion("IMSS-JAL"), Ct);
        Assert.Equal(("Comité de Trato Digno · OOAD Jalisco", "comite.jal@imss.example"), (jalisco!.Name, jalisco.Email));
        Assert.Equal(new Dictionary<string, string> { ["R-IMSS-JAL"] = "comite.jal@imss.example" }, await store.ReadEmailsAsync(Ct));
        Assert.False(await store.SetEmailAsync("R-NOPE", "x@imss.example", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Members_AreAddedWithTheirPart_ChangedAndRemoved_OnlyForExistingCommitteesAndUsers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new CommitteeStore(db.Connections, db.Sql);
        await store.SyncAsync(Plan, Ct);
        var access = new AccessStore(db.Connections, db.Sql);
        var secretary = new UserAccount(Guid.NewGuid(), "mgarcia", "María García Torres", null, null, Role.Director, ReadScope.ForRegion("IMSS-JAL"), null, 1, Fixtures.Now, null, null);
        Assert.True(await access.CreateUserAsync(secretary, Ct));

        Assert.True(await store.SetMemberAsync("R-IMSS-JAL", secretary.Id, CommitteeRole.Member, Ct));
        Assert.True(await store.SetMemberAsync("R-IMSS-JAL", secretary.Id, CommitteeRole.TechnicalSecretary, Ct));
        Assert.False(await store.SetMemberAsync("R-NOPE", secretary.Id, CommitteeRole.Member, Ct));
        Assert.False(await store.SetMemberAsync("R-IMSS-JAL", Guid.NewGuid(), CommitteeRole.Member, Ct));

        var member = Assert.Single(await store.ReadMembersAsync("R-IMSS-JAL", Ct));
        Assert.Equal(("mgarcia", "María García Torres", CommitteeRole.TechnicalSecretary), (member.UserName, member.DisplayName, member.Role));
        Assert.True(await store.RemoveMemberAsync("R-IMSS-JAL", secretary.Id, Ct));
        Assert.False(await store.RemoveMemberAsync("R-IMSS-JAL", secretary.Id, Ct));
        Assert.Empty(await store.ReadMembersAsync("R-IMSS-JAL", Ct));
    }
}
