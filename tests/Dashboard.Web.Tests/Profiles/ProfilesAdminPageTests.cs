using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Profiles;
using Dashboard.Core.Tests.Profiles;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Admin;
using Dashboard.Web.Profiles;
using Dashboard.Web.Tests.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Profiles;

/// <summary>/admin/perfiles over a host reading its own profiles folder, in Mexican Spanish.</summary>
[Collection(ProfileHostsCollection.Name)]
public sealed class ProfilesAdminPageTests : PageTestContext, IAsyncLifetime
{
    private readonly ProfileFolder _folder = ProfileFolder.WithThird();
    private readonly OwnProfilesFactory _factory;

    public ProfilesAdminPageTests()
    {
        _factory = new OwnProfilesFactory(_folder.Path);
        Services.AddSingleton(_factory.Services.GetRequiredService<ProfileService>());
        Services.AddSingleton(_factory.Services.GetRequiredService<CatalogueService>());
        Services.AddSingleton(_factory.Services.GetRequiredService<IOptions<Wall.WallOptions>>());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
        InstitutionProfiles.Use(ProfileLoader.Load(InstitutionProfiles.ShippedFolder).OrThrow());
        _folder.Dispose();
    }

    [Fact]
    public void Page_ListsEveryProfileInSpanish_AndSaysChangesApplyToDeadlinesComputedAfterwards()
    {
        var cut = Render<ProfilesAdmin>();

        var table = cut.Find("[data-testid=profiles]").TextContent;
        Assert.Contains("IMSS", table, StringComparison.Ordinal);
        Assert.Contains("Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado", table, StringComparison.Ordinal);
        Assert.Contains("México", table, StringComparison.Ordinal);
        Assert.Contains("Perú", table, StringComparison.Ordinal);
        Assert.Contains("NSS de 11 dígitos · con dígito verificador", table, StringComparison.Ordinal);
        Assert.Contains("los relojes ya fijados conservan los suyos", cut.Find("[data-testid=profiles-note]").TextContent, StringComparison.Ordinal);
        Assert.Contains("\"mistreatment\"", cut.Find("textarea[data-testid=profile-text]").GetAttribute("value") ?? cut.Find("textarea[data-testid=profile-text]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadEdit_IsRefusedBesideTheEditorWithFileLineAndField_AndAGoodOneMovesTheLadder()
    {
        var catalogue = _factory.Services.GetRequiredService<CatalogueService>();
        var path = _folder.FileOf("imss", ProfileLoader.EscalationFile);
        var before = File.ReadAllText(path);
        var cut = Render<ProfilesAdmin>();

        cut.Find("textarea[data-testid=profile-text]").Input(before.Replace("[ \"mistreatment\" ]", "[ \"maltrato\" ]", StringComparison.Ordinal));
        cut.Find("[data-testid=profile-apply]").Click();

        cut.WaitForAssertion(() => Assert.Contains("imss/escalation.json:19 rules[2].categories[0]: 'maltrato' is not a category", cut.Find("[data-testid=profile-errors]").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Contains(AuditLog.Entries, e => e.Action == AuditAction.AdminChange && e.Outcome == AuditOutcome.Failed);

        // The central committee hears of an overdue complex IMSS case after four business days instead of three.
        cut.Find("textarea[data-testid=profile-text]").Input(before.Replace("{ \"level\": 3, \"afterBusinessDays\": 3 }", "{ \"level\": 3, \"afterBusinessDays\": 4 }", StringComparison.Ordinal));
        cut.Find("[data-testid=profile-apply]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=profile-applied]")));
        var complex = catalogue.Context.Sla.Ladder.Rules.Single(r => r.Institution == Institution.Imss && r.Name == "complex");
        Assert.Contains(new Core.Sla.EscalationStep(3, 4), complex.Steps);
        Assert.Empty(cut.FindAll("[data-testid=profile-errors]"));
    }

    private sealed class OwnProfilesFactory(string profiles) : TableroFactory
    {
        protected override void Customize(IWebHostBuilder builder) =>
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Profiles:Path"] = profiles }));
    }
}
