using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;

namespace Dashboard.Web.Security;

/// <summary>
/// Development only ("Security:SeedDemoUsers"): one user per role, with new passwords at every start (printed, so
/// whoever runs the demo can sign in), and a wall display token kept with the database, so a TV left open on the demo
/// wall survives a restart (revoking it at /admin/pantallas makes the next start create another). Production seeds
/// none: see <see cref="CreateAdminCommand"/>.
/// </summary>
public static class DemoAccess
{
    public const string DisplayName = "Pared de demostración";

    /// <summary>The <see cref="IDemoSettingsStore"/> name of the demo wall's token.</summary>
    public const string WallTokenSetting = "wall-token";

    /// <summary>The sign-in lines to print, and the demo wall's path (<c>/pantalla/{token}</c>).</summary>
    public static async Task<(IReadOnlyList<string> SignIns, string WallPath)> SeedAsync(AccessAdministration admin, IAccessStore store, IDemoSettingsStore settings, CatalogueService catalogue)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalogue);
        var system = AccessAdministration.SystemActor("demo-seed");
        var region = catalogue.Current.Snapshot.Regions.OrderBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault(r => r.Code == "IMSS-JAL")
            ?? catalogue.Current.Snapshot.Regions.OrderBy(r => r.Code, StringComparer.Ordinal).First();
        // The técnica works at the busiest unit's first module, so her desk has cases from the first minute.
        var unit = catalogue.Current.Snapshot.Units.Where(u => u.RegionCode == region.Code)
            .OrderByDescending(u => u.Size).ThenBy(u => u.Code, StringComparer.Ordinal).First();
        var module = catalogue.Current.Snapshot.Modules.Where(m => m.UnitCode == unit.Code).OrderBy(m => m.Code, StringComparer.Ordinal).FirstOrDefault();
        var remote = catalogue.Current.Snapshot.Regions.Select(r => r.Institution).Distinct().Order().ToArray();
        var people = new List<(string UserName, string Name, Role Role, ReadScope Scope, string? Module)>
        {
            ("admin", "Administración Tablero", Role.Administrator, ReadScope.All, null),
            ("direccion", $"Dirección {region.Name}", Role.Director, ReadScope.ForRegion(region.Code), null),
            ("supervision", "Supervisión central", Role.Supervisor, ReadScope.All, null),
            ("tecnica", "Lucía Hernández Ruiz", Role.Agent, ReadScope.ForUnit(unit.Code), module?.Code),
        };
        if (remote.Contains(Institution.Imss))
        {
            people.Add(("callcenter", "Mariana Torres (centro de contacto)", Role.CallCenterAgent, ReadScope.ForInstitution(nameof(Institution.Imss)), null));
        }

        if (remote.Contains(Institution.EsSalud))
        {
            people.Add(("cenate", "Rosa Quispe (CENATE)", Role.TelemedicineAgent, ReadScope.ForInstitution(nameof(Institution.EsSalud)), null));
        }

        var lines = new List<string>();
        foreach (var (userName, name, role, scope, moduleCode) in people)
        {
            var existing = await store.ReadUserByNameAsync(userName);
            var password = existing is null
                ? (await admin.CreateUserAsync(system, userName, name, null, role, scope, moduleCode: moduleCode)).Value
                : (await admin.ResetPasswordAsync(system, existing.Id)).Value;
            if (existing is { Role: Role.Agent, ModuleCode: null } && moduleCode is not null)
            {
                await admin.SetModuleAsync(system, existing.Id, moduleCode);
            }

            lines.Add($"{role,-17} {userName,-12} {password}   ({scope})");
        }

        var token = await settings.ReadAsync(WallTokenSetting);
        if (token is null || await admin.FindDisplayTokenAsync(token) is null)
        {
            // First start, or the token was revoked: a new one, and any other demo wall token is retired.
            foreach (var old in (await store.ListDisplayTokensAsync()).Where(t => t.Name == DisplayName && t.IsActive))
            {
                await admin.RevokeDisplayTokenAsync(system, old.Id);
            }

            token = (await admin.CreateDisplayTokenAsync(system, DisplayName, ReadScope.All)).Value!;
            await settings.WriteAsync(WallTokenSetting, token);
        }

        return (lines, $"{SignInEndpoints.DisplayPath}/{token}");
    }
}

/// <summary>
/// <c>dotnet Dashboard.Web.dll create-admin USER</c>: the first administrator of a production installation (which
/// seeds no users), with a generated password printed once. Refuses a taken name.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static bool Matches(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length < 2)
        {
            await errors.WriteLineAsync($"usage: {Name} USER   (prints a generated password once)");
            return 2;
        }

        var admin = services.GetRequiredService<AccessAdministration>();
        var result = await admin.CreateUserAsync(AccessAdministration.SystemActor("command-line"), args[1], args[1], null, Role.Administrator, ReadScope.All);
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync($"{result.Field}: {result.Problem}");
            return 1;
        }

        await output.WriteLineAsync($"Administrator '{args[1].Trim().ToLowerInvariant()}' created. Password (shown once): {result.Value}");
        return 0;
    }
}
