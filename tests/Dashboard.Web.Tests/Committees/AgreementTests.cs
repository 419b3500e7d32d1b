using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Dashboard.Web.Components.Controls;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Committees;

/// <summary>
/// An OOAD's secretary records an agreement for one of its units in an open session; the unit's director follows it up
/// to done with evidence on her unit's page; a director elsewhere cannot; a unit the committee does not cover is refused.
/// </summary>
public sealed class AgreementTests : PageTestContext, IClassFixture<TableroFactory>
{
    private readonly TableroFactory _factory;

    public AgreementTests(TableroFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<IAgreementStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<IBrigadeStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>());
        Services.AddSingleton(factory.Services.GetRequiredService<AgreementService>());
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static System.Security.Claims.ClaimsPrincipal Person(string name, Role role, ReadScope scope) =>
        new(TableroClaims.Identity("Test", name, role.ToString(), scope, RolePermissions.Of(role), CredentialKind.User, Guid.NewGuid().ToString(), 1));

    [Fact]
    public async Task AnAgreementForAUnit_IsFollowedUpToDoneByItsDirector_AndRefusedWhereItDoesNotBelong()
    {
        var service = _factory.Services.GetRequiredService<AgreementService>();
        var committees = _factory.Services.GetRequiredService<CommitteeService>();
        var sessions = _factory.Services.GetRequiredService<ICommitteeSessionStore>();
        var unit = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-GTO" && u.Type == UnitType.Umf);
        var elsewhere = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-NL");
        var admin = Person("admin.comites", Role.Administrator, ReadScope.All);
        var committee = CommitteePlan.RegionCode("IMSS-GTO");
        var session = new CommitteeSession(Guid.NewGuid(), committee, SessionKind.Extraordinary, new DateOnly(2026, 12, 3), "Sesión extraordinaria: mal trato en la UMF",
            SessionStatus.Planned, null, [], null, null, null, null);
        await sessions.PlanAsync([session], Ct);

        Assert.Equal("SessionNotOpen", await service.AddAgreementAsync(admin, session.Id, new AgreementDraft(AgreementType.Corrective, "Capacitar al personal de ventanilla.", AgreementOwnerKind.Unit, unit.Code, new DateOnly(2027, 1, 31)), Ct));
        Assert.Null(await committees.ChangeSessionAsync(admin, session.Id, SessionChange.Open, cancellationToken: Ct));
        Assert.Equal("OwnerNotCovered", await service.AddAgreementAsync(admin, session.Id, new AgreementDraft(AgreementType.Corrective, "Capacitar.", AgreementOwnerKind.Unit, elsewhere.Code, new DateOnly(2027, 1, 31)), Ct));
        Assert.Equal("DueBeforeSession", await service.AddAgreementAsync(admin, session.Id, new AgreementDraft(AgreementType.Corrective, "Capacitar.", AgreementOwnerKind.Unit, unit.Code, new DateOnly(2026, 11, 30)), Ct));
        Assert.Equal("AgreementTextRequired", await service.AddAgreementAsync(admin, session.Id, new AgreementDraft(AgreementType.Corrective, "  ", AgreementOwnerKind.Unit, unit.Code, new DateOnly(2027, 1, 31)), Ct));
        Assert.Null(await service.AddAgreementAsync(admin, session.Id, new AgreementDraft(AgreementType.Corrective, "Capacitar al personal de ventanilla en el protocolo de Buen Trato.", AgreementOwnerKind.Unit, unit.Code, new DateOnly(2027, 1, 31)), Ct));
        var agreement = Assert.Single(await _factory.Services.GetRequiredService<IAgreementStore>().ReadByCommitteeAsync(committee, Ct), a => a.SessionId == session.Id);

        // The next session's agenda carries it until it is done; its own session's does not repeat it.
        var agenda = _factory.Services.GetRequiredService<CommitteeAgenda>();
        var gto = (await _factory.Services.GetRequiredService<ICommitteeStore>().ReadByCodeAsync(committee, ReadScope.All, Ct))!;
        Assert.Contains((await agenda.ReadAsync(gto, session with { Id = Guid.NewGuid() }, Ct)).OpenAgreements, a => a.Id == agreement.Id);
        Assert.DoesNotContain((await agenda.ReadAsync(gto, session, Ct)).OpenAgreements, a => a.Id == agreement.Id);

        Assert.Equal("NotOwner", await service.FollowUpAsync(Person("dir.nl", Role.Director, ReadScope.ForRegion("IMSS-NL")), agreement.Id, AgreementStatus.Done, "hecho", Ct));
        var director = Person("dir.umf", Role.Director, ReadScope.ForUnit(unit.Code));
        var panel = Render<AgreementsPanel>(p => p.Add(x => x.UnitCode, unit.Code).Add(x => x.Viewer, director).Add(x => x.TestId, "unit-agreements"));
        Assert.Contains("Capacitar al personal de ventanilla", panel.Find("[data-testid=unit-agreements]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Pendiente", panel.Find("[data-testid=agreement-status]").TextContent, StringComparison.Ordinal);

        panel.Find("[data-testid=agreement-follow]").Click();
        panel.WaitForAssertion(() => Assert.Contains("escriba la nota o la evidencia del avance", panel.Markup, StringComparison.Ordinal));
        panel.Find("input[data-testid=agreement-note]").Input("Se capacitó a 14 personas el 10 de diciembre; lista de asistencia en el expediente.");
        panel.Find("[data-testid=agreement-follow]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Cumplido", panel.Find("[data-testid=agreement-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("se capacitó a 14 personas".ToUpperInvariant(), panel.Markup.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=agreement-follow]"));
        var notes = await _factory.Services.GetRequiredService<IAgreementStore>().ReadNotesAsync(agreement.Id, Ct);
        Assert.Equal(AgreementStatus.Done, Assert.Single(notes).Status);
        Assert.Equal("AgreementClosed", await service.FollowUpAsync(director, agreement.Id, AgreementStatus.Cancelled, "ya no aplica", Ct));
        Assert.DoesNotContain((await agenda.ReadAsync(gto, session with { Id = Guid.NewGuid() }, Ct)).OpenAgreements, a => a.Id == agreement.Id);
    }
}
