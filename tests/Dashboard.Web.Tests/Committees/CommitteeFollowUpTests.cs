using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Committees;

/// <summary>
/// What a committee follows beyond escalations: cases a director flags with institutional impact, units whose
/// mistreatment complaints rose, brigade findings turned into agreements, the secretary's curation of the agenda kept
/// as held when the session closes, central agreements issued to every committee with the central view of who
/// complied, and overdue agreements counted by scope and told to their owner once.
/// </summary>
public sealed class CommitteeFollowUpTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static System.Security.Claims.ClaimsPrincipal Person(string name, Role role, ReadScope scope) =>
        new(TableroClaims.Identity("Test", name, role.ToString(), scope, RolePermissions.Of(role), CredentialKind.User, Guid.NewGuid().ToString(), 1));

    private static readonly System.Security.Claims.ClaimsPrincipal Admin = Person("admin.comites", Role.Administrator, ReadScope.All);

    private async Task PostAsync(JsonObject e)
    {
        using var response = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", e, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> ComplaintAsync(Unit unit, DateTimeOffset? at = null)
    {
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var opened = EventJson.Opened(caseId, unit.Code);
        if (at is { } when)
        {
            opened["occurredAt"] = when.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        }

        await PostAsync(opened);
        return caseId;
    }

    private async Task<(Committee Committee, CommitteeSession Session)> OpenSessionAsync(string committeeCode, string title)
    {
        var committee = (await Get<ICommitteeStore>().ReadByCodeAsync(committeeCode, ReadScope.All, Ct))!;
        var session = new CommitteeSession(Guid.NewGuid(), committee.Code, SessionKind.Extraordinary, DateOnly.FromDateTime(DateTime.UtcNow), title,
            SessionStatus.Planned, null, [], null, null, null, null);
        await Get<ICommitteeSessionStore>().PlanAsync([session], Ct);
        Assert.Null(await Get<CommitteeService>().ChangeSessionAsync(Admin, session.Id, SessionChange.Open, cancellationToken: Ct));
        return (committee, (await Get<ICommitteeSessionStore>().ReadByIdAsync(session.Id, Ct))!);
    }

    [Fact]
    public async Task ADirectorsImpactFlag_PutsTheCaseOnTheAgendaWithItsReason_AndOnTheCase()
    {
        var unit = TableroFactory.Catalogue.Units.Where(u => u.Type == UnitType.Umf).Skip(1).First();
        var caseId = await ComplaintAsync(unit);
        await PostAsync(EventJson.Of("CaseImpactFlagged", caseId, new JsonObject { ["reason"] = "Difusión en medios locales; riesgo reputacional." }));

        var stored = await Get<ICaseReader>().ReadByIdAsync(caseId, ReadScope.All, Ct);
        Assert.Equal("Difusión en medios locales; riesgo reputacional.", stored!.ImpactReason);
        var committee = (await Get<ICommitteeStore>().ReadByCodeAsync(CommitteePlan.RegionCode(unit.RegionCode), ReadScope.All, Ct))!;
        var agenda = await Get<CommitteeAgenda>().ReadAsync(committee, cancellationToken: Ct);
        var item = Assert.Single(agenda.Impact, c => c.CaseId == caseId);
        Assert.Equal("Difusión en medios locales; riesgo reputacional.", item.Reason);

        // Another region's committee does not see it.
        var other = TableroFactory.Catalogue.Regions.First(r => r.Code != unit.RegionCode && r.Institution == unit.Institution);
        var elsewhere = (await Get<ICommitteeStore>().ReadByCodeAsync(CommitteePlan.RegionCode(other.Code), ReadScope.All, Ct))!;
        Assert.DoesNotContain((await Get<CommitteeAgenda>().ReadAsync(elsewhere, cancellationToken: Ct)).Impact, c => c.CaseId == caseId);

        // A reason with nothing in it is refused whole.
        using var empty = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events",
            EventJson.Of("CaseImpactFlagged", caseId, new JsonObject { ["reason"] = "" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task AUnitWhoseMistreatmentComplaintsRose_IsOnTheAgenda_AndOneThatHeldSteadyIsNot()
    {
        var units = TableroFactory.Catalogue.Units.Where(u => u.Type == UnitType.Umf).TakeLast(2).ToArray();
        var (rose, steady) = (units[0], units[1]);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 4; i++)
        {
            await ComplaintAsync(rose, now.AddDays(-10 - i));
            await ComplaintAsync(steady, now.AddDays(-10 - i));
            await ComplaintAsync(steady, now.AddDays(-40 - i));
        }

        var board = await Get<ICommitteeBoardReader>().ReadComplaintChangeAsync(ReadScope.All, "mistreatment", now - CommitteeAgenda.ComparisonPeriod, now, Ct);
        Assert.True(Assert.Single(board, u => u.UnitCode == rose.Code).Rose);
        var held = Assert.Single(board, u => u.UnitCode == steady.Code);
        Assert.False(held.Rose);
        Assert.True(held.Previous >= 4);

        var committee = (await Get<ICommitteeStore>().ReadByCodeAsync(CommitteePlan.RegionCode(rose.RegionCode), ReadScope.All, Ct))!;
        Assert.Contains((await Get<CommitteeAgenda>().ReadAsync(committee, cancellationToken: Ct)).MistreatmentRises, u => u.UnitCode == rose.Code);
    }

    [Fact]
    public async Task AUnitWhoseMonthlyMistreatmentChartShowsDeterioration_IsOnItsCommitteesAgenda()
    {
        var unit = TableroFactory.Catalogue.Units.Where(u => u.Type == UnitType.Umf && u.RegionCode == "IMSS-NL").Last();
        var today = DateTime.UtcNow;
        var lastMonth = new DateTime(today.Year, today.Month, 1, 18, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        var batch = new JsonArray();
        // Two a month for two years (its baseline), then twelve in the last whole month: a point far above its limit.
        for (var month = lastMonth.AddMonths(-23); month <= lastMonth; month = month.AddMonths(1))
        {
            for (var i = 0; i < (month == lastMonth ? 12 : 2); i++)
            {
                var opened = EventJson.Opened($"QJ-{Guid.NewGuid():N}"[..20], unit.Code);
                opened["occurredAt"] = month.AddDays(9 + i % 10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                batch.Add(opened);
            }
        }

        using (var response = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", batch, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var committee = (await Get<ICommitteeStore>().ReadByCodeAsync(CommitteePlan.RegionCode(unit.RegionCode), ReadScope.All, Ct))!;
        var agenda = await Get<CommitteeAgenda>().ReadAsync(committee, cancellationToken: Ct);
        var worse = Assert.Single(agenda.Deteriorations, u => u.UnitCode == unit.Code);
        Assert.Equal(12, worse.Latest.Count);
        Assert.Equal(2, worse.Limits.Mean);
        Assert.Contains("deterioro frente a su línea base", new AgendaLabels(Get<Dashboard.Web.Catalogue.CatalogueService>().Current).Deterioration(worse), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASetAsideItemTooLongToKeepWhole_IsKeptToItsLastWholeWord()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umf && u.RegionCode == "IMSS-JAL");
        var flagged = await ComplaintAsync(unit);
        var (committee, session) = await OpenSessionAsync(CommitteePlan.RegionCode("IMSS-JAL"), "Sesión ordinaria: hallazgos largos");
        var what = string.Join(' ', Enumerable.Repeat("Derechohabiente refiere diferimiento reiterado de su cirugía programada", 6));
        var why = string.Join(' ', Enumerable.Repeat("Se revisará con la jefatura de cirugía", 7));

        Assert.Null(await Get<CommitteeService>().CurateAsync(Admin, session.Id, AgendaCuration.SetAside, AgendaKeys.Case(flagged), why, what, Ct));

        var whole = $"{what} — {why}";
        var kept = Assert.Single((await Get<CommitteeAgenda>().ReadAsync(committee, session, Ct)).SetAside, e => e.ItemKey == AgendaKeys.Case(flagged)).Label;
        Assert.InRange(kept.Length, AgendaKeys.MaxTopicLength, AgendaKeys.MaxTopicLength * 2);
        Assert.EndsWith("…", kept, StringComparison.Ordinal);
        Assert.StartsWith(kept[..^1] + " ", whole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecretaryCuratesTheAgenda_AndTheClosedSessionKeepsItAsHeld_WhateverTheBoardShowsLater()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umf && u.RegionCode == "IMSS-JAL");
        var flagged = await ComplaintAsync(unit);
        await PostAsync(EventJson.Of("CaseImpactFlagged", flagged, new JsonObject { ["reason"] = "Queja presentada también ante la CNDH." }));
        var (committee, session) = await OpenSessionAsync(CommitteePlan.RegionCode("IMSS-JAL"), "Sesión extraordinaria: agenda curada");
        var service = Get<CommitteeService>();

        Assert.Equal("AgendaTextRequired", await service.CurateAsync(Admin, session.Id, AgendaCuration.SetAside, AgendaKeys.Case(flagged), " ", cancellationToken: Ct));
        Assert.Equal("NotSecretary", await service.CurateAsync(Person("dir.jal", Role.Director, ReadScope.ForRegion("IMSS-JAL")), session.Id, AgendaCuration.AddTopic,
            AgendaKeys.Topic(Guid.NewGuid()), "Tema", cancellationToken: Ct));
        Assert.Null(await service.CurateAsync(Admin, session.Id, AgendaCuration.SetAside, AgendaKeys.Case(flagged), "Se verá en la sesión ordinaria", flagged, Ct));
        Assert.Null(await service.CurateAsync(Admin, session.Id, AgendaCuration.AddTopic, AgendaKeys.Topic(Guid.NewGuid()), "Informe de la encuesta de satisfacción", cancellationToken: Ct));
        var agenda = await Get<CommitteeAgenda>().ReadAsync(committee, session, Ct);
        Assert.DoesNotContain(agenda.Impact, c => c.CaseId == flagged);
        Assert.Contains(agenda.SetAside, e => e.ItemKey == AgendaKeys.Case(flagged) && e.Label == $"{flagged} — Se verá en la sesión ordinaria");
        Assert.Contains(agenda.Topics, t => t.Label == "Informe de la encuesta de satisfacción");

        Assert.Null(await service.CurateAsync(Admin, session.Id, AgendaCuration.Restore, AgendaKeys.Case(flagged), null, cancellationToken: Ct));
        Assert.Contains((await Get<CommitteeAgenda>().ReadAsync(committee, session, Ct)).Impact, c => c.CaseId == flagged);

        var (memberId, _) = await factory.CreateUserAsync($"sec.{Guid.NewGuid():N}"[..16], Role.Director, ReadScope.ForRegion("IMSS-JAL"));
        var member = await Get<IAccessStore>().ReadUserAsync(memberId, Ct);
        Assert.Null(await service.SetMemberAsync(Admin, committee.Code, member!.UserName, CommitteeRole.TechnicalSecretary, Ct));
        Assert.Null(await service.ChangeSessionAsync(Admin, session.Id, SessionChange.Record, [memberId], "Se revisó la agenda.", Ct));
        Assert.Null(await service.ChangeSessionAsync(Admin, session.Id, SessionChange.Close, cancellationToken: Ct));

        // Closed: the agenda is what was held, in order, and no longer changes with the board or the secretary.
        await PostAsync(EventJson.Of("CaseImpactFlagged", await ComplaintAsync(unit), new JsonObject { ["reason"] = "Otro caso, después del cierre." }));
        var closed = (await Get<ICommitteeSessionStore>().ReadByIdAsync(session.Id, Ct))!;
        var held = (await Get<CommitteeAgenda>().ReadAsync(committee, closed, Ct)).Held;
        Assert.Contains(held, e => e.ItemKey == AgendaKeys.Case(flagged) && e.Label.Contains("Queja presentada también ante la CNDH.", StringComparison.Ordinal));
        Assert.Contains(held, e => e.Label == "Informe de la encuesta de satisfacción");
        Assert.DoesNotContain(held, e => e.Label.Contains("después del cierre", StringComparison.Ordinal));
        Assert.DoesNotContain(held, e => e.Label.Contains("12345678903", StringComparison.Ordinal));
        Assert.Equal("SessionClosed", await service.CurateAsync(Admin, session.Id, AgendaCuration.AddTopic, AgendaKeys.Topic(Guid.NewGuid()), "Tarde", cancellationToken: Ct));
    }

    [Fact]
    public async Task ABrigadeFinding_BecomesAnAgreementLinkedToItAndToACase_AndLeavesTheAgenda()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umf && u.RegionCode == "IMSS-NL");
        var director = Person("dir.nl.brigada", Role.Director, ReadScope.ForRegion("IMSS-NL"));
        var brigades = Get<BrigadeService>();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));

        Assert.Equal("UnitNotCovered", (await brigades.RecordAsync(Person("dir.jal.b", Role.Director, ReadScope.ForRegion("IMSS-JAL")), unit.Code, yesterday,
            "Dra. Ruiz", "Urgencias", [], Ct)).Problem);
        Assert.Equal("BrigadeMembersRequired", (await brigades.RecordAsync(director, unit.Code, yesterday, " ", "Urgencias", [], Ct)).Problem);
        Assert.Equal("FindingCategoryUnknown", (await brigades.RecordAsync(director, unit.Code, yesterday, "Dra. Ruiz", "Urgencias",
            [new FindingDraft("maltrato", null, "x")], Ct)).Problem);
        var (id, problem) = await brigades.RecordAsync(director, unit.Code, yesterday, "Dra. Ruiz, Dr. Salas", "Urgencias\nFarmacia",
            [new FindingDraft("mistreatment", "pharmacy", "Trato descortés al entregar medicamentos incompletos.")], Ct);
        Assert.Null(problem);
        var brigade = (await brigades.ReadForUnitAsync(unit.Code, ReadScope.ForUnit(unit.Code), Ct)).Single(b => b.Id == id);
        Assert.Equal(["Dra. Ruiz", "Dr. Salas"], brigade.Members);
        var finding = Assert.Single(brigade.Findings);

        var caseId = await ComplaintAsync(unit);
        var (committee, session) = await OpenSessionAsync(CommitteePlan.RegionCode("IMSS-NL"), "Sesión extraordinaria: brigada en farmacia");
        Assert.Contains((await Get<CommitteeAgenda>().ReadAsync(committee, session, Ct)).Findings, f => f.Finding.Id == finding.Id);

        var agreements = Get<AgreementService>();
        var draft = new AgreementDraft(AgreementType.Corrective, "Capacitar al personal de farmacia en Buen Trato.", AgreementOwnerKind.Unit, unit.Code,
            session.ScheduledOn.AddDays(30)) { CaseIds = [caseId], FindingIds = [finding.Id] };
        Assert.Equal("LinkedCaseUnknown", await agreements.AddAgreementAsync(Admin, session.Id, draft with { CaseIds = ["NO-EXISTE-1"] }, Ct));
        Assert.Null(await agreements.AddAgreementAsync(Admin, session.Id, draft, Ct));
        Assert.Equal("FindingUnknown", await agreements.AddAgreementAsync(Admin, session.Id, draft with { CaseIds = [] }, Ct));

        var agreement = Assert.Single(await Get<IAgreementStore>().ReadByCommitteeAsync(committee.Code, Ct), a => a.SessionId == session.Id);
        Assert.Equal([caseId], await Get<IAgreementStore>().ReadCasesAsync(agreement.Id, Ct));
        Assert.Equal(finding.Id, Assert.Single(await Get<IBrigadeStore>().ReadByAgreementAsync(agreement.Id, Ct)).Id);
        Assert.DoesNotContain((await Get<CommitteeAgenda>().ReadAsync(committee, session, Ct)).Findings, f => f.Finding.Id == finding.Id);
    }

    [Fact]
    public async Task ACentralAgreementIssuedToEveryCommittee_IsFollowedByEach_AndTheCentralViewShowsWhoComplied()
    {
        var (central, session) = await OpenSessionAsync(CommitteePlan.CentralCode(Institution.Imss), "Sesión extraordinaria: protocolo de Buen Trato");
        var agreements = Get<AgreementService>();
        var draft = new AgreementDraft(AgreementType.Preventive, "Replicar la capacitación en Buen Trato en todas las unidades.", AgreementOwnerKind.Committees,
            Institution.Imss.Code, session.ScheduledOn.AddDays(60));
        var (ooad, ooadSession) = await OpenSessionAsync(CommitteePlan.RegionCode("IMSS-GTO"), "Sesión extraordinaria: GTO");
        Assert.Equal("IssueToAllCentralOnly", await agreements.AddAgreementAsync(Admin, ooadSession.Id, draft, Ct));
        Assert.Null(await agreements.AddAgreementAsync(Admin, session.Id, draft, Ct));

        var original = Assert.Single(await Get<IAgreementStore>().ReadByCommitteeAsync(central.Code, Ct), a => a.SessionId == session.Id);
        var imssCommittees = (await Get<ICommitteeStore>().ReadAllAsync(ReadScope.ForInstitution(Institution.Imss.Code), Ct)).Where(c => c.Kind != CommitteeKind.Central).ToArray();
        var copies = await agreements.ReadComplianceAsync(original, Ct);
        Assert.Equal(imssCommittees.Select(c => c.Code).Order(), copies.Select(c => c.Committee.Code).Order());
        Assert.DoesNotContain(copies, c => c.Committee.Institution != Institution.Imss);

        // GTO's director follows GTO's copy to done; the original cannot be moved by anyone, and the central view shows GTO complied.
        var gtoCopy = copies.Single(c => c.Committee.Code == ooad.Code).Copy;
        Assert.Equal(AgreementOwnerKind.Region, gtoCopy.OwnerKind);
        Assert.Contains((await Get<CommitteeAgenda>().ReadAsync(ooad, cancellationToken: Ct)).OpenAgreements, a => a.Id == gtoCopy.Id);
        var gtoDirector = Person("dir.gto.ooad", Role.Director, ReadScope.ForRegion("IMSS-GTO"));
        Assert.Equal("NotOwner", await agreements.FollowUpAsync(Person("dir.nl.ooad", Role.Director, ReadScope.ForRegion("IMSS-NL")), gtoCopy.Id, AgreementStatus.Done, "hecho", Ct));
        Assert.Null(await agreements.FollowUpAsync(gtoDirector, gtoCopy.Id, AgreementStatus.Done, "Capacitadas 42 unidades; listas en el expediente.", Ct));
        Assert.Equal("AgreementFollowedByEach", await agreements.FollowUpAsync(Admin, original.Id, AgreementStatus.Done, "todo", Ct));

        var after = await agreements.ReadComplianceAsync(original, Ct);
        Assert.Equal(AgreementStatus.Done, after.Single(c => c.Committee.Code == ooad.Code).Copy.Status);
        Assert.Equal(after.Count - 1, after.Count(c => c.Copy.Status != AgreementStatus.Done));
        Assert.Equal(ooad.Code, after[^1].Committee.Code);

        // The central committee's quarterly report carries who complies, as its page shows it.
        var report = await Get<QuarterlyReport>().ReadAsync(central, ReportQuarter.Of(session.ScheduledOn), Ct);
        var gto = Assert.Single(report.Compliance, c => c.Counts.CommitteeCode == ooad.Code);
        Assert.True(gto.Counts.Done >= 1);
        Assert.DoesNotContain(report.Compliance, c => c.Counts.CommitteeCode == central.Code);
    }

    [Fact]
    public async Task AnOverdueAgreement_CountsInItsScopeOnly_AndItsOwnerIsToldOnce()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umf && u.RegionCode == "IMSS-GTO");
        var store = Get<IAgreementStore>();
        var committee = (await Get<ICommitteeStore>().ReadByCodeAsync(CommitteePlan.RegionCode(unit.RegionCode), ReadScope.All, Ct))!;
        var session = new CommitteeSession(Guid.NewGuid(), committee.Code, SessionKind.Extraordinary, new DateOnly(2026, 1, 10), "Sesión extraordinaria: vencidos",
            SessionStatus.Planned, null, [], null, null, null, null);
        await Get<ICommitteeSessionStore>().PlanAsync([session], Ct);
        var overdue = new Agreement(Guid.NewGuid(), committee.Code, session.Id, AgreementType.Corrective, "Reparar la sala de espera.", AgreementOwnerKind.Unit, unit.Code,
            new DateOnly(2026, 2, 1), AgreementStatus.Pending, DateTimeOffset.UtcNow.AddDays(-300), "secretaria")
        {
            Institution = unit.Institution.Code, RegionCode = unit.RegionCode, UnitCode = unit.Code, OverdueAfter = new DateTimeOffset(2026, 2, 2, 6, 0, 0, TimeSpan.Zero),
        };
        var before = (await store.ReadOverdueAsync(ReadScope.ForRegion(unit.RegionCode), DateTimeOffset.UtcNow, 50, Ct)).Total;
        await store.InsertAsync([overdue], [], [], Ct);

        Assert.Equal(before + 1, (await store.ReadOverdueAsync(ReadScope.ForRegion(unit.RegionCode), DateTimeOffset.UtcNow, 50, Ct)).Total);
        Assert.DoesNotContain((await store.ReadOverdueAsync(ReadScope.ForRegion("IMSS-NL"), DateTimeOffset.UtcNow, 50, Ct)).Items, a => a.Id == overdue.Id);
        Assert.Contains((await store.ReadOverdueAsync(ReadScope.ForInstitution(Institution.Imss.Code), DateTimeOffset.UtcNow, 500, Ct)).Items, a => a.Id == overdue.Id);
        // Not before the end of its due day in the unit's zone.
        Assert.DoesNotContain((await store.ReadOverdueAsync(ReadScope.ForRegion(unit.RegionCode), new DateTimeOffset(2026, 2, 2, 5, 59, 0, TimeSpan.Zero), 500, Ct)).Items,
            a => a.Id == overdue.Id);

        var job = Get<AgreementDeadlineJob>();
        var recipients = await job.RecipientsAsync(overdue, new Dictionary<string, string> { [committee.Code] = "comite.gto@imss.example" }, Ct);
        Assert.Contains($"direccion.{unit.Code.ToLowerInvariant()}@imss.example", recipients);
        Assert.Contains("comite.gto@imss.example", recipients);
        // The job (this run or the host's own schedule, whichever came first) wrote the notice and marked it told.
        await job.RunAsync(Ct);
        Assert.DoesNotContain(await store.ReadOverdueUnalertedAsync(DateTimeOffset.UtcNow, 500, Ct), a => a.Id == overdue.Id);
        Assert.False(await store.MarkOverdueAlertedAsync(overdue.Id, DateTimeOffset.UtcNow, Ct));
        var mail = Path.Combine(Get<Microsoft.Extensions.Options.IOptions<Dashboard.Data.DatabaseOptions>>().Value.ResolveDataFolder(), "mail", $"agreement-overdue-{overdue.Id:N}.eml");
        Assert.True(File.Exists(mail), mail);
        var text = await File.ReadAllTextAsync(mail, Ct);
        Assert.Contains($"direccion.{unit.Code.ToLowerInvariant()}@imss.example", text, StringComparison.Ordinal);
        Assert.Contains("Acuerdo vencido", text, StringComparison.Ordinal);
    }
}
