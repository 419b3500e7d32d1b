using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Tests;
using Dashboard.Simulator.Catalogue;

namespace Dashboard.Benchmarks;

/// <summary>
/// The SLA sweep: the cost of a tick against a large open book, catching up a mass of breaches after downtime,
/// and (against the real host with Hangfire) how long after a deadline its SlaBreached event reaches the feed.
/// </summary>
internal static class SlaBenchmarks
{
    /// <summary>Due cases per sweep transaction, as <c>Sla:SweepBatchSize</c> in the host.</summary>
    private static readonly int CatchUpBatch = int.TryParse(Environment.GetEnvironmentVariable("SLA_BATCH"), out var b) ? b : 2000;

    public static async Task RunAsync(int openCases, int catchUp, string? dataFolder)
    {
        Console.WriteLine($"Tablero SLA sweep — SQLite (WAL, synchronous=FULL), {openCases:N0} open cases, {catchUp:N0} overdue after downtime");
        await SweepAsync(openCases, catchUp, dataFolder);
        await BreachLatencyAsync(cases: 300);
    }

    private static async Task SweepAsync(int openCases, int catchUp, string? dataFolder)
    {
        await using var db = dataFolder is null ? await BenchDatabase.CreateAsync("tablero-sla-bench-") : await BenchDatabase.OpenAsync(dataFolder);
        if (dataFolder is not null)
        {
            await using var connection = await db.Connections.OpenAsync();
            var (total, open, events) = await connection.QuerySingleAsync<(long, long, long)>(
                "SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM cases WHERE is_open = 1), (SELECT last_sequence FROM event_sequence)");
            Console.WriteLine($"  history in {dataFolder}: {total:N0} cases ({open:N0} open), {events:N0} events");
        }

        // Case ids carry the run, so a kept database can be measured again.
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
        var (catalogue, context, store, cases) = (db.Catalogue, db.Context, db.Events, db.Cases);
        var now = DateTimeOffset.UtcNow;
        var hospitals = catalogue.Units.Where(u => u.Type is UnitType.Hgz or UnitType.Hgr).ToArray(); // 24x7, 24 h target: overdue after 30 h
        var random = new Random(4);

        // The open book: cases opened in the last ten minutes, every deadline ahead.
        var watch = Stopwatch.StartNew();
        await SeedAsync(store, context, openCases, i => Opened($"OPEN-{run}-{i}", catalogue.Units[random.Next(catalogue.Units.Count)], now.AddMinutes(-random.Next(0, 10)), agent: i % 2 == 0), now);
        Console.WriteLine($"  seeded {openCases:N0} open cases in {watch.Elapsed.TotalSeconds:N1} s");

        await using var service = new CaseEventService(store, new NullFeed(), () => context, TimeProvider.System);
        if (dataFolder is not null)
        {
            // The seeded history leaves its recent cases open and long overdue: swept first, so the ticks below start clean.
            var (events, took) = await CatchUpAsync(service, context, DateTimeOffset.UtcNow);
            Console.WriteLine($"  the history's overdue cases, swept first: {events:N0} events in {took:N1} s");
        }

        var idle = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var tick = Stopwatch.StartNew();
            await TickAsync(service, cases, context, DateTimeOffset.UtcNow);
            idle.Add(tick.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"  sweep tick, nothing due:           p50 {Percentile(idle, 50):N3} ms   p99 {Percentile(idle, 99):N3} ms   ({idle.Count} ticks)");

        // Ten cases fall due per tick: the tick reads, plans and commits their breaches.
        var busy = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var at = DateTimeOffset.UtcNow;
            await SeedAsync(store, context, 10, j => Opened($"DUE-{run}-{i}-{j}", hospitals[random.Next(hospitals.Length)], at.AddHours(-30), agent: true), at);
            var tick = Stopwatch.StartNew();
            var added = await TickAsync(service, cases, context, at);
            busy.Add(tick.Elapsed.TotalMilliseconds);
            if (added != 10)
            {
                throw new InvalidOperationException("each busy tick should record ten breaches");
            }
        }

