using Dashboard.Data.CatalogueImport;

namespace Dashboard.Web.Catalogue;

/// <summary>
/// <c>dotnet Dashboard.Web.dll import-catalogue FOLDER</c>: loads a deployment's own regions, units, modules and
/// agents from CSV files into the configured database. Every row error is printed and nothing is stored unless the
/// whole import is valid; rows with known codes are updated.
/// </summary>
public static class CatalogueImportCommand
{
    public const string Name = "import-catalogue";

    public static bool Matches(string[] args) => args is [Name, ..];

    /// <summary>The arguments left for the host's configuration once a command (this, create-admin, backup, restore) and its argument are taken out.</summary>
    public static string[] HostArguments(string[] args) =>
        Matches(args) || Security.CreateAdminCommand.Matches(args) || History.ImportHistoryCommand.Matches(args) || Infrastructure.DatabaseCommands.Matches(args) ? args[Math.Min(2, args.Length)..] : args;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length < 2)
        {
            await errors.WriteLineAsync($"usage: {Name} FOLDER   (regions.csv, units.csv, and optionally modules.csv, agents.csv)");
            return 2;
        }

        var catalogue = services.GetRequiredService<CatalogueService>();
        await catalogue.ReloadAsync();
        var result = CatalogueCsvReader.ReadFolder(args[1], catalogue.Current.Snapshot);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                await errors.WriteLineAsync(error.ToString());
            }

            await errors.WriteLineAsync($"{result.Errors.Count} error(s); nothing was imported");
            return 1;
        }

        var imported = result.Catalogue!;
        await catalogue.UpsertAsync(imported);
        // The new regions' and UMAE's committees, so their escalations find one.
        await services.GetRequiredService<Committees.CommitteeService>().SyncAsync();
        await output.WriteLineAsync($"imported {imported.Regions.Count} regions, {imported.Units.Count} units, {imported.Modules.Count} modules, {imported.Agents.Count} agents");
        return 0;
    }
}
