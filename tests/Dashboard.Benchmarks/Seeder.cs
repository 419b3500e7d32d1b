using System.Diagnostics;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Sla;
using Dashboard.Data;
using Dashboard.Data.Tests;
using Dashboard.Data.Stores;
using Dashboard.Simulator;
using Dashboard.Simulator.Catalogue;

namespace Dashboard.Benchmarks;

/// <summary>
/// Fills a SQLite database with historical cases so later benchmarks run against a realistic size:
/// <c>seed CASES [DATA_FOLDER]</c>. Cases spread over the last two years across units by size; older ones are
/// assigned, resolved and closed, the most recent weeks stay open. Everything goes through the store's append,
/// so the seeded data obeys the same rules and sequence as live data. Cases come in the order they were opened and
/// event ids are time-ordered, so the indexes grow at their recent end and the rate holds as the database grows
/// (random ids and open times: 33,000 events/s at the start, 5,300 after 2.6 M cases).
/// </summary>
internal static class Seeder
{
    private const int EventsPerGroup = 5000;

    public static async Task RunAsync(long cases, string dataFolder)
    {
        var connectionString = $"Data Source={Path.Combine(Path.GetFullPath(dataFolder), "tablero.db")};Pooling=True";
        DatabaseMigrator.Migrate(DatabaseProvider.Sqlite, connectionString);
        DapperSetup.Register();
        var connections = ConnectionFactory.Create(DatabaseProvider.Sqlite, connectionString);
        var sql = new SqlScripts(DatabaseProvider.Sqlite);
        var catalogueStore = new CatalogueStore(connections, sql);
        if (await catalogueStore.IsEmptyAsync())
        {
            await catalogueStore.UpsertAsync(DemoCatalogue.Build());
        }

        var catalogue = new CatalogueIndex(await catalogueStore.ReadAllAsync());
        var context = new CaseContext(catalogue.FindUnit, new SlaEngine(new SlaCalendars(), EscalationLadder.Default));
        var units = new Weighted<Unit>(catalogue.Snapshot.Units.Select(u => (u, (double)u.Size)));
        var agents = catalogue.Snapshot.Agents.GroupBy(a => a.UnitCode).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToArray());
        var store = new EventLogForTests(connections, sql);
        var random = new Random(2026);
        var now = DateTimeOffset.UtcNow;
        var run = now.ToUnixTimeSeconds().ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        string[] categories = ["waiting-time", "mistreatment", "medicine-supply", "appointment-deferral", "information", "quality", "safety", "environment"];

        Console.WriteLine($"seeding {cases:N0} historical cases into {connectionString}");
        var watch = Stopwatch.StartNew();
        long written = 0, events = 0;
        var group = new List<IReadOnlyList<CaseEvent>>();
        var inGroup = 0;
        for (long n = 0; n < cases; n++)
        {
            var unit = units.Pick(random);
            // In the order they were opened, as a migration loads its history: every index grows at its recent end.
            var opened = now - TimeSpan.FromDays(730 * (cases - n - random.NextDouble()) / cases);
            var caseId = $"H-{run}-{n:D9}";
            var agent = agents.TryGetValue(unit.Code, out var list) ? list[random.Next(list.Length)] : $"{unit.Code}-AGT";
            var complex = random.NextDouble() < 0.12;
            var assigned = opened.AddMinutes(5 + (240 * random.NextDouble()));
            var lifecycle = new List<CaseEvent>(4)
            {
                Event(caseId, opened, new CaseOpenedData(unit.Code, CaseKind.Complaint, Channel.Module,
                    categories[random.Next(categories.Length)], (Priority)random.Next(4), complex, "Caso histórico de carga.")),
                Event(caseId, assigned, new CaseAssignedData(agent)),
            };

            // Cases of the last three weeks may still be open; older ones were answered and closed.
            var resolved = opened.AddHours((complex ? 72 : 8) * (0.2 + (2 * random.NextDouble())));
            if (resolved < now - TimeSpan.FromDays(21) || random.NextDouble() < 0.5)
            {
                lifecycle.Add(Event(caseId, resolved, new CaseResolvedData("attended", "Atendido.")));
                lifecycle.Add(Event(caseId, resolved.AddHours(24 * random.NextDouble()), new CaseClosedData(1 + random.Next(5))));
            }

            group.Add(lifecycle);
            inGroup += lifecycle.Count;
            if (inGroup >= EventsPerGroup || n == cases - 1)
            {
                var results = await store.AppendGroupAsync(group, now, context);
                var failed = results.FirstOrDefault(r => r.Outcome != AppendOutcome.Committed);
                if (failed is not null)
                {
                    throw new InvalidOperationException(failed.Reason);
                }

                written += group.Count;
                events += inGroup;
                group.Clear();
                inGroup = 0;
                if (written % 100_000 < EventsPerGroup / 3 || written == cases)
                {
                    Console.WriteLine($"  {written,12:N0} cases, {events,12:N0} events, {events / watch.Elapsed.TotalSeconds,8:N0} events/s");
                }
            }
        }

        Console.WriteLine($"done: {written:N0} cases and {events:N0} events in {watch.Elapsed:hh\\:mm\\:ss}");
    }

    /// <summary>Ids minted when the event happened (UUIDv7), as many source systems do: the history's ids sort by time, like its cases.</summary>
    private static CaseEvent Event(string caseId, DateTimeOffset at, CaseEventData data) => new(Guid.CreateVersion7(at), caseId, at, data);
}
