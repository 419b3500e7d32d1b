using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Data.Stores;
using Dashboard.Simulator.Catalogue;

// On-demand measurements of the embedded store (never run by `dotnet test`). Figures are ratios taken in one run,
// since these machines are shared and noisy:  dotnet run -c Release --project tests/Dashboard.Benchmarks
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var folder = Directory.CreateTempSubdirectory("tablero-bench-").FullName;
try
{
    var connectionString = $"Data Source={Path.Combine(folder, "tablero.db")};Pooling=True";
    DatabaseMigrator.Migrate(DatabaseProvider.Sqlite, connectionString);
    DapperSetup.Register();
    var connections = ConnectionFactory.Create(DatabaseProvider.Sqlite, connectionString);
    var sql = new SqlScripts(DatabaseProvider.Sqlite);
    var catalogue = DemoCatalogue.Build();
    await new CatalogueStore(connections, sql).UpsertAsync(catalogue);
    var index = new CatalogueIndex(catalogue);
    var events = new CaseEventStore(connections, sql);
    var cases = new CaseStore(connections, sql);
    var random = new Random(2026);
    var now = DateTimeOffset.UtcNow;
    var counter = 0;

    CaseEvent Opened() => new(Guid.NewGuid(), $"BENCH-{++counter:D8}", now, new CaseOpenedData(
        catalogue.Units[random.Next(catalogue.Units.Count)].Code, CaseKind.Complaint, Channel.Module, "waiting-time",
        Priority.Medium, random.NextDouble() < 0.12, "Espera prolongada en urgencias."));

    async Task<double> EventsPerSecondAsync(int batchSize, int totalEvents)
    {
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < totalEvents; done += batchSize)
        {
            var batch = Enumerable.Range(0, batchSize).Select(_ => Opened()).ToArray();
            var result = await events.AppendAsync(batch, now, index.FindUnit);
            if (result.Outcome != AppendOutcome.Committed)
            {
                throw new InvalidOperationException(result.Reason);
            }
        }

        return totalEvents / watch.Elapsed.TotalSeconds;
    }

    async Task<double> CountsMillisecondsAsync(int repeats)
    {
        await cases.ReadOpenCountsByRegionAsync(ReadScope.All);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
        {
            await cases.ReadOpenCountsByRegionAsync(ReadScope.All);
        }

        return watch.Elapsed.TotalMilliseconds / repeats;
    }

    Console.WriteLine("Tablero benchmarks — SQLite (WAL, synchronous=FULL), demo catalogue of " + catalogue.Units.Count + " units");
    var single = await EventsPerSecondAsync(1, 500);
    var batched = await EventsPerSecondAsync(100, 20_000);
    Console.WriteLine($"ingest, 1 event per request:     {single,10:N0} events/s");
    Console.WriteLine($"ingest, 100 events per request:  {batched,10:N0} events/s   (×{batched / single:N1} the single-event rate)");

    var at20K = await CountsMillisecondsAsync(50);
    await EventsPerSecondAsync(500, 180_000);
    var at200K = await CountsMillisecondsAsync(20);
    Console.WriteLine($"open counts by region, 20k open cases:  {at20K,8:N2} ms");
    Console.WriteLine($"open counts by region, 200k open cases: {at200K,8:N2} ms   (×{at200K / at20K:N1} for ×10 the cases)");
    Console.WriteLine($"a board re-reading 4×/s spends {at200K * 4 / 10:N1}% of one core at 200k open cases");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
