using System.Diagnostics;
using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Data;

namespace Dashboard.Benchmarks;

/// <summary>The store and the case-event service on a SQLite file, without HTTP: what the database path costs.</summary>
internal static class StoreBenchmarks
{
    public static async Task RunAsync()
    {
        await using var db = await BenchDatabase.CreateAsync("tablero-bench-");
        var (connectionString, sql, catalogue, context, events, cases) = (db.ConnectionString, db.Sql, db.Catalogue, db.Context, db.Events, db.Cases);
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
                var result = await events.AppendAsync(batch, now, context);
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

        // 64 writers each appending one event at a time through the case-event service: group commit lets them
        // share durable commits, as concurrent HTTP requests do.
        async Task<(double PerSecond, double P99Ms)> ConcurrentSingleEventsAsync(int writers, int eventsEach)
        {
            var feed = new NullFeed();
            await using var service = new CaseEventService(events, feed, () => context, TimeProvider.System);
            var latencies = new double[writers * eventsEach];
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < eventsEach; i++)
                {
                    CaseEvent e;
                    lock (random)
                    {
                        e = Opened();
                    }

                    var started = Stopwatch.GetTimestamp();
                    var result = await service.AppendAsync([e], CaseActor.Source("benchmark"));
                    latencies[(w * eventsEach) + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (result.Outcome != AppendOutcome.Committed)
                    {
                        throw new InvalidOperationException(result.Reason);
                    }
                }
            })));
            var elapsed = watch.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            return (latencies.Length / elapsed, latencies[(int)(latencies.Length * 0.99)]);
        }

        Console.WriteLine("Tablero benchmarks — SQLite (WAL, synchronous=FULL), demo catalogue of " + catalogue.Units.Count + " units");
        var single = await EventsPerSecondAsync(1, 500);
        var batched = await EventsPerSecondAsync(100, 20_000);
        var large = await EventsPerSecondAsync(1000, 50_000);
        var (concurrent, p99) = await ConcurrentSingleEventsAsync(64, 150);
        var raw = RawInsertsPerSecond(connectionString, sql, now, 50_000);
        Console.WriteLine($"raw prepared INSERT of the same event rows: {raw,10:N0} rows/s (no projection, no rules)");
        Console.WriteLine($"store, 1 event per append:         {single,10:N0} events/s");
        Console.WriteLine($"store, 100 events per append:      {batched,10:N0} events/s   (×{batched / single:N1} the single-event rate)");
        Console.WriteLine($"store, 1,000 events per append:    {large,10:N0} events/s   ({large / raw:P0} of raw inserts)");
        Console.WriteLine($"service, 64 writers × 1 event:     {concurrent,10:N0} events/s   p99 {p99:N1} ms  (group commit: ×{concurrent / single:N1} the lone single-event rate; {concurrent / raw:P0} of raw)");

        var at20K = await CountsMillisecondsAsync(50);
        await EventsPerSecondAsync(500, 180_000);
        var at200K = await CountsMillisecondsAsync(20);
        Console.WriteLine($"open counts by region, 20k open cases:  {at20K,8:N2} ms");
        Console.WriteLine($"open counts by region, 200k open cases: {at200K,8:N2} ms   (×{at200K / at20K:N1} for ×10 the cases)");
        Console.WriteLine($"a board re-reading 4×/s spends {at200K * 4 / 10:N1}% of one core at 200k open cases");
    }

    // The same rows written by plain prepared INSERTs in one transaction per 1,000: the floor the store is compared to.
    public static double RawInsertsPerSecond(string connectionString, SqlScripts sql, DateTimeOffset now, int total)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = FULL;";
            pragma.ExecuteNonQuery();
        }

        long sequence;
        using (var last = connection.CreateCommand())
        {
            last.CommandText = "SELECT last_sequence FROM event_sequence";
            sequence = (long)last.ExecuteScalar()! + 10_000_000;
        }

        var watch = Stopwatch.StartNew();
        for (var done = 0; done < total; done += 1000)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = sql["CaseEvent_Insert"];
            var names = new[] { "Sequence", "EventId", "CaseId", "Type", "OccurredAt", "RecordedAt", "UnitCode", "RegionCode", "Status", "Complex", "Priority", "EscalationLevel", "DataJson", "ContentHash", "Actor" };
            var parameters = names.Select(n => insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@" + n, null))).ToArray();
            insert.Prepare();
            for (var i = 0; i < 1000; i++)
            {
                object[] values = [++sequence, Guid.NewGuid(), $"RAW-{sequence}", "CaseOpened", now.UtcDateTime, now.UtcDateTime, "UMF-JAL-001", "IMSS-JAL", "New", false, "Medium", 0,
                    "{\"unitCode\":\"UMF-JAL-001\",\"kind\":\"Complaint\",\"summary\":\"Espera prolongada en urgencias.\"}", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
                    "{\"kind\":\"Source\",\"id\":\"siq-imss\",\"name\":\"siq-imss\"}"];
                for (var p = 0; p < values.Length; p++)
                {
                    parameters[p].Value = values[p];
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return total / watch.Elapsed.TotalSeconds;
    }
}

/// <summary>The benchmark has no screens to feed.</summary>
internal sealed class NullFeed : Dashboard.Core.Live.ILiveFeed
{
    public long LastSequence { get; private set; }

    public void Publish(IReadOnlyList<Dashboard.Core.Live.LiveCaseEvent> events) => LastSequence = events[^1].Sequence;

    public IDisposable Subscribe(ReadScope scope, Action<IReadOnlyList<Dashboard.Core.Live.LiveCaseEvent>> onEvents) => throw new NotSupportedException();
}
