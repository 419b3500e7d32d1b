using System.Data.Common;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>
/// The durable half of the case-event service: one transaction appends a batch to the event log with
/// gap-free sequence numbers and updates the case projection, or stores nothing.
/// </summary>
public sealed class CaseEventStore(ConnectionFactory connections, SqlScripts sql) : ICaseEventStore
{
    public async Task<AppendResult> AppendAsync(
        IReadOnlyList<CaseEvent> events,
        DateTimeOffset recordedAt,
        Func<string, Unit?> findUnit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Taken first: it serializes appenders, so the case rows read below cannot change before commit.
        var lastSequence = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql["EventSequence_ReadForUpdate"], transaction: transaction, cancellationToken: cancellationToken));

        var stored = (await connection.QueryAsync<StoredIdentity>(new CommandDefinition(sql["CaseEvent_ReadByEventIds"],
                new { EventIds = events.Select(e => e.EventId).ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(s => s.EventId);

        var cases = await ReadCasesAsync(connection, transaction, events, cancellationToken);
        var existed = cases.Keys.ToHashSet(StringComparer.Ordinal);
        var results = new List<AppendedEvent>(events.Count);
        var appended = new List<StoredCaseEvent>();

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var hash = CaseEventJson.ContentHash(e);
            if (stored.TryGetValue(e.EventId, out var earlier))
            {
                if (!string.Equals(earlier.ContentHash, hash, StringComparison.Ordinal))
                {
                    return AppendResult.Failed(AppendOutcome.Conflict, i, $"eventId {e.EventId} was already stored with different content");
                }

                results.Add(new AppendedEvent(e.EventId, earlier.Sequence, Duplicate: true));
                continue;
            }

            var decision = CaseRules.Apply(cases.GetValueOrDefault(e.CaseId), e, findUnit);
            if (!decision.IsAccepted)
            {
                return AppendResult.Failed(AppendOutcome.Rejected, i, decision.Rejection!);
            }

            var sequence = ++lastSequence;
            var next = decision.Next! with { LastSequence = sequence };
            cases[e.CaseId] = next;
            var record = new StoredCaseEvent(sequence, e.EventId, e.CaseId, e.Type, e.OccurredAt, recordedAt, next.UnitCode, next.RegionCode,
                next.Status, next.Complex, next.Priority, next.EscalationLevel, CaseEventJson.SerializeData(e.Data));
            await connection.ExecuteAsync(new CommandDefinition(sql["CaseEvent_Insert"], new
            {
                record.Sequence,
                record.EventId,
                record.CaseId,
                Type = record.Type.ToString(),
                record.OccurredAt,
                record.RecordedAt,
                record.UnitCode,
                record.RegionCode,
                Status = record.Status.ToString(),
                record.Complex,
                Priority = record.Priority.ToString(),
                record.EscalationLevel,
                record.DataJson,
                ContentHash = hash,
            }, transaction, cancellationToken: cancellationToken));
            results.Add(new AppendedEvent(e.EventId, sequence, Duplicate: false));
            appended.Add(record);
        }

        // One projection write per case, however many of its events the batch held.
        foreach (var latest in appended.Select(a => a.CaseId).Distinct(StringComparer.Ordinal).Select(id => cases[id]))
        {
            var statement = existed.Contains(latest.CaseId) ? "Case_Update" : "Case_Insert";
            await connection.ExecuteAsync(new CommandDefinition(sql[statement], CaseRow.From(latest), transaction, cancellationToken: cancellationToken));
        }

        if (appended.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["EventSequence_Update"], new { LastSequence = lastSequence }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppendResult(AppendOutcome.Committed, results, appended);
    }

    private async Task<Dictionary<string, CaseState>> ReadCasesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.CaseId).Distinct(StringComparer.Ordinal).ToArray();
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(sql["Case_ReadByIds"], new { CaseIds = ids }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.CaseId, r => r.ToState(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseEventRow>(new CommandDefinition(sql["CaseEvent_ReadAfter"],
            new { AfterSequence = afterSequence, Limit = limit, scope.RegionCode, scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToArray();
    }

    public async Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseEventRow>(new CommandDefinition(sql["CaseEvent_ReadByCase"],
            new { CaseId = caseId, scope.RegionCode, scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToArray();
    }

    private sealed class StoredIdentity
    {
        public Guid EventId { get; set; }
        public long Sequence { get; set; }
        public string ContentHash { get; set; } = "";
    }
}
