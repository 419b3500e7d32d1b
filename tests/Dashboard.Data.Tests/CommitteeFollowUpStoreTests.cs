using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Data.Reads;
using Dashboard.Data.Stores;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// The committees' follow-up on every configured provider: agreements placed in a scope (overdue, per committee, a
/// central original's copies, a period, the cases behind one), brigades with their findings and the one that becomes an
/// agreement, a session's curation and the agenda held at its closing, and the board reads a committee makes.
/// </summary>
public sealed class CommitteeFollowUpStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Committee Central = new("C-IMSS", Institution.Imss, CommitteeKind.Central, null, null, "Comité Central de Trato Digno", null);
    private static readonly Committee Jalisco = new("R-IMSS-JAL", Institution.Imss, CommitteeKind.Region, "IMSS-JAL", null, "Comité · OOAD Jalisco", null);
    private static readonly Committee NuevoLeon = new("R-IMSS-NL", Institution.Imss, CommitteeKind.Region, "IMSS-NL", null, "Comité · OOAD Nuevo León", null);

    private static async Task<(TestDatabase Db, CommitteeSession Session)> SeededAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await new CommitteeStore(db.Connections, db.Sql).SyncAsync([Central, Jalisco, NuevoLeon], Ct);
        var session = new CommitteeSession(Guid.NewGuid(), Jalisco.Code, SessionKind.Ordinary, new DateOnly(2026, 12, 17), "Sesión ordinaria 4.º trimestre 2026",
            SessionStatus.Planned, null, [], null, null, null, null);
        await new CommitteeSessionStore(db.Connections, db.Sql).PlanAsync([session], Ct);
        return (db, session);
    }

    private static Agreement For(CommitteeSession session, string unit, string region, DateOnly due, DateTimeOffset overdueAfter, string committee = "R-IMSS-JAL") =>
        new(Guid.NewGuid(), committee, session.Id, AgreementType.Corrective, $"Acuerdo para {unit}", AgreementOwnerKind.Unit, unit, due, AgreementStatus.Pending, Now, "secretaría")
        {
            Institution = "Imss", RegionCode = region, UnitCode = unit, OverdueAfter = overdueAfter,
        };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Agreements_AreReadInTheirScope_OverdueAfterTheirDay_AndCountedPerCommittee(DatabaseProvider provider)
    {
        var (db, session) = await SeededAsync(provider);
        await using var _ = db;
        var store = new AgreementStore(db.Connections, db.Sql);
        var late = For(session, "UMF-JAL-023", "IMSS-JAL", new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));
        var onTime = For(session, "HGR-JAL-046", "IMSS-JAL", new DateOnly(2027, 1, 31), new DateTimeOffset(2027, 2, 1, 6, 0, 0, TimeSpan.Zero));
        var elsewhere = For(session, "UMF-NL-015", "IMSS-NL", new DateOnly(2026, 11, 1), new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero), "R-IMSS-NL");
        await store.InsertAsync([late], ["QJ-1", "QJ-2", "QJ-1"], [], Ct);
        await store.InsertAsync([onTime], [], [], Ct);
        await store.InsertAsync([elsewhere], [], [], Ct);

        var (items, total) = await store.ReadOverdueAsync(ReadScope.ForRegion("IMSS-JAL"), Now, 10, Ct);
        Assert.Equal((late.Id, 1), (Assert.Single(items).Id, total));
        Assert.Equal(2, (await store.ReadOverdueAsync(ReadScope.ForInstitution("Imss"), Now, 10, Ct)).Total);
        Assert.Equal(0, (await store.ReadOverdueAsync(ReadScope.ForUnit("HGR-JAL-046"), Now, 10, Ct)).Total);
        Assert.Equal(["QJ-1", "QJ-2"], await store.ReadCasesAsync(late.Id, Ct));
        Assert.Equal(late.OverdueAfter, (await store.ReadByIdAsync(late.Id, Ct))!.OverdueAfter);

        var counts = (await store.ReadCountsByCommitteeAsync(ReadScope.ForInstitution("Imss"), Now, Ct)).ToDictionary(c => c.CommitteeCode);
        Assert.Equal((2, 0, 2, 1), (counts["R-IMSS-JAL"].Total, counts["R-IMSS-JAL"].Done, counts["R-IMSS-JAL"].Open, counts["R-IMSS-JAL"].Overdue));
        Assert.Equal(CommitteeCompliance.Overdue, counts["R-IMSS-NL"].Compliance);

        Assert.True(await store.MoveAsync(new AgreementNote(late.Id, Now, "Dirección", AgreementStatus.Done, "Se capacitó al personal."), Ct));
        Assert.Equal(0, (await store.ReadOverdueAsync(ReadScope.ForRegion("IMSS-JAL"), Now, 10, Ct)).Total);
        Assert.Equal(2, (await store.ReadForPeriodAsync(ReadScope.ForRegion("IMSS-JAL"), new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Ct)).Count);

        // Told once: the first mark wins, a second (another instance) changes nothing.
        Assert.Contains(await store.ReadOverdueUnalertedAsync(Now, 10, Ct), a => a.Id == elsewhere.Id);
        Assert.True(await store.MarkOverdueAlertedAsync(elsewhere.Id, Now, Ct));
        Assert.False(await store.MarkOverdueAlertedAsync(elsewhere.Id, Now, Ct));
        Assert.DoesNotContain(await store.ReadOverdueUnalertedAsync(Now, 10, Ct), a => a.Id == elsewhere.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACentralOriginal_HasOneCopyPerCommittee_AndIsNotCountedItself(DatabaseProvider provider)
    {
        var (db, session) = await SeededAsync(provider);
        await using var _ = db;
        var store = new AgreementStore(db.Connections, db.Sql);
        var original = new Agreement(Guid.NewGuid(), Central.Code, session.Id, AgreementType.Preventive, "Replicar la capacitación.", AgreementOwnerKind.Committees, "Imss",
            new DateOnly(2027, 2, 28), AgreementStatus.Pending, Now, "secretaría central") { Institution = "Imss", OverdueAfter = Now.AddDays(-1) };
        var copies = new[] { (Jalisco, "IMSS-JAL"), (NuevoLeon, "IMSS-NL") }.Select(c => original with
        {
            Id = Guid.NewGuid(), CommitteeCode = c.Item1.Code, OwnerKind = AgreementOwnerKind.Region, OwnerCode = c.Item2, ParentId = original.Id, RegionCode = c.Item2,
        }).ToArray();
        await store.InsertAsync([original, .. copies], [], [], Ct);

        Assert.Equal(copies.Select(c => c.Id).Order(), (await store.ReadChildrenAsync(original.Id, Ct)).Select(c => c.Id).Order());
        var overdue = await store.ReadOverdueAsync(ReadScope.ForInstitution("Imss"), Now, 10, Ct);
        Assert.Equal(2, overdue.Total);
        Assert.DoesNotContain(overdue.Items, a => a.Id == original.Id);
        Assert.DoesNotContain(await store.ReadCountsByCommitteeAsync(ReadScope.All, Now, Ct), c => c.CommitteeCode == Central.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABrigade_IsReadInItsScope_AndAFindingTurnedIntoAnAgreementLeavesTheOpenOnes(DatabaseProvider provider)
    {
        var (db, session) = await SeededAsync(provider);
        await using var _ = db;
        var brigades = new BrigadeStore(db.Connections, db.Sql);
        var id = Guid.NewGuid();
        var findings = new[]
        {
            new BrigadeFinding(Guid.NewGuid(), id, "mistreatment", "pharmacy", "Trato descortés en farmacia.", null),
            new BrigadeFinding(Guid.NewGuid(), id, "waiting-time", null, "Espera de más de dos horas en urgencias.", null),
        };
        await brigades.InsertAsync(new Brigade(id, Institution.Imss, "IMSS-JAL", "UMF-JAL-023", new DateOnly(2026, 11, 18), ["Dra. Ruiz", "Dr. Salas"], ["Farmacia", "Urgencias"],
            Now, "Dirección OOAD Jalisco") { Findings = findings }, Ct);

        var read = Assert.Single(await brigades.ReadAsync(ReadScope.ForUnit("UMF-JAL-023"), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Ct));
        Assert.Equal(["Dra. Ruiz", "Dr. Salas"], read.Members);
        Assert.Equal(["Farmacia", "Urgencias"], read.Areas);
        Assert.Equal(2, read.Findings.Count);
        Assert.Empty(await brigades.ReadAsync(ReadScope.ForRegion("IMSS-NL"), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Ct));
        Assert.Null(await brigades.ReadByIdAsync(id, ReadScope.ForUnit("HGR-JAL-046"), Ct));
        Assert.Equal(2, (await brigades.ReadOpenFindingsAsync(ReadScope.ForRegion("IMSS-JAL"), 10, Ct)).Count);

        var agreement = For(session, "UMF-JAL-023", "IMSS-JAL", new DateOnly(2027, 1, 31), new DateTimeOffset(2027, 2, 1, 6, 0, 0, TimeSpan.Zero));
        await new AgreementStore(db.Connections, db.Sql).InsertAsync([agreement], [], [findings[0].Id], Ct);
        Assert.Equal(findings[1].Id, Assert.Single(await brigades.ReadOpenFindingsAsync(ReadScope.ForRegion("IMSS-JAL"), 10, Ct)).Finding.Id);
        Assert.Equal(findings[0].Id, Assert.Single(await brigades.ReadByAgreementAsync(agreement.Id, Ct)).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASessionsCuration_IsKept_AndItsHeldAgendaIsWrittenWithItsClosing(DatabaseProvider provider)
    {
        var (db, session) = await SeededAsync(provider);
        await using var _ = db;
        var curation = new SessionAgendaStore(db.Connections, db.Sql);
        var sessions = new CommitteeSessionStore(db.Connections, db.Sql);
        await curation.SaveAsync(new AgendaEntry(session.Id, AgendaKeys.Case("QJ-1"), AgendaEntryState.SetAside, "QJ-1 — otra sesión", "Secretaría", Now), Ct);
        await curation.SaveAsync(new AgendaEntry(session.Id, AgendaKeys.Case("QJ-1"), AgendaEntryState.SetAside, "QJ-1 — la próxima", "Secretaría", Now), Ct);
        await curation.SaveAsync(new AgendaEntry(session.Id, AgendaKeys.Topic(Guid.NewGuid()), AgendaEntryState.Added, "Encuesta del bimestre", "Secretaría", Now), Ct);
        Assert.Equal(["QJ-1 — la próxima", "Encuesta del bimestre"], (await curation.ReadAsync(session.Id, Ct)).Select(e => e.Label).Order(StringComparer.Ordinal).Reverse());
        Assert.True(await curation.RemoveAsync(session.Id, AgendaKeys.Case("QJ-1"), AgendaEntryState.SetAside, Ct));
        Assert.False(await curation.RemoveAsync(session.Id, AgendaKeys.Case("QJ-1"), AgendaEntryState.SetAside, Ct));

        Assert.True(await sessions.OpenAsync(session.Id, "Secretaría", Now, Ct));
        AgendaEntry[] held = [new(session.Id, AgendaKeys.Case("QJ-1"), AgendaEntryState.Held, "QJ-1 · UMF No. 23 · Mal trato", "Secretaría", Now, 0),
            new(session.Id, AgendaKeys.Unit("UMF-JAL-023"), AgendaEntryState.Held, "UMF No. 23: 2 → 7", "Secretaría", Now, 1)];
        Assert.True(await sessions.CloseAsync(session.Id, "Secretaría", Now, held, Ct));
        Assert.False(await sessions.CloseAsync(session.Id, "Otra", Now, held, Ct));
        Assert.Equal(held.Select(h => h.Label), (await curation.ReadAsync(session.Id, Ct)).Where(e => e.State == AgendaEntryState.Held).OrderBy(e => e.Position).Select(e => e.Label));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheBoardReads_FindFlaggedCases_ComplaintChanges_UnitIndicators_AndEscalations_InTheScope(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        CaseEvent Opened(string id, string unit, int daysAgo, string category = "mistreatment") =>
            new(Guid.NewGuid(), id, Now.AddDays(-daysAgo), new CaseOpenedData(unit, CaseKind.Complaint, Channel.Module, category, Priority.Medium, false, "Trato descortés."));
        var events = new List<CaseEvent>();
        for (var i = 0; i < 5; i++)
        {
            events.Add(Opened($"QJ-NOW-{i}", "UMF-JAL-023", 2 + i));
        }

        events.Add(Opened("QJ-BEFORE-1", "UMF-JAL-023", 40));
        events.Add(Opened("QJ-NL-1", "UMF-NL-015", 3));
        events.Add(Opened("QJ-WAIT", "HGR-JAL-046", 3, "waiting-time"));
        events.Add(new CaseEvent(Guid.NewGuid(), "QJ-NOW-0", Now.AddDays(-1), new CaseImpactFlaggedData("Difusión en medios locales.")));
        events.Add(new CaseEvent(Guid.NewGuid(), "QJ-NOW-1", Now.AddDays(-1), new CaseEscalatedData(2, "Complejo vencido")));
        var result = await db.Events.AppendAsync([.. events], Now, Context, Ct);
        Assert.True(result.Outcome == AppendOutcome.Committed, result.Reason);

        var board = new CommitteeBoardReader(db.Connections, db.Sql);
        var (from, to) = (Now.AddDays(-30), Now);
        var impact = Assert.Single(await board.ReadImpactCasesAsync(ReadScope.ForRegion("IMSS-JAL"), from, to, 10, Ct));
        Assert.Equal(("QJ-NOW-0", "Difusión en medios locales."), (impact.CaseId, impact.Reason));
        Assert.Empty(await board.ReadImpactCasesAsync(ReadScope.ForRegion("IMSS-NL"), from, to, 10, Ct));

        var change = Assert.Single(await board.ReadComplaintChangeAsync(ReadScope.ForRegion("IMSS-JAL"), "mistreatment", from, to, Ct));
        Assert.Equal(("UMF-JAL-023", 5, 1, true), (change.UnitCode, change.Current, change.Previous, change.Rose));

        var units = (await board.ReadUnitIndicatorsAsync(ReadScope.ForRegion("IMSS-JAL"), from, to, Ct)).ToDictionary(u => u.UnitCode);
        Assert.Equal((5, 5, 5, 1), (units["UMF-JAL-023"].Opened, units["UMF-JAL-023"].Mistreatment, units["UMF-JAL-023"].Open, units["UMF-JAL-023"].Escalated));
        Assert.Equal((1, 0), (units["HGR-JAL-046"].Complaints, units["HGR-JAL-046"].Mistreatment));
        Assert.False(units.ContainsKey("UMF-NL-015"));

        var outcome = Assert.Single(await board.ReadEscalationOutcomesAsync(ReadScope.ForInstitution("Imss"), from, to, Ct));
        Assert.Equal((2, CaseStatus.New, 1), (outcome.Level, outcome.Status, outcome.Cases));
    }
}
