using System.Diagnostics;
using System.Text;
using Dapper;
using SQLitePCL;

namespace Dashboard.Benchmarks;

/// <summary>
/// What SQLite alone needs to store what one accepted <c>CaseOpened</c> stores: its event row and its new case row,
/// through the store's own INSERT statements, prepared once and bound by position with values encoded before the
/// clock starts, in transactions of 1,000, with the appender's pragmas (foreign keys on, synchronous=FULL) and the
/// server's background checkpoints. No HTTP, no JSON, no rules, no reads: no ingestion path over SQLite can beat it
/// on the same machine and a database of the same size.
/// </summary>
internal static class SameRowsFloor
{
    private const int PerTransaction = 1000;

    /// <summary>Step of the clock readings: fine enough to match a 10 s window of the server's growth.</summary>
    public const int Segment = 50_000;

    /// <summary>
    /// Fills one fresh database with <paramref name="total"/> rows and reads the clock every <see cref="Segment"/> rows,
    /// so the rate can be taken over any stretch of growth: the server's database grows by a million rows and more in
    /// one <c>http</c> run, and SQLite's own rate falls as its tables and random-key indexes grow.
    /// </summary>
    public static async Task<FloorRun> MeasureAsync(long total)
    {
        total = Math.Max(Segment, (total + Segment - 1) / Segment * Segment);
        await using var db = await BenchDatabase.CreateAsync("tablero-floor-");
        var units = db.Catalogue.Units.Select(u => (u.Code, u.RegionCode)).ToArray();

        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        byte[] Text(string value) => Encoding.UTF8.GetBytes(value);
        byte[] Instant(DateTimeOffset value) => Text(BenchDatabase.Stored(value));
        var rows = Enumerable.Range(0, (int)total).Select(i =>
        {
            var (unit, region) = units[random.Next(units.Length)];
            return (EventId: Text(Guid.NewGuid().ToString("D").ToUpperInvariant()), CaseId: Text($"FLOOR-{i:D8}"), Unit: Text(unit), Region: Text(region),
                FirstResponseDue: Instant(now.AddHours(8 + (i % 3600 / 3600.0))), ResolutionDue: Instant(now.AddDays(30)));
        }).ToArray();
        var opened = Instant(now);
        var firstResponseWarn = Instant(now.AddHours(6));
        var resolutionWarn = Instant(now.AddDays(22));
        var data = Text("{\"unitCode\":\"UMF-JAL-001\",\"kind\":\"Complaint\",\"channel\":\"Module\",\"category\":\"waiting-time\",\"priority\":\"Medium\",\"complex\":false,\"summary\":\"Espera de más de tres horas para recibir consulta en urgencias.\"}");
        var hash = Text("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");

        using var connection = BenchDatabase.OpenLikeTheAppender(db.ConnectionString);
        var handle = connection.Handle!;
        var sequence = connection.ExecuteScalar<long>("SELECT last_sequence FROM event_sequence");
        Check(handle, raw.sqlite3_prepare_v2(handle, db.Sql["CaseEvent_Insert"], out var insertEvent));
        Check(handle, raw.sqlite3_prepare_v2(handle, db.Sql["Case_Insert"], out var insertCase));
        using (insertEvent)
        using (insertCase)
        {
            int At(sqlite3_stmt statement, string name) => raw.sqlite3_bind_parameter_index(statement, "@" + name);
            void Bind(sqlite3_stmt statement, string name, byte[]? text) =>
                Check(handle, text is null ? raw.sqlite3_bind_null(statement, At(statement, name)) : raw.sqlite3_bind_text(statement, At(statement, name), text));
            void BindNumber(sqlite3_stmt statement, string name, long number) => Check(handle, raw.sqlite3_bind_int64(statement, At(statement, name), number));

            // What every row shares is bound once: a statement keeps its bindings across resets.
            foreach (var (name, value) in new[] { ("Type", Text("CaseOpened")), ("OccurredAt", opened), ("RecordedAt", opened), ("Status", Text("New")), ("Priority", Text("Medium")), ("DataJson", data), ("ContentHash", hash) })
            {
                Bind(insertEvent, name, value);
            }

            BindNumber(insertEvent, "EscalationLevel", 0);
            foreach (var (name, value) in new[]
            {
                ("Institution", Text("IMSS")), ("Kind", Text("Complaint")), ("Channel", Text("Module")), ("Category", Text("waiting-time")), ("Priority", Text("Medium")),
                ("Status", Text("New")), ("AgentId", null), ("InsuredId", null), ("PauseReason", null), ("OpenedAt", opened), ("ResolvedAt", null), ("ClosedAt", null),
                ("UpdatedAt", opened), ("SlaPolicy", Text("imss-complaint-medium")), ("SlaState", Text("OnTrack")), ("FirstResponseWarnAt", firstResponseWarn),
                ("FirstResponseWarnedAt", null), ("FirstResponseMetAt", null), ("FirstResponseBreachedAt", null), ("ResolutionWarnAt", resolutionWarn),
                ("ResolutionWarnedAt", null), ("ResolutionMetAt", null), ("ResolutionBreachedAt", null), ("SlaPausedAt", null),
            })
            {
                Bind(insertCase, name, value);
            }

            BindNumber(insertCase, "IsOpen", 1);
            BindNumber(insertCase, "EscalationLevel", 0);

            var (sequenceAt, eventIdAt, eventCaseAt, eventUnitAt, eventRegionAt, eventComplexAt) =
                (At(insertEvent, "Sequence"), At(insertEvent, "EventId"), At(insertEvent, "CaseId"), At(insertEvent, "UnitCode"), At(insertEvent, "RegionCode"), At(insertEvent, "Complex"));
            var (caseAt, caseUnitAt, caseRegionAt, caseComplexAt, lastSequenceAt, firstDueAt, resolutionDueAt) =
                (At(insertCase, "CaseId"), At(insertCase, "UnitCode"), At(insertCase, "RegionCode"), At(insertCase, "Complex"), At(insertCase, "LastSequence"), At(insertCase, "FirstResponseDueAt"), At(insertCase, "ResolutionDueAt"));
            Bind(insertCase, "NextDeadlineAt", firstResponseWarn);

            using var stopCheckpoints = new CancellationTokenSource();
            var checkpoints = Task.Run(() => CheckpointEvery100MsAsync(db.ConnectionString, stopCheckpoints.Token));
            var secondsAfter = new List<double>();
            var watch = Stopwatch.StartNew();
            for (var done = 0; done < rows.Length; done += PerTransaction)
            {
                Check(handle, raw.sqlite3_exec(handle, "BEGIN IMMEDIATE"));
                foreach (var row in rows.AsSpan(done, PerTransaction))
                {
                    var complex = random.NextDouble() < 0.12 ? 1 : 0;
                    Check(handle, raw.sqlite3_bind_int64(insertEvent, sequenceAt, ++sequence)
                        | raw.sqlite3_bind_text(insertEvent, eventIdAt, row.EventId)
                        | raw.sqlite3_bind_text(insertEvent, eventCaseAt, row.CaseId)
                        | raw.sqlite3_bind_text(insertEvent, eventUnitAt, row.Unit)
                        | raw.sqlite3_bind_text(insertEvent, eventRegionAt, row.Region)
                        | raw.sqlite3_bind_int64(insertEvent, eventComplexAt, complex));
                    Step(handle, insertEvent);

                    Check(handle, raw.sqlite3_bind_text(insertCase, caseAt, row.CaseId)
                        | raw.sqlite3_bind_text(insertCase, caseUnitAt, row.Unit)
                        | raw.sqlite3_bind_text(insertCase, caseRegionAt, row.Region)
                        | raw.sqlite3_bind_int64(insertCase, caseComplexAt, complex)
                        | raw.sqlite3_bind_int64(insertCase, lastSequenceAt, sequence)
                        | raw.sqlite3_bind_text(insertCase, firstDueAt, row.FirstResponseDue)
                        | raw.sqlite3_bind_text(insertCase, resolutionDueAt, row.ResolutionDue));
                    Step(handle, insertCase);
                }

                Check(handle, raw.sqlite3_exec(handle, $"UPDATE event_sequence SET last_sequence = {sequence}; COMMIT"));
                if ((done + PerTransaction) % Segment == 0)
                {
                    secondsAfter.Add(watch.Elapsed.TotalSeconds);
                }
            }

            await stopCheckpoints.CancelAsync();
            await checkpoints;
            return new FloorRun(secondsAfter);
        }
    }