        Console.WriteLine($"  sweep tick, 10 breaches committed: p50 {Percentile(busy, 50):N3} ms   p99 {Percentile(busy, 99):N3} ms   ({busy.Count} ticks)");

        // Downtime: this many cases went past their deadline, one after another over the hour while nothing ran.
        // One sweep run catches up, through the service as the job does it.
        // Each measurement below gets its own late cases, seeded the same way.
        async Task<DateTimeOffset> SeedLateAsync(string prefix)
        {
            var at = DateTimeOffset.UtcNow;
            await SeedAsync(store, context, catchUp, i => Opened($"{prefix}-{run}-{i:D7}", hospitals[random.Next(hospitals.Length)], at.AddHours(-31).AddSeconds(3600.0 * i / catchUp), agent: true), at);
            return at;
        }

        var down = await SeedLateAsync("LATE");
        Console.WriteLine($"  {catchUp:N0} cases overdue; catching up");
        var (breaches, seconds) = await CatchUpAsync(service, context, down);
        Console.WriteLine($"  catch-up after downtime: {breaches:N0} SlaBreached events in {seconds:N1} s ({breaches / seconds:N0} per s)");

        // The floor: as many more late cases, swept by plain prepared SQL doing the least a breach needs.
        var (rawBreaches, rawSeconds) = RawCatchUp(db.ConnectionString, db.Sql, await SeedLateAsync("RAW"));
        Console.WriteLine($"  raw SQL floor, same shape: {rawBreaches:N0} breaches in {rawSeconds:N1} s ({rawBreaches / rawSeconds:N0} per s; the catch-up ran at {breaches / seconds / (rawBreaches / rawSeconds):P0} of it)");

