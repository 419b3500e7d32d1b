using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Tests;

/// <summary>Sessions on every configured provider: planned once, opened once, recorded only while open, closed for good.</summary>
public sealed class CommitteeSessionStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASession_IsPlannedOnce_OpenedOnce_RecordedWhileOpen_AndClosedForGood(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await new CommitteeStore(db.Connections, db.Sql).SyncAsync(
            [new Committee("R-IMSS-JAL", Institution.Imss, CommitteeKind.Region, "IMSS-JAL", null, "Comité de Trato Digno · OOAD Jalisco", null)], Ct);
        var member = new UserAccount(Guid.NewGuid(), "mgarcia", "María García Torres", null, null, Role.Director, ReadScope.ForRegion("IMSS-JAL"), null, 1, Fixtures.Now, null, null);
        Assert.True(await new AccessStore(db.Connections, db.Sql).CreateUserAsync(member, Ct));
        var sessions = new CommitteeSessionStore(db.Connections, db.Sql);
        CommitteeSession[] Year() => [.. SessionRules.QuarterlyCalendar(2027).Select(q =>
            new CommitteeSession(Guid.NewGuid(), "R-IMSS-JAL", SessionKind.Ordinary, q.On, q.Title, SessionStatus.Planned, null, [], null, null, null, null))];

        Assert.Equal(4, await sessions.PlanAsync(Year(), Ct));
        Assert.Equal(0, await sessions.PlanAsync(Year(), Ct));
        var first = (await sessions.ReadByCommitteeAsync("R-IMSS-JAL", Ct))[0];
        Assert.Equal((new DateOnly(2027, 3, 18), SessionStatus.Planned), (first.ScheduledOn, first.Status));

        Assert.False(await sessions.RecordAsync(first.Id, [member.Id], "antes de abrir", Ct));
        Assert.True(await sessions.OpenAsync(first.Id, "María García Torres", Fixtures.Now, Ct));
        Assert.False(await sessions.OpenAsync(first.Id, "otra persona", Fixtures.Now, Ct));
        Assert.True(await sessions.RecordAsync(first.Id, [member.Id, member.Id], "Se revisaron las quejas escaladas del trimestre.", Ct));
        Assert.True(await sessions.CloseAsync(first.Id, "María García Torres", Fixtures.Now.AddHours(2), [], Ct));
        Assert.False(await sessions.RecordAsync(first.Id, [], "cambiada después", Ct));
        Assert.False(await sessions.CloseAsync(first.Id, "otra persona", Fixtures.Now.AddHours(3), [], Ct));

        var closed = (await sessions.ReadByIdAsync(first.Id, Ct))!;
        Assert.Equal(SessionStatus.Closed, closed.Status);
        Assert.Equal("Se revisaron las quejas escaladas del trimestre.", closed.Minutes);
        Assert.Equal([member.Id], closed.Attendees);
        Assert.Equal(("María García Torres", Fixtures.Now.AddHours(2)), (closed.ClosedBy, closed.ClosedAt));
        Assert.Equal(("María García Torres", Fixtures.Now), (closed.OpenedBy, closed.OpenedAt));
    }
}
