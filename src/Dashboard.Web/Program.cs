using Dashboard.Data;
using Dashboard.Web.Catalogue;
using Dashboard.Web.History;
using Dashboard.Web.Infrastructure;
using Dashboard.Web.Security;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(CatalogueImportCommand.HostArguments(args));
builder.AddTablero();

var app = builder.Build();
if (DatabaseCommands.Matches(args))
{
    // Before anything opens the database: no migration, no demo seed touches a running service's data.
    return await DatabaseCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
}

try
{
    await app.InitializeTableroAsync();
}
catch (Exception ex) when (StartupProblems.Describe(ex, app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return StartupProblems.ExitCode;
}

if (CatalogueImportCommand.Matches(args))
{
    return await CatalogueImportCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (ImportHistoryCommand.Matches(args))
{
    return await ImportHistoryCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (RebuildCountsCommand.Matches(args))
{
    return await RebuildCountsCommand.RunAsync(app.Services, Console.Out, Console.Error);
}

if (CreateAdminCommand.Matches(args))
{
    return await CreateAdminCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

await Dashboard.Web.Simulation.DemoHistory.LoadAsync(app.Services, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tablero"));
app.MapTablero();
await app.RunAsync();
return 0;

/// <summary>The entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
