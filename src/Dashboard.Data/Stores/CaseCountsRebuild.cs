using Dapper;

namespace Dashboard.Data.Stores;

/// <summary>
/// Recounts the summary's counters (<c>case_counts</c>) from the case rows, for an operator who doubts them (after a
/// restore of an old backup, a hand edit, a bug): <c>rebuild-counts</c>. It takes the event sequence's lock first, as
/// every append does, so no commit moves a counter while the recount runs; ingestion waits meanwhile (a large database
/// is a few seconds per million cases). Answers how many counters there are and how many it corrected.
/// </summary>
public sealed class CaseCountsRebuild(ConnectionFactory connections, SqlScripts sql)
{
    public async Task<(int Counters, int Corrected)> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var writer = await connections.AcquireWriterAsync(cancellationToken);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["EventSequence_ReadForUpdate"], transaction: transaction, cancellationToken: cancellationToken));
        var before = await ReadAsync(connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["CaseCount_Rebuild"], transaction: transaction, cancellationToken: cancellationToken));
        var after = await ReadAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        connections.EnsureCommittedToDatabaseFile(connection);
        return (after.Count, after.Keys.Union(before.Keys).Count(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)));
    }

    private async Task<Dictionary<(string, string, bool, int, string), long>> ReadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(sql["CaseCount_ReadAll"], transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.UnitCode, r.Status, r.Complex, r.EscalationLevel, r.SlaState), r => r.Cases);

    private sealed class Row
    {
        public string UnitCode { get; set; } = "";
        public string Status { get; set; } = "";
        public bool Complex { get; set; }
        public int EscalationLevel { get; set; }
        public string SlaState { get; set; } = "";
        public long Cases { get; set; }
    }
}