        // SQLite's own floor: as many more late cases, swept by two set-based statements in one transaction.
        var (setBreaches, setSeconds) = SetBasedCatchUp(db.ConnectionString, await SeedLateAsync("SET"));
        Console.WriteLine($"  set-based SQL floor (one INSERT…SELECT, one UPDATE, one commit): {setBreaches:N0} breaches in {setSeconds:N1} s ({setBreaches / setSeconds:N0} per s)");
    }

    private static readonly string[] EventColumns = ["Sequence", "EventId", "CaseId", "Type", "OccurredAt", "RecordedAt", "UnitCode", "RegionCode", "Status", "Complex", "Priority", "EscalationLevel", "DataJson", "ContentHash", "Actor"];
    private static readonly string[] UpdateColumns = ["DueAt", "Sequence", "Now", "CaseId"];

    /// <summary>
    /// The least SQL a breach needs, in transactions of <see cref="CatchUpBatch"/> cases: read the due cases' key
    /// columns through the deadline index, insert one event row each, and set the case's breach columns. No rules,
    /// no plan, no JSON beyond a constant payload: what the service is compared to.
    /// </summary>
    private static (long Breaches, double Seconds) RawCatchUp(string connectionString, Dashboard.Data.SqlScripts sql, DateTimeOffset now)
    {
        using var connection = BenchDatabase.OpenLikeTheAppender(connectionString);
        var stamp = BenchDatabase.Stored(now);
        var watch = Stopwatch.StartNew();
        long breaches = 0;
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            var sequence = connection.ExecuteScalar<long>("SELECT last_sequence FROM event_sequence", transaction: transaction);
            var due = connection.Query<(string CaseId, string UnitCode, string RegionCode, string DueAt)>(
                "SELECT case_id, unit_code, region_code, next_deadline_utc FROM cases WHERE next_deadline_utc IS NOT NULL AND next_deadline_utc <= @Now ORDER BY next_deadline_utc LIMIT @Limit",
                new { Now = stamp, Limit = CatchUpBatch }, transaction).ToArray();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = sql["CaseEvent_Insert"];
            var values = EventColumns.Select(n => insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@" + n, null))).ToArray();
            insert.Prepare();
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE cases SET sla_state = 'Breached', resolution_breached_utc = @DueAt, next_deadline_utc = NULL, last_sequence = @Sequence, updated_at_utc = @Now WHERE case_id = @CaseId";
            var set = UpdateColumns.Select(n => update.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@" + n, null))).ToArray();
            update.Prepare();
            foreach (var c in due)
            {
                object[] row = [++sequence, Guid.CreateVersion7(), c.CaseId, "SlaBreached", c.DueAt, stamp, c.UnitCode, c.RegionCode, "Assigned", false, "Medium", 0,
                    "{\"clock\":\"Resolution\",\"dueAt\":\"2026-11-24T00:00:00Z\"}", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", DBNull.Value];
                for (var p = 0; p < row.Length; p++)
                {
                    values[p].Value = row[p];
                }

                insert.ExecuteNonQuery();
                (set[0].Value, set[1].Value, set[2].Value, set[3].Value) = (c.DueAt, sequence, stamp, c.CaseId);
                update.ExecuteNonQuery();
            }

            connection.Execute("UPDATE event_sequence SET last_sequence = @Sequence", new { Sequence = sequence }, transaction);
            transaction.Commit();
            breaches += due.Length;
            if (due.Length < CatchUpBatch)
            {
                return (breaches, watch.Elapsed.TotalSeconds);
            }
        }
    }

    /// <summary>
    /// What SQLite itself needs for the same breaches when nothing is decided per case: every due case gets one event
    /// row (time-ordered ids, as the sweep's) from one INSERT…SELECT, and its breach columns and last sequence from one
    /// UPDATE, all in one transaction. No per-row statement could beat it.
    /// </summary>
    private static (long Breaches, double Seconds) SetBasedCatchUp(string connectionString, DateTimeOffset now)
    {
        using var connection = BenchDatabase.OpenLikeTheAppender(connectionString);
        var stamp = BenchDatabase.Stored(now);
        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        var before = connection.ExecuteScalar<long>("SELECT last_sequence FROM event_sequence", transaction: transaction);
        var breaches = connection.Execute("""
            INSERT INTO case_events (sequence, event_id, case_id, type, occurred_at_utc, recorded_at_utc, unit_code, region_code,
                status_after, complex_after, priority_after, escalation_after, data, content_hash)
            SELECT @Before + ROW_NUMBER() OVER (ORDER BY next_deadline_utc, case_id),
                printf('01900000-0000-8000-8000-%012X', @Before + ROW_NUMBER() OVER (ORDER BY next_deadline_utc, case_id)),
                case_id, 'SlaBreached', next_deadline_utc, @Now, unit_code, region_code, status, is_complex, priority, escalation_level,
                '{"clock":"Resolution","dueAt":"2026-11-24T00:00:00Z"}', '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF'
            FROM cases WHERE next_deadline_utc IS NOT NULL AND next_deadline_utc <= @Now
            """, new { Before = before, Now = stamp }, transaction);
        connection.Execute("""
            UPDATE cases SET sla_state = 'Breached', resolution_breached_utc = next_deadline_utc, next_deadline_utc = NULL, updated_at_utc = @Now,
                last_sequence = (SELECT MAX(e.sequence) FROM case_events e WHERE e.case_id = cases.case_id)
            WHERE next_deadline_utc IS NOT NULL AND next_deadline_utc <= @Now
            """, new { Now = stamp }, transaction);
        connection.Execute("UPDATE event_sequence SET last_sequence = @Sequence", new { Sequence = before + breaches }, transaction);
        transaction.Commit();
        return (breaches, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Everything due at <paramref name="now"/>, swept as the job does after downtime: full batches until none is left.</summary>
    private static async Task<(long Events, double Seconds)> CatchUpAsync(CaseEventService service, CaseContext context, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        long events = 0;
        while (true)
        {
            var swept = await service.AppendDueAsync(now, CatchUpBatch, c => SlaSweep.DueEvents(c, now, context));
            var added = swept.Results.Sum(r => r.NewEvents.Count);
            events += added;
            if (swept.DueCases < CatchUpBatch || added == 0)
            {
                return (events, watch.Elapsed.TotalSeconds);
            }
        }
    }

    /// <summary>One tick as <c>SlaSweepJob</c> runs it: a probe of the deadline index, and the service's due append only when something is due.</summary>
    private static async Task<int> TickAsync(CaseEventService service, ICaseReader cases, CaseContext context, DateTimeOffset now)
    {
        if ((await cases.ReadDueAsync(now, 1)).Count == 0)
        {
            return 0;
        }

        var swept = await service.AppendDueAsync(now, 2000, c => SlaSweep.DueEvents(c, now, context));
        return swept.Results.Sum(r => r.NewEvents.Count);
    }

    /// <summary>Critical cases at hospitals whose 15-minute first response falls due over the next minute; the host's own Hangfire sweep must notice.</summary>
    private static async Task BreachLatencyAsync(int cases)
    {
        var root = HttpBenchmarks.FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "Dashboard.Web", "bin", "Release", "net10.0", "Dashboard.Web.dll");
        var data = Directory.CreateTempSubdirectory("tablero-sla-latency-").FullName;
        var port = HttpBenchmarks.FreePort();
        using var server = HttpBenchmarks.StartServer(dll, data, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            http.DefaultRequestHeaders.Add("X-Api-Key", HttpBenchmarks.ApiKey);
            await HttpBenchmarks.WaitUntilReadyAsync(http, server);
            var hospital = DemoCatalogue.Build().Units.First(u => u.Type == UnitType.Hgr);
            var start = DateTimeOffset.UtcNow;
            var events = new JsonArray();
            for (var i = 0; i < cases; i++)
            {
                // Due 5–65 s from now: opened 15 minutes earlier than that.
                var opened = start.AddSeconds(5 + 60.0 * i / cases).AddMinutes(-15);
                events.Add(new JsonObject
                {
                    ["eventId"] = Guid.NewGuid().ToString(),
                    ["type"] = "CaseOpened",
                    ["caseId"] = $"LAT-{i}",
                    ["occurredAt"] = opened.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
                    ["data"] = new JsonObject
                    {
                        ["unitCode"] = hospital.Code, ["kind"] = "Complaint", ["channel"] = "Module", ["category"] = "safety",
                        ["priority"] = "Critical", ["complex"] = false, ["summary"] = "Caída de paciente en urgencias sin atención.",
                    },
                });
            }

            (await http.PostAsJsonAsync("api/v1/events", events)).EnsureSuccessStatusCode();
            var latencies = new List<double>();
            long after = 0;
            while (latencies.Count < cases && DateTimeOffset.UtcNow < start.AddSeconds(120))
            {
                var page = JsonDocument.Parse(await http.GetStringAsync($"api/v1/events?after={after}&limit=1000")).RootElement;
                var seen = DateTimeOffset.UtcNow;
                foreach (var e in page.EnumerateArray())
                {
                    after = e.GetProperty("sequence").GetInt64();
                    if (e.GetProperty("type").GetString() == "SlaBreached")
                    {
                        latencies.Add((seen - e.GetProperty("data").GetProperty("dueAt").GetDateTimeOffset()).TotalMilliseconds);
                    }
                }

                await Task.Delay(20);
            }

            Console.WriteLine($"  deadline → SlaBreached on the feed (real host, Hangfire every second, feed polled every 20 ms): " +
                $"{latencies.Count} breaches, p50 {Percentile(latencies, 50):N0} ms   p99 {Percentile(latencies, 99):N0} ms   max {latencies.DefaultIfEmpty().Max():N0} ms");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task SeedAsync(EventLogForTests store, CaseContext context, int count, Func<int, CaseEvent> opened, DateTimeOffset now)
    {
        for (var from = 0; from < count; from += 5000)
        {
            var batch = Enumerable.Range(from, Math.Min(5000, count - from)).Select(opened).ToArray();
            var result = await store.AppendAsync(batch, now, context);
            if (result.Outcome != AppendOutcome.Committed)
            {
                throw new InvalidOperationException(result.Reason);
            }
        }
    }

    private static CaseEvent Opened(string caseId, Unit unit, DateTimeOffset at, bool agent) =>
        new(Guid.NewGuid(), caseId, at, new CaseOpenedData(unit.Code, CaseKind.Complaint, Channel.Module,
            "waiting-time", Priority.Medium, false, "Espera prolongada en ventanilla.",
            AgentId: agent ? "TAO-1" : null));

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
    }
}
