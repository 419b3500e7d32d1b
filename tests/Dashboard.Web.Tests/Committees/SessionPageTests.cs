using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Committees;

/// <summary>
/// The OOAD's technical secretary plans the year, opens the quarter's session, takes attendance, writes the minutes and
/// closes it; without quorum the close is refused beside the form; once closed the minutes are read-only and say who closed it.
/// </summary>
public sealed class SessionPageTests : PageTestContext, IClassFixture<TableroFactory>
{
    private readonly TableroFactory _factory;

    public SessionPageTests(TableroFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<ICommitteeStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<ICommitteeSessionStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<IAccessStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>());
        Services.AddSingleton(factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Wall.WallOptions>>());
        Services.AddSingleton(factory.Services.GetRequiredService<ISessionAgendaStore>());
        Services.AddSingleton<CommitteeService>();
        Services.AddSingleton(factory.Services.GetRequiredService<IAgreementStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<IBrigadeStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<AgreementService>());
        Services.AddSingleton(factory.Services.GetRequiredService<CommitteeAgenda>());
        Services.AddSingleton(factory.Services.GetRequiredService<ISessionAgendaStore>());
    }

    private static readonly CommitteeRole[] Parts = [CommitteeRole.TechnicalSecretary, CommitteeRole.President, CommitteeRole.Member];

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSecretary_RunsTheQuartersSession_FromPlanToClosedMinutes()
    {
        // A committee of this test's own: one OOAD's, with a secretary and two more members.
        var committee = "R-IMSS-SON";
        var store = _factory.Services.GetRequiredService<ICommitteeStore>();
        string[] names = [$"sec{Guid.NewGuid():N}"[..12], $"pre{Guid.NewGuid():N}"[..12], $"voc{Guid.NewGuid():N}"[..12]];
        foreach (var (name, role) in names.Zip(Parts))
        {
            var (id, _) = await _factory.CreateUserAsync(name, Role.Director, ReadScope.ForRegion("IMSS-SON"));
            Assert.True(await store.SetMemberAsync(committee, id, role, Ct));
        }

        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-SON"), name: names[0]);
        var page = Render<CommitteePage>(p => p.Add(x => x.Code, committee));
        page.Find("[data-testid=plan-year]").Click();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=committee-sessions] tbody tr").Count));
        var first = (await _factory.Services.GetRequiredService<ICommitteeSessionStore>().ReadByCommitteeAsync(committee, Ct))[0];

        var session = Render<SessionPage>(p => p.Add(x => x.Id, first.Id.ToString()));
        session.Find("[data-testid=session-open]").Click();
        session.WaitForAssertion(() => Assert.NotNull(session.Find("textarea[data-testid=session-minutes]")));
        session.Find($"input[data-testid=attendee-{names[0]}]").Change(true);
        session.Find("textarea[data-testid=session-minutes]").Input("Se revisaron las quejas escaladas del trimestre y se acordó una brigada a la UMF 37.");
        session.Find("[data-testid=session-close]").Click();
        session.WaitForAssertion(() => Assert.Contains("no hay quórum: se necesitan 2 integrantes presentes", session.Find("[data-testid=session-problem]").TextContent, StringComparison.Ordinal));

        session.Find($"input[data-testid=attendee-{names[1]}]").Change(true);
        session.Find("[data-testid=session-close]").Click();
        session.WaitForAssertion(() => Assert.Contains("Cerrada", session.Find("[data-testid=session-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("cerrada por", session.Find("[data-testid=session-closed-by]").TextContent, StringComparison.Ordinal);
        Assert.Contains("brigada a la UMF 37", session.Find("[data-testid=session-minutes-text]").TextContent, StringComparison.Ordinal);
        Assert.Empty(session.FindAll("textarea[data-testid=session-minutes]"));
        var closed = (await _factory.Services.GetRequiredService<ICommitteeSessionStore>().ReadByIdAsync(first.Id, Ct))!;
        Assert.Equal(SessionStatus.Closed, closed.Status);
        Assert.Equal(2, closed.Attendees.Count);
    }

    [Fact]
    public void AMemberWhoIsNotSecretary_ReadsTheSessionsButCannotRunThem()
    {
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"), name: "vocal.sin.cargo");

        var page = Render<CommitteePage>(p => p.Add(x => x.Code, "R-IMSS-JAL"));

        Assert.NotNull(page.Find("[data-testid=committee-sessions]"));
        Assert.Empty(page.FindAll("[data-testid=plan-year]"));
        Assert.Empty(page.FindAll("[data-testid=member-add]"));
    }
}
