using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>The accounts of the people at a desk: a técnica at her unit's module, a call center or telemedicine desk for its institution.</summary>
public sealed class DeskAccountsTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly System.Security.Claims.ClaimsPrincipal Admin = AccessAdministration.SystemActor("tests");

    private AccessAdministration Administration => factory.Services.GetRequiredService<AccessAdministration>();

    private CatalogueService Catalogue => factory.Services.GetRequiredService<CatalogueService>();

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Fact]
    public async Task Tecnica_WithAModuleOfHerUnit_IsAlsoAnAgentOfTheCatalogue_SoHerCasesShowHerName()
    {
        var snapshot = Catalogue.Current.Snapshot;
        var module = snapshot.Modules.First(m => m.UnitCode.StartsWith("UMF-JAL", StringComparison.Ordinal));
        var userName = NewName("tecnica");

        var created = await Administration.CreateUserAsync(Admin, userName, "Ana Lilia Zamora", null, Role.Agent, ReadScope.ForUnit(module.UnitCode), moduleCode: module.Code, cancellationToken: Ct);

        Assert.True(created.Succeeded, created.Problem);
        Assert.Equal(module.Code, (await factory.Services.GetRequiredService<IAccessStore>().ReadUserByNameAsync(userName, Ct))!.ModuleCode);
        Assert.Contains(Catalogue.Current.Snapshot.Agents, a => a == new Core.Catalogue.Agent(userName, module.UnitCode, module.Code, "Ana Lilia Zamora"));
    }

    [Fact]
    public async Task Tecnica_WithAnotherUnitsModule_IsRefusedByTheModuleField()
    {
        var snapshot = Catalogue.Current.Snapshot;
        var module = snapshot.Modules.First(m => m.UnitCode.StartsWith("UMF-JAL", StringComparison.Ordinal));
        var otherUnit = snapshot.Units.First(u => u.RegionCode == "IMSS-JAL" && u.Code != module.UnitCode);

        var created = await Administration.CreateUserAsync(Admin, NewName("tecnica"), "Ana Lilia Zamora", null, Role.Agent, ReadScope.ForUnit(otherUnit.Code), moduleCode: module.Code, cancellationToken: Ct);

        Assert.Equal(("module", "ModuleNotOfUnit"), (created.Field, created.Code));
    }

    [Theory]
    [InlineData(Role.CallCenterAgent, "unit")]
    [InlineData(Role.TelemedicineAgent, "all")]
    [InlineData(Role.Agent, "institution")]
    public async Task DeskAccount_OutsideTheScopeItsRoleNeeds_IsRefusedByTheScopeField(Role role, string level)
    {
        var scope = level switch
        {
            "unit" => ReadScope.ForUnit(TableroFactory.JaliscoUnit.Code),
            "institution" => ReadScope.ForInstitution("Imss"),
            _ => ReadScope.All,
        };

        var created = await Administration.CreateUserAsync(Admin, NewName("escritorio"), "Cuenta de prueba", null, role, scope, cancellationToken: Ct);

        Assert.Equal("scope", created.Field);
        Assert.Equal(role == Role.Agent ? "DeskNeedsUnit" : "DeskNeedsInstitution", created.Code);
    }

    [Fact]
    public async Task DeskAccount_NamedLikeAnEmail_IsRefused_BecauseCasesAreAssignedToItsName()
    {
        var created = await Administration.CreateUserAsync(Admin, "m.torres@imss.example", "Mariana Torres", null, Role.CallCenterAgent, ReadScope.ForInstitution("Imss"), cancellationToken: Ct);

        Assert.Equal(("userName", "DeskUserNameFormat"), (created.Field, created.Code));
    }

    [Fact]
    public async Task SetModule_MovesTheTecnicaToAnotherModuleOfHerUnit_AndEndsHerSessions()
    {
        var snapshot = Catalogue.Current.Snapshot;
        var unit = snapshot.Units.First(u => snapshot.Modules.Count(m => m.UnitCode == u.Code) >= 2);
        var modules = snapshot.Modules.Where(m => m.UnitCode == unit.Code).Take(2).ToArray();
        var userName = NewName("tecnica");
        Assert.True((await Administration.CreateUserAsync(Admin, userName, "Ana Lilia Zamora", null, Role.Agent, ReadScope.ForUnit(unit.Code), moduleCode: modules[0].Code, cancellationToken: Ct)).Succeeded);
        var store = factory.Services.GetRequiredService<IAccessStore>();
        var before = (await store.ReadUserByNameAsync(userName, Ct))!;

        Assert.True((await Administration.SetModuleAsync(Admin, before.Id, modules[1].Code, Ct)).Succeeded);

        var after = (await store.ReadUserByNameAsync(userName, Ct))!;
        Assert.Equal(modules[1].Code, after.ModuleCode);
        Assert.True(after.Version > before.Version);
        Assert.Equal(modules[1].Code, Catalogue.Current.Snapshot.Agents.Single(a => a.Id == userName).ModuleCode);
    }
}
