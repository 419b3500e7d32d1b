using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Committees;

/// <summary>/comites and a committee's page over the host's store, in Mexican Spanish and within the reader's scope.</summary>
public sealed class CommitteePagesTests : PageTestContext, IClassFixture<TableroFactory>
{
    private readonly TableroFactory _factory;

    public CommitteePagesTests(TableroFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<ICommitteeStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<IAccessStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>());
        Services.AddSingleton(factory.Services.GetRequiredService<ICommitteeSessionStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<ISessionAgendaStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<CommitteeAgenda>());
        Services.AddSingleton(factory.Services.GetRequiredService<IAgreementStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<IBrigadeStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<AgreementService>());
        Services.AddSingleton<CommitteeService>();
    }

    [Fact]
    public void ARegionsDirector_SeesHerOoadsCommitteeAndItsUmaes_NotTheCentralOneNorAnotherOoads()
    {
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"));

        var cut = Render<CommitteesPage>();

        var table = cut.Find("[data-testid=committees]").TextContent;
        Assert.Contains("Comité de Trato Digno · OOAD Jalisco", table, StringComparison.Ordinal);
        Assert.Contains("OOAD", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Comité Central", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Nuevo León", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Region", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_AddsASecretary_AndABadAddressIsExplainedBesideTheField()
    {
        var secretary = $"sec{Guid.NewGuid():N}"[..12];
        await _factory.CreateUserAsync(secretary, Role.Director, ReadScope.ForRegion("IMSS-NL"));
        var cut = Render<CommitteePage>(p => p.Add(x => x.Code, "R-IMSS-NL"));

        // The quarter's report for the minutes and its workbook, from the committee's page.
        Assert.StartsWith("/comites/informe/R-IMSS-NL?anio=", cut.Find("[data-testid=report-print-link]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith("/api/v1/exports/committee-report.xlsx?committee=R-IMSS-NL&year=", cut.Find("[data-testid=report-workbook-link]").GetAttribute("href"), StringComparison.Ordinal);

        cut.Find("input[data-testid=member-user]").Input(secretary);
        cut.Find("[data-testid=member-add]").Click();
        cut.WaitForAssertion(() => Assert.Contains(secretary, cut.Find("[data-testid=committee-members]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Vocal", cut.Find("[data-testid=committee-members]").TextContent, StringComparison.Ordinal);

        cut.Find("input[data-testid=committee-email]").Input("comité sin arroba");
        cut.Find("[data-testid=committee-email-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("escriba una dirección de correo válida", cut.Markup, StringComparison.Ordinal));
        Assert.Contains(AuditLog.Entries, e => e.Action == AuditAction.AdminChange && e.Detail!.Contains(secretary, StringComparison.Ordinal));
        var members = await _factory.Services.GetRequiredService<ICommitteeStore>().ReadMembersAsync("R-IMSS-NL", Xunit.TestContext.Current.CancellationToken);
        Assert.Contains(members, m => m.UserName == secretary && m.Role == CommitteeRole.Member);
    }
}
