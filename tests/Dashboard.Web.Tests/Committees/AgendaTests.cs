using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bunit;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Sla;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Committees;

/// <summary>
/// A session's agenda comes from the board for the committee's own scope: an OOAD committee gets its units' escalated
/// and overdue complex cases but not its UMAE's (they have their own committee), and no insured person's data.
/// </summary>
public sealed class AgendaTests : PageTestContext, IClassFixture<TableroFactory>
{
    private readonly TableroFactory _factory;

    public AgendaTests(TableroFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<ICommitteeStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<ICommitteeSessionStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<Dashboard.Core.Access.IAccessStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>());
        Services.AddSingleton(factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Wall.WallOptions>>());
        Services.AddSingleton(factory.Services.GetRequiredService<CommitteeAgenda>());
        Services.AddSingleton(factory.Services.GetRequiredService<ISessionAgendaStore>());
        Services.AddSingleton<CommitteeService>();
        Services.AddSingleton(factory.Services.GetRequiredService<IAgreementStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<AgreementService>());
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<string> OverdueComplexCaseAsync(Unit unit)
    {
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var opened = EventJson.Opened(caseId, unit.Code, complex: true);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddDays(-14).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        using var response = await _factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", opened, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return caseId;
    }

    [Fact]
    public async Task AnOoadsSessionAgenda_ListsItsEscalatedCases_ButNotItsUmaes_AndNoInsuredData()
    {
        var umae = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umae);
        var umf = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umf && u.RegionCode == umae.RegionCode);
        var atUmf = await OverdueComplexCaseAsync(umf);
        var atUmae = await OverdueComplexCaseAsync(umae);
        await _factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);

        var store = _factory.Services.GetRequiredService<ICommitteeStore>();
        var agenda = _factory.Services.GetRequiredService<CommitteeAgenda>();
        var ooad = (await store.ReadByCodeAsync(CommitteePlan.RegionCode(umf.RegionCode), ReadScope.All, Ct))!;
        var umaes = (await store.ReadByCodeAsync(CommitteePlan.UmaeCode(umae.Code), ReadScope.All, Ct))!;
        var central = (await store.ReadByCodeAsync(CommitteePlan.CentralCode(Institution.Imss), ReadScope.All, Ct))!;

        Assert.Contains((await agenda.ReadAsync(ooad, cancellationToken: Ct)).Escalated, c => c.CaseId == atUmf);
        Assert.DoesNotContain((await agenda.ReadAsync(ooad, cancellationToken: Ct)).Escalated, c => c.CaseId == atUmae);
        Assert.Contains((await agenda.ReadAsync(umaes, cancellationToken: Ct)).Escalated, c => c.CaseId == atUmae);
        Assert.Contains((await agenda.ReadAsync(central, cancellationToken: Ct)).Escalated, c => c.CaseId == atUmf && c.EscalationLevel == 3);

        var sessions = _factory.Services.GetRequiredService<ICommitteeSessionStore>();
        var session = new CommitteeSession(Guid.NewGuid(), ooad.Code, SessionKind.Extraordinary, DateOnly.FromDateTime(DateTime.UtcNow), "Sesión extraordinaria: quejas escaladas",
            SessionStatus.Planned, null, [], null, null, null, null);
        Assert.Equal(1, await sessions.PlanAsync([session], Ct));
        SignInAs(Dashboard.Core.Access.Role.Director, ReadScope.ForRegion(umf.RegionCode));

        var page = Render<SessionPage>(p => p.Add(x => x.Id, session.Id.ToString()));

        var shown = page.Find("[data-testid=agenda-escalated]").TextContent;
        Assert.Contains(atUmf, shown, StringComparison.Ordinal);
        Assert.Contains(umf.Name, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(atUmae, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("*******8903", page.Markup, StringComparison.Ordinal);
    }
}
