using Dapper;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>Users, tokens, keys, the audit log and retention behave the same on both providers.</summary>
public sealed class AccessStoresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserAccount Director(string name = "Director.Jalisco") =>
        new(Guid.NewGuid(), name, "Dra. Laura Méndez", "laura.mendez@imss.example", "hash-1", Role.Director, ReadScope.ForRegion("IMSS-JAL"), "es-MX", 1, Now, null, null);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Users_AreFoundByNameWhateverTheCaseAndNamesAreUnique(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new AccessStore(db.Connections, db.Sql);
        var user = Director();

        Assert.True(await store.CreateUserAsync(user, Ct));
        Assert.False(await store.CreateUserAsync(Director("director.JALISCO"), Ct));

        var read = await store.ReadUserByNameAsync(" DIRECTOR.jalisco ", Ct);
        Assert.NotNull(read);
        Assert.Equal(user.Id, read.Id);
        Assert.Equal("director.jalisco", read.UserName);
        Assert.Equal(ReadScope.ForRegion("IMSS-JAL"), read.Scope);
        Assert.Equal(Role.Director, read.Role);
        Assert.Equal(1, read.Version);
        Assert.Single(await store.ListUsersAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryChangeThatMustEndSessionsRaisesTheVersion(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new AccessStore(db.Connections, db.Sql);
        var user = Director();
        await store.CreateUserAsync(user, Ct);

        await store.UpdateUserAsync(user.Id, "Dra. Laura Méndez", null, Role.Director, ReadScope.ForUnit("UMF-JAL-023"), Ct);
        await store.SetPasswordAsync(user.Id, "hash-2", Ct);
        await store.SetRevokedAsync(user.Id, Now, Ct);
        await store.SetCultureAsync(user.Id, "en", Ct);

        var read = (await store.ReadUserAsync(user.Id, Ct))!;
        Assert.Equal(4, read.Version);
        Assert.False(read.IsActive);
        Assert.Equal(ReadScope.ForUnit("UMF-JAL-023"), read.Scope);
        Assert.Equal("hash-2", read.PasswordHash);
        Assert.Equal("en", read.Culture);
        Assert.Equal(0, await store.CountActiveAdministratorsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DisplayTokensAndApiKeys_AreFoundByHashAndRevokedOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new AccessStore(db.Connections, db.Sql);
        var token = new DisplayToken(Guid.NewGuid(), "TV sala de espera UMF 23", new string('a', 64), ReadScope.ForUnit("UMF-JAL-023"), "admin", Now, null);
        var key = new ApiKeyRecord(Guid.NewGuid(), "call-center", new string('B', 64), [Permission.Ingest, Permission.Read], ReadScope.ForRegion("IMSS-JAL"), "admin", Now, null);

        await store.CreateDisplayTokenAsync(token, Ct);
        Assert.True(await store.CreateApiKeyAsync(key, Ct));
        Assert.False(await store.CreateApiKeyAsync(key with { Id = Guid.NewGuid(), KeySha256 = new string('c', 64) }, Ct));

        Assert.Equal(token.Id, (await store.ReadDisplayTokenByHashAsync(new string('A', 64), Ct))?.Id);
        var readKey = await store.ReadApiKeyByHashAsync(new string('b', 64), Ct);
        Assert.Equal([Permission.Ingest, Permission.Read], readKey!.Permissions);
        Assert.True(await store.RevokeDisplayTokenAsync(token.Id, Now, Ct));
        Assert.False(await store.RevokeDisplayTokenAsync(token.Id, Now.AddHours(1), Ct));
        Assert.True(await store.RevokeApiKeyAsync(key.Id, Now, Ct));
        Assert.Equal(Now, (await store.ReadDisplayTokenAsync(token.Id, Ct))!.RevokedAt);
        Assert.False((await store.ListApiKeysAsync(Ct)).Single().IsActive);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditLog_RefusesUpdatesAndDeletes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var audit = new AuditStore(db.Connections, db.Sql);
        await audit.AppendAsync(new AuditEntry(Now, "director.jalisco", "Director", "region:IMSS-JAL", AuditAction.CaseViewed, "QJ-1", AuditOutcome.Success, "corr-1"), Ct);

        await using var connection = await db.Connections.OpenAsync(Ct);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE audit_log SET actor = 'nadie'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));

        var entry = Assert.Single(await audit.ListAsync(null, null, 10, Ct));
        Assert.Equal("director.jalisco", entry.Actor);
        Assert.Equal(AuditAction.CaseViewed, entry.Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditLog_ListsEveryAccessToOneInsuredPersonsCases(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var audit = new AuditStore(db.Connections, db.Sql);
        await db.Events.AppendAsync([Opened("QJ-A", "12345678903"), Opened("QJ-B", "12345678903"), Opened("QJ-C", "98765432103")], Now, Context, Ct);
        foreach (var caseId in new[] { "QJ-A", "QJ-B", "QJ-C" })
        {
            await audit.AppendAsync(new AuditEntry(Now, "supervisora", "Supervisor", "all", AuditAction.CaseViewed, caseId, AuditOutcome.Success, "c"), Ct);
        }

        var accesses = await audit.ListForInsuredAsync("12345678903", 100, Ct);

        Assert.Equal(["QJ-B", "QJ-A"], accesses.Select(a => a.CaseId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Retention_ErasesPersonalFieldsOfCasesClosedBeforeTheDateAndKeepsTheRest(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var retention = new PersonalDataPurge(db.Connections, db.Sql);
        var old = Now.AddDays(-400);
        await db.Events.AppendAsync([Opened("QJ-OLD", "12345678903", old), Opened("QJ-OPEN", "23456789017", old)], old, Context, Ct);
        await db.Events.AppendAsync([
            new CaseEvent(Guid.NewGuid(), "QJ-OLD", old.AddHours(1), new NoteAddedData("El derechohabiente Juan Pérez pide cita.")),
            new CaseEvent(Guid.NewGuid(), "QJ-OLD", old.AddHours(2), new CaseResolvedData("Cita otorgada", "Se otorgó cita a Juan Pérez.")),
            new CaseEvent(Guid.NewGuid(), "QJ-OLD", old.AddHours(3), new CaseClosedData(4)),
        ], old, Context, Ct);

        var purged = await retention.PurgePersonalDataAsync(Now.AddDays(-365), Now, 100, Ct);
        var again = await retention.PurgePersonalDataAsync(Now.AddDays(-365), Now, 100, Ct);

        Assert.Equal(["QJ-OLD"], purged);
        Assert.Empty(again);
        Assert.Null((await db.Cases.ReadByIdAsync("QJ-OLD", ReadScope.All, Ct))!.InsuredId);
        Assert.Equal("23456789017", (await db.Cases.ReadByIdAsync("QJ-OPEN", ReadScope.All, Ct))!.InsuredId);
        var log = string.Join("\n", (await db.Events.ReadByCaseAsync("QJ-OLD", ReadScope.All, Ct)).Select(e => e.DataJson));
        Assert.DoesNotContain("12345678903", log);
        Assert.DoesNotContain("Juan Pérez", log);
        Assert.Contains("Cita otorgada", log);
        Assert.Contains("\"satisfaction\":4", log);
        var opened = (CaseOpenedData)CaseEventJson.DeserializeData(CaseEventType.CaseOpened, (await db.Events.ReadByCaseAsync("QJ-OLD", ReadScope.All, Ct))[0].DataJson);
        Assert.Equal("waiting-time", opened.Category);
        Assert.Null(opened.InsuredId);
        // Who made each change is staff or a system, never the insured person: it stays.
        Assert.All(await db.Events.ReadByCaseAsync("QJ-OLD", ReadScope.All, Ct), e => Assert.Equal(ActorKind.Source, e.Actor?.Kind));
    }

    private static CaseEvent Opened(string caseId, string insuredId, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), caseId, at ?? Now.AddHours(-1), new CaseOpenedData("UMF-JAL-023", CaseKind.Complaint, Channel.Module, "waiting-time", Priority.Medium,
            false, "Espera de más de tres horas; el derechohabiente Juan Pérez pide atención.", insuredId, AgentId: "TAO-104233"));
}
