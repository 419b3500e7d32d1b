using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>
/// The durable half of the case-event service: one transaction appends a group of batches to the event log with
/// gap-free sequence numbers and updates the case projection. Every rule is checked in memory first, against the
/// rows read under the sequence lock; only then is anything written, one multi-row statement per table.
/// Internal: the only way to one is <see cref="CaseEventWriting.CreateService"/>.
/// </summary>
internal sealed class CaseEventAppender(ConnectionFactory connections, SqlScripts sql) : ICaseEventAppender
{
    /// <summary>From this many due cases on, the sweep's plan runs on every core.</summary>
    private const int ParallelPlanCases = 1000;

    private readonly CaseUpdateStatement _update = new(sql["Case_Update"]);

    public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(
        IReadOnlyList<IReadOnlyList<EncodedEvent>> batches,
        DateTimeOffset recordedAt,
        CaseContext context,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return InWriterTransactionAsync(async (connection, transaction, lastSequence) =>
        {
            var caseIds = JsonSerializer.Serialize(batches.SelectMany(b => b).Select(e => e.Event.CaseId).Distinct(StringComparer.Ordinal));
            var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadByIds"], new { CaseIds = caseIds }, transaction, cancellationToken: cancellationToken));
            return await AppendAsync(connection, transaction, rows.Select(r => r.ToState()), batches, lastSequence, recordedAt, context, placeLate: true, cancellationToken);
        }, cancellationToken);
    }

