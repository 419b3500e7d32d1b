using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Admin;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

/// <summary>The administration pages over the real access store and service (the host's), read in Mexican Spanish.</summary>
public sealed class AdminPagesTests : PageTestContext, IClassFixture<TableroFactory>
{
    private readonly TableroFactory _factory;

    public AdminPagesTests(TableroFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<IAccessStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<AccessAdministration>());
        Services.AddSingleton(factory.Services.GetRequiredService<CatalogueService>());
    }

    private IAccessStore Store => _factory.Services.GetRequiredService<IAccessStore>();

    [Fact]
    public async Task Displays_NameTypedAndCreatedAtOnce_CreatesTheDisplayWithThatName()
    {
        var cut = Render<DisplaysAdmin>();
        var where = $"Sala {Guid.NewGuid():N}"[..20];

        // An input event only, no change (blur): typing and clicking at once, as Playwright's FillAsync and a hurried person do.
        cut.Find("input[data-testid=new-display-name]").Input(where);
        cut.Find("[data-testid=create-display]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=secret]")));
        var display = Assert.Single(await Store.ListDisplayTokensAsync(Xunit.TestContext.Current.CancellationToken), t => t.Name == where);
        Assert.Equal(ReadScope.All, display.Scope);
        // The list says "Todo", not "all", and its times are on a named clock, not UTC.
        Assert.Contains("Todo", cut.Find("[data-testid=displays]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ciudad de México", cut.Find("[data-testid=times-zone]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Displays_NameTooLong_IsExplainedBesideTheFieldInTheReadersLanguage()
    {
        var cut = Render<DisplaysAdmin>();

        cut.Find("input[data-testid=new-display-name]").Input(new string('x', 201));
        cut.Find("[data-testid=create-display]").Click();

        cut.WaitForAssertion(() => Assert.Contains("escriba dónde está la pantalla (de 1 a 200 caracteres)", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("characters", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=secret]"));
    }

    [Fact]
    public void Users_BadUserName_IsExplainedInSpanish()
    {
        var cut = Render<UsersAdmin>();

        cut.Find("input[data-testid=new-user-name]").Input("no vale con espacios");
        cut.Find("input[data-testid=new-user-display]").Input("Dra. Ana Ruiz");
        cut.Find("[data-testid=create-user]").Click();

        cut.WaitForAssertion(() => Assert.Contains("de 3 a 100 caracteres", cut.Find("[data-testid=admin-problem]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("characters", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ShowsRolesScopesAndOutcomesInWords()
    {
        await AuditLog.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow.AddMinutes(-1), "e2e", "System", "all", AuditAction.AdminChange, null, AuditOutcome.Success, "c0",
            $"display token {Guid.NewGuid()} revoked"), Xunit.TestContext.Current.CancellationToken);
        await AuditLog.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "e2e", "System", "region:IMSS-JAL", AuditAction.AdminChange, null, AuditOutcome.Success, "c1",
            "user ana.ruiz created: Director, region:IMSS-JAL"), Xunit.TestContext.Current.CancellationToken);

        var cut = Render<AuditAdmin>();

        var row = cut.Find("[data-testid=audit] tbody tr").TextContent;
        Assert.Contains("Sistema", row, StringComparison.Ordinal);
        Assert.Contains("OOAD Jalisco", row, StringComparison.Ordinal);
        Assert.Contains("Correcto", row, StringComparison.Ordinal);
        Assert.DoesNotContain("region:", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Success", row, StringComparison.Ordinal);
        Assert.Contains("usuario ana.ruiz creado: Dirección, OOAD Jalisco", row, StringComparison.Ordinal);
        // Older lines named what they changed by id: the page says what happened, not the id.
        Assert.Contains("una pantalla revocada", cut.Find("[data-testid=audit]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", cut.Find("[data-testid=audit]").TextContent);
    }
}