    /// <summary>As the server does beside its writer (WalCheckpointService): copy the log back every 100 ms, PASSIVE.</summary>
    private static async Task CheckpointEvery100MsAsync(string connectionString, CancellationToken stop)
    {
        using var connection = BenchDatabase.OpenLikeTheAppender(connectionString);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                connection.Execute("PRAGMA wal_checkpoint(PASSIVE);");
            }
        }
        catch (OperationCanceledException)
        {
            // The floor is done.
        }
    }

    /// <summary>The <c>floor</c> command: one fresh database filled to <paramref name="total"/> rows, its rate per 100,000.</summary>
    public static async Task PrintGrowthAsync(int total)
    {
        Console.WriteLine($"SQLite floor of `http` (event row + its case row, appender pragmas, transactions of {PerTransaction:N0}, background checkpoints) as the database grows");
        var run = await MeasureAsync(total);
        for (long from = 0; from < run.Rows; from += 2 * Segment)
        {
            var to = Math.Min(run.Rows, from + 2 * Segment);
            Console.WriteLine($"rows {from,9:N0} to {to,9:N0}  {run.RateBetween(from, to),8:N0} events/s");
        }

        Console.WriteLine($"all {run.Rows:N0} rows             {run.RateBetween(0, run.Rows),8:N0} events/s");
    }

    private static void Step(sqlite3 handle, sqlite3_stmt statement)
    {
        Check(handle, raw.sqlite3_step(statement));
        raw.sqlite3_reset(statement);
    }

    private static void Check(sqlite3 handle, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new InvalidOperationException($"SQLite {result}: {raw.sqlite3_errmsg(handle).utf8_to_string()}");
        }
    }
}

/// <summary>The floor's clock after every <see cref="SameRowsFloor.Segment"/> rows.</summary>
internal sealed record FloorRun(IReadOnlyList<double> SecondsAfter)
{
    public long Rows => (long)SecondsAfter.Count * SameRowsFloor.Segment;

    /// <summary>Rows per second while the database grew from <paramref name="fromRows"/> to <paramref name="toRows"/> (to the nearest segment).</summary>
    public double RateBetween(long fromRows, long toRows)
    {
        var from = (int)Math.Clamp(Math.Round((double)fromRows / SameRowsFloor.Segment), 0, SecondsAfter.Count - 1);
        var to = (int)Math.Clamp(Math.Round((double)toRows / SameRowsFloor.Segment), from + 1, SecondsAfter.Count);
        var started = from == 0 ? 0 : SecondsAfter[from - 1];
        return (to - from) * (double)SameRowsFloor.Segment / (SecondsAfter[to - 1] - started);
    }
}