    public Task<DueAppendResult> AppendDueAsync(
        DateTimeOffset now,
        int limit,
        Func<CaseState, IReadOnlyList<EncodedEvent>> plan,
        DateTimeOffset recordedAt,
        CaseContext context,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return InWriterTransactionAsync(async (connection, transaction, lastSequence) =>
        {
            var due = (await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadDue"], new { Now = now, Limit = limit }, transaction, cancellationToken: cancellationToken)))
                .Select(r => r.ToState()).ToArray();

            // Planning and encoding (JSON, SHA-256) is pure computation: after downtime it is thousands of cases, so it
            // uses every core while the writer waits for it. A tick's handful stays on this thread: waiting for pool
            // threads to help cost it up to a second when the pool was busy.
            var batches = (due.Length >= ParallelPlanCases ? due.AsParallel().AsOrdered().Select(plan) : due.Select(plan)).Where(b => b.Count > 0).ToArray();
            // The sweep's own events are planned on the state they apply to: never late, never placed again.
            return new DueAppendResult(due.Length, await AppendAsync(connection, transaction, due, batches, lastSequence, recordedAt, context, placeLate: false, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="append"/> in one transaction on the appender's connection and commits it.</summary>
    private async Task<T> InWriterTransactionAsync<T>(Func<DbConnection, DbTransaction, long, Task<T>> append, CancellationToken cancellationToken)
    {
        await using var writer = await connections.AcquireWriterAsync(cancellationToken);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Taken first: it serializes appenders, so the rows read after it cannot change before commit.
        var lastSequence = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql["EventSequence_ReadForUpdate"], transaction: transaction, cancellationToken: cancellationToken));
        var result = await append(connection, transaction, lastSequence);
        await transaction.CommitAsync(cancellationToken);
        connections.EnsureCommittedToDatabaseFile(connection);
        return result;
    }

    /// <summary>
    /// Checks every batch in memory against the cases as read under the writer's lock, then writes what passed: the
    /// events, new cases, and each changed case with only the indexed columns that changed.
    /// </summary>
    private async Task<IReadOnlyList<AppendResult>> AppendAsync(
        DbConnection connection,
        DbTransaction transaction,
        IEnumerable<CaseState> read,
        IReadOnlyList<IReadOnlyList<EncodedEvent>> batches,
        long lastSequence,
        DateTimeOffset recordedAt,
        CaseContext context,
        bool placeLate,
        CancellationToken cancellationToken)
    {
        var cases = read.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
        var before = cases.ToDictionary(c => c.Key, c => CaseRow.From(c.Value), StringComparer.Ordinal);

        // Ids travel as one JSON array (upper-case GUIDs: how SQLite stores them; SQL Server casts either case).
        var eventIds = JsonSerializer.Serialize(batches.SelectMany(b => b).Select(e => e.Event.EventId.ToString("D").ToUpperInvariant()).Distinct());
        var stored = (await connection.QueryAsync<StoredIdentity>(new CommandDefinition(sql["CaseEvent_ReadByEventIds"], new { EventIds = eventIds }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(row => row.EventId);

        var histories = placeLate ? await ReadHistoriesOfLateAsync(connection, transaction, cases, batches, recordedAt, context, cancellationToken) : [];
        context = await WithRepeatsAsync(connection, transaction, cases, batches, context, cancellationToken);
        var group = new GroupState(stored, cases, histories, lastSequence, recordedAt, context, countLate: placeLate);
        var results = batches.Select(group.TryAppend).ToArray();
        if (group.Rows.Count == 0)
        {
            return results;
        }

        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["CaseEvent_Insert"], group.Rows, cancellationToken);
        var touched = group.Rows.Select(r => r.CaseId).Distinct(StringComparer.Ordinal).Select(id => CaseRow.From(cases[id])).ToArray();
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["Case_Insert"], touched.Where(c => !before.ContainsKey(c.CaseId)).ToArray(), cancellationToken);
        foreach (var updates in touched.Where(c => before.ContainsKey(c.CaseId)).GroupBy(c => CaseUpdateStatement.ChangedParts(before[c.CaseId], c)))
        {
            await connections.BatchWriter.ExecuteAsync(connection, transaction, _update.For(updates.Key), updates.ToArray(), cancellationToken);
        }

        // The summary's counters move by what this commit changed, one row per key (cases in minus cases out).
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["CaseCount_Add"], CaseCountDelta.Between(before, touched), cancellationToken);
        // So do the overview's daily counters, on each unit's clock, and the staff roles' ones.
        TimeZoneInfo? ZoneOf(string unit) => CaseDayCounts.Zone(context.FindUnit(unit)?.TimeZone);
        var (units, institutions) = CaseDayCounts.Between(before, touched, ZoneOf);
        var unitDays = units.Rows();
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["CaseDay_Add"], [.. unitDays, .. institutions.Rows()], cancellationToken);
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["CaseMonth_Add"], CaseOpenedCounts.Months(unitDays), cancellationToken);
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["CaseWeek_Add"], CaseOpenedCounts.Weeks(unitDays), cancellationToken);
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["ComplaintStaffDay_Add"], ComplaintStaffDays.Between(before, touched, ZoneOf), cancellationToken);

        if (group.Late.Count > 0)
        {
            // Late arrivals are rare: their counts cost a statement only in the groups that have one, in this transaction.
            var day = recordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await connection.ExecuteAsync(new CommandDefinition(sql["LateArrival_Upsert"], group.Late.Select(l => new
            {
                Day = day, SourceKind = l.Key.Kind.ToString(), SourceId = l.Key.Id, SourceName = l.Key.Name, l.Value.Late, l.Value.Withdrew, l.Value.BeyondWindow,
            }).ToArray(), transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(sql["EventSequence_Update"], new { LastSequence = group.LastSequence }, transaction, cancellationToken: cancellationToken));
        return results;
    }

    /// <summary>
    /// The stored history of every case an event of the group arrives late for (it occurred before the case's latest
    /// change, or before an earlier event of the group), within the window that may still rewrite SLA history. Only
    /// late events pay this read; in-order ones go on from the case row alone.
    /// </summary>
    /// <summary>
    /// When the ladder has a rule that watches repeat complaints and the group opens complaints about a staff role: the
    /// stored complaints against those units' roles within the widest rule's window, read once for the group. Every other
    /// group pays nothing.
    /// </summary>
    private async Task<CaseContext> WithRepeatsAsync(DbConnection connection, DbTransaction transaction, Dictionary<string, CaseState> cases,
        IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, CaseContext context, CancellationToken cancellationToken)
    {
        if (context.Sla.Ladder.RepeatWindow is not { } window)
        {
            return context;
        }

        var openings = batches.SelectMany(b => b).Select(e => e.Event)
            .Where(e => e.Data is CaseOpenedData { Kind: CaseKind.Complaint, StaffRole: not null })
            .ToArray();
        if (openings.Length == 0)
        {
            return context;
        }

        var data = openings.Select(e => (CaseOpenedData)e.Data).ToArray();
        var stored = await connection.QueryAsync<ComplaintOpening>(new CommandDefinition(sql["Case_ReadComplaintOpenings"], new
        {
            UnitCodes = JsonSerializer.Serialize(data.Select(d => d.UnitCode).Distinct(StringComparer.Ordinal)),
            StaffRoles = JsonSerializer.Serialize(data.Select(d => d.StaffRole).Distinct(StringComparer.Ordinal)),
            Since = openings.Min(e => e.OccurredAt) - window,
        }, transaction, cancellationToken: cancellationToken));

        var repeats = new RepeatComplaints();
        foreach (var o in stored)
        {
            repeats.AddStored(o.CaseId, o.UnitCode, o.StaffRole, o.OpenedAt);
        }

        // A stored case keeps what it was told when it opened, also when a late event plays its history again.
        foreach (var c in cases.Values.Where(c => c.Kind == CaseKind.Complaint && c.StaffRole is not null))
        {
            repeats.Remember(c.CaseId, c.PreviousComplaintAt);
        }

        return context.With(repeats);
    }

    private async Task<Dictionary<string, List<CaseHistoryEvent>>> ReadHistoriesOfLateAsync(DbConnection connection, DbTransaction transaction,
        Dictionary<string, CaseState> cases, IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var late = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in batches.SelectMany(b => b).Select(b => b.Event))
        {
            var known = latest.TryGetValue(e.CaseId, out var at) ? at : cases.TryGetValue(e.CaseId, out var c) ? c.UpdatedAt : (DateTimeOffset?)null;
            if (LateArrival.IsLate(known, e) && e.OccurredAt >= recordedAt - context.LateEventWindow)
            {
                late.Add(e.CaseId);
            }

            latest[e.CaseId] = known is { } k && k > e.OccurredAt ? k : e.OccurredAt;
        }

        var histories = new Dictionary<string, List<CaseHistoryEvent>>(StringComparer.Ordinal);
        if (late.Count == 0)
        {
            return histories;
        }

        var rows = await connection.QueryAsync<CaseEventRow>(new CommandDefinition(sql["CaseEvent_ReadByCaseIds"], new { CaseIds = JsonSerializer.Serialize(late) }, transaction, cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            var stored = row.ToStored();
            var e = new CaseEvent(stored.EventId, stored.CaseId, stored.OccurredAt, CaseEventJson.DeserializeData(stored.Type, stored.DataJson));
            var byTablero = stored.Type.IsSystemOnly() || stored.Actor == CaseActor.SlaSweep;
            (histories.TryGetValue(stored.CaseId, out var list) ? list : histories[stored.CaseId] = []).Add(new CaseHistoryEvent(e, byTablero));
        }

        return histories;
    }

    /// <summary>
    /// The group's view while its batches are checked one after another: what is stored, what earlier batches of
    /// the group added, and the rows to write. A failing batch is discarded whole, before it takes a sequence number.
    /// </summary>
    private sealed class GroupState(
        Dictionary<Guid, StoredIdentity> stored,
        Dictionary<string, CaseState> cases,
        Dictionary<string, List<CaseHistoryEvent>> histories,
        long lastSequence,
        DateTimeOffset recordedAt,
        CaseContext context,
        bool countLate)
    {
        public List<CaseEventRow> Rows { get; } = [];

        public long LastSequence { get; private set; } = lastSequence;

        /// <summary>The group's late arrivals per source (the events answered with a late note), counted once the batch passes.</summary>
        public Dictionary<LateArrivalSource, LateTally> Late { get; } = [];

        /// <summary>
        /// This batch's copy of a case's history, when it was read (its case has a late event in the group); the copy
        /// becomes the group's only if the batch passes.
        /// </summary>
        private List<CaseHistoryEvent>? HistoryOf(string caseId, Dictionary<string, List<CaseHistoryEvent>> batchCopies) =>
            batchCopies.TryGetValue(caseId, out var copy) ? copy
            : histories.TryGetValue(caseId, out var stored) ? batchCopies[caseId] = [.. stored]
            : null;

        public AppendResult TryAppend(IReadOnlyList<EncodedEvent> batch)
        {
            // A refused batch's openings never happened: repeats count only the batches that pass.
            context.Repeats?.Discard();
            context.Repeats?.AddPending(batch.Where(b => !stored.ContainsKey(b.Event.EventId)).Select(b => b.Event));
            var overlay = new Dictionary<string, CaseState>(StringComparer.Ordinal);
            var historyOverlay = new Dictionary<string, List<CaseHistoryEvent>>(StringComparer.Ordinal);
            var rows = new List<(CaseEventRow Row, string Hash)>();
            // By the batch's index: a late event answers for the later events of its case it was placed with.
            var answers = new AppendedEvent?[batch.Count];
            var next = LastSequence;
            // Allocated by the first late event only: in-order batches pay nothing for the counts.
            List<(EncodedEvent Event, bool Withdrew, bool BeyondWindow)>? late = null;

            for (var i = 0; i < batch.Count; i++)
            {
                if (answers[i] is not null)
                {
                    continue;
                }

                var (e, _, hash, _) = batch[i];
                if (stored.TryGetValue(e.EventId, out var earlier))
                {
                    if (!string.Equals(earlier.ContentHash, hash, StringComparison.Ordinal))
                    {
                        return AppendResult.Failed(AppendOutcome.Conflict, i, $"eventId {e.EventId} was already stored with different content");
                    }

                    answers[i] = new AppendedEvent(e.EventId, earlier.Sequence, Duplicate: true);
                    continue;
                }

                var current = overlay.TryGetValue(e.CaseId, out var changed) ? changed : cases.GetValueOrDefault(e.CaseId);
                if (LateArrival.IsLate(current, e) && HistoryOf(e.CaseId, historyOverlay) is { } history)
                {
                    // Placed where it happened, with the rest of its case's events in this batch (a backlog: a pause and
                    // the resume after it fit only together): the case played again in occurredAt order, the sweep's
                    // events re-derived.
                    var together = Enumerable.Range(i, batch.Count - i)
                        .Where(j => batch[j].Event.CaseId == e.CaseId && !stored.ContainsKey(batch[j].Event.EventId)).ToArray();
                    var placed = LateArrival.Place(history, together.Select(j => batch[j].Event).ToArray(), recordedAt, context);
                    if (!placed.IsAccepted)
                    {
                        return AppendResult.Failed(AppendOutcome.Rejected, i, $"{e.Type} arrived late: {placed.Rejection}");
                    }

                    var withdrawn = placed.Events.Count(x => x.Type == CaseEventType.SlaBreachWithdrawn);
                    var withdrewFor = placed.Events.Select(x => x.Data).OfType<SlaBreachWithdrawnData>().Select(w => w.LateEventId).ToHashSet();
                    (late ??= []).AddRange(together.Select(j => (batch[j], withdrewFor.Contains(batch[j].Event.EventId), false)));
                    var note = $"arrived late: the case's clocks were recomputed from when it occurred{(withdrawn > 0 ? $"; {withdrawn} breach(es) withdrawn" : "")}";
                    for (var k = 0; k < placed.Events.Count; k++)
                    {
                        var encoded = k < together.Length ? batch[together[k]] : EncodedEvent.Of(placed.Events[k], CaseActor.SlaSweep);
                        var after = placed.State! with { LastSequence = ++next };
                        rows.Add((CaseEventRow.From(after.LastSequence, encoded.Event, recordedAt, after, encoded), encoded.ContentHash));
                        history.Add(new CaseHistoryEvent(encoded.Event, k >= together.Length));
                        if (k < together.Length)
                        {
                            answers[together[k]] = new AppendedEvent(encoded.Event.EventId, after.LastSequence, Duplicate: false, note);
                        }
                    }

                    overlay[e.CaseId] = placed.State! with { LastSequence = next };
                    continue;
                }

                var decision = CaseRules.Apply(current, e, context);
                if (!decision.IsAccepted)
                {
                    return AppendResult.Failed(AppendOutcome.Rejected, i, decision.Rejection!);
                }

                var state = decision.Next! with { LastSequence = ++next };
                overlay[e.CaseId] = state;
                rows.Add((CaseEventRow.From(state.LastSequence, e, recordedAt, state, batch[i]), hash));
                var beyondWindow = LateArrival.IsLate(current, e) && e.OccurredAt < recordedAt - context.LateEventWindow;
                if (beyondWindow)
                {
                    (late ??= []).Add((batch[i], false, true));
                }

                answers[i] = new AppendedEvent(e.EventId, state.LastSequence, Duplicate: false,
                    beyondWindow
                        ? $"occurred more than {context.LateEventWindow.TotalDays:0} days before it arrived: stored, but the case's SLA history was not rewritten"
                        : null);
                HistoryOf(e.CaseId, historyOverlay)?.Add(new CaseHistoryEvent(e, false));
            }

            // The batch passed: it becomes part of the group.
            context.Repeats?.Commit();
            foreach (var (row, hash) in rows)
            {
                stored[row.EventId] = new StoredIdentity { EventId = row.EventId, Sequence = row.Sequence, ContentHash = hash };
                Rows.Add(row);
            }

            foreach (var (caseId, state) in overlay)
            {
                cases[caseId] = state;
            }

            foreach (var (caseId, history) in historyOverlay)
            {
                histories[caseId] = history;
            }

            // The sweep's own appends are never a source's late arrival, whatever their answers say.
            foreach (var (encoded, withdrew, beyondWindow) in countLate && late is not null ? late : [])
            {
                var source = LateArrivalSource.Of(CaseActor.FromJson(encoded.ActorJson));
                var tally = Late.GetValueOrDefault(source);
                Late[source] = new LateTally(tally.Late + 1, tally.Withdrew + (withdrew ? 1 : 0), tally.BeyondWindow + (beyondWindow ? 1 : 0));
            }

            LastSequence = next;
            return new AppendResult(AppendOutcome.Committed, answers.Select(a => a!).ToArray(), rows.Select(r => r.Row.ToStored()).ToArray());
        }
    }

    /// <summary>One source's late arrivals in a group: received late, of which withdrew a breach, of which beyond the window.</summary>
    private readonly record struct LateTally(int Late, int Withdrew, int BeyondWindow);

    private sealed class ComplaintOpening
    {
        public string CaseId { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string StaffRole { get; set; } = "";
        public DateTimeOffset OpenedAt { get; set; }
    }

    private sealed class StoredIdentity
    {
        public Guid EventId { get; set; }
        public long Sequence { get; set; }
        public string ContentHash { get; set; } = "";
    }
}

/// <summary>How the host gets its case-event service: built here with the data layer's appender, which nothing else can reach.</summary>
public static class CaseEventWriting
{
    public static CaseEventService CreateService(ConnectionFactory connections, SqlScripts sql, ILiveFeed feed, Func<CaseContext> context, TimeProvider time,
        ICaseEventMetrics? metrics = null) =>
        new(new CaseEventAppender(connections, sql), feed, context, time, metrics);
}
