using System.Diagnostics;
using System.Text;
using Dapper;
using SQLitePCL;

namespace Dashboard.Benchmarks;

/// <summary>
/// What SQLite alone needs to store what one accepted <c>CaseOpened</c> stores: its event row and its new case row,
/// through the store's own INSERT statements, prepared once and bound by position with values encoded before the
/// clock starts, in transactions of 1,000, with the appender's pragmas (foreign keys on, synchronous=FULL). No
/// HTTP, no JSON, no rules, no reads: no ingestion path over SQLite can beat it on the same machine.
/// </summary>
internal static class SameRowsFloor
{
    private const int PerTransaction = 1000;

    public static async Task<double> RowsPerSecondAsync(int total)
    {
        await using var db = await BenchDatabase.CreateAsync("tablero-floor-");
        var units = db.Catalogue.Units.Select(u => (u.Code, u.RegionCode)).ToArray();

        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        byte[] Text(string value) => Encoding.UTF8.GetBytes(value);
        byte[] Instant(DateTimeOffset value) => Text(BenchDatabase.Stored(value));
        var rows = Enumerable.Range(0, total).Select(i =>
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

            var watch = Stopwatch.StartNew();
            for (var done = 0; done < total; done += PerTransaction)
            {
                Check(handle, raw.sqlite3_exec(handle, "BEGIN IMMEDIATE"));
                foreach (var row in rows.AsSpan(done, Math.Min(PerTransaction, total - done)))
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
            }

            return total / watch.Elapsed.TotalSeconds;
        }
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
