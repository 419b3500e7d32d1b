using Dashboard.Data;
using Dashboard.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.History;

/// <summary>Importing past cases: the import itself, and its command.</summary>
public static class HistoryServices
{
    public static IServiceCollection AddTableroHistory(this IServiceCollection services)
    {
        services.AddSingleton<HistoryImport>();
        return services;
    }
}

/// <summary>
/// <c>dotnet Dashboard.Web.dll import-history FILE|FOLDER</c>: past cases of an institution moving to Tablero, as NDJSON
/// of the ingestion contract, through the case-event service with clocks, breaches and escalations as live and no alert
/// for what became due before the import began. Run it with the service stopped: its SLA sweep must not see a case
/// before the rest of that case's history has arrived.
/// </summary>
public static class ImportHistoryCommand
{
    public const string Name = "import-history";

    public static bool Matches(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length < 2)
        {
            await errors.WriteLineAsync($"usage: {Name} FILE|FOLDER   (NDJSON: one event of POST /api/v1/events per line; a folder's *.ndjson in name order)");
            return 2;
        }

        var files = HistoryImport.FilesOf(args[1]);
        if (files.Count == 0 || !files.All(File.Exists))
        {
            await errors.WriteLineAsync($"{args[1]}: no such file, or a folder without .ndjson files");
            return 2;
        }

        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider == DatabaseProvider.Sqlite
            && DatabaseCommands.OpenedByAnotherProcess(new SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource) is { } pid)
        {
            await errors.WriteLineAsync($"the database is open in process {pid}: stop the service before importing history");
            return 1;
        }

        var result = await services.GetRequiredService<HistoryImport>().RunAsync(files, output, cancellationToken);
        await output.WriteLineAsync($"{result.Lines:N0} lines, {result.Events:N0} events and {result.SlaEvents:N0} SLA events stored, {result.Refused:N0} refused, in {result.Took.TotalSeconds:N1} s");
        return result.Failed ? 1 : 0;
    }
}
