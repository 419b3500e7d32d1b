using Dapper;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>History imports' rows: progress for resuming, and the log range each one wrote.</summary>
public sealed class HistoryImportStore(ConnectionFactory connections, SqlScripts sql) : IHistoryImportStore
{
    public async Task<IReadOnlyList<HistoryImportRecord>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql["HistoryImport_ReadAll"], cancellationToken: cancellationToken));
        return rows.Select(r => new HistoryImportRecord(r.Source, r.StartedAt, r.AfterSequence, r.LinesDone, r.LastSequence, r.CompletedAt)).ToArray();
    }

    public async Task<HistoryImportRecord> BeginAsync(string source, DateTimeOffset startedAt, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["HistoryImport_Insert"], new { Source = source, StartedAt = startedAt, AfterSequence = afterSequence }, cancellationToken: cancellationToken));
        }

        return (await ReadAllAsync(cancellationToken)).Single(r => r.Source == source);
    }

    public async Task SetLinesDoneAsync(string source, long linesDone, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["HistoryImport_SetLinesDone"], new { Source = source, LinesDone = linesDone }, cancellationToken: cancellationToken));
    }

    public async Task MarkCompletedAsync(string source, long lastSequence, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["HistoryImport_MarkCompleted"], new { Source = source, LastSequence = lastSequence, CompletedAt = completedAt }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string Source { get; set; } = "";
        public DateTimeOffset StartedAt { get; set; }
        public long AfterSequence { get; set; }
        public long LinesDone { get; set; }
        public long? LastSequence { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
    }
}

/// <summary>The demo's small values, one row per name.</summary>
public sealed class DemoSettingsStore(ConnectionFactory connections, SqlScripts sql) : IDemoSettingsStore
{
    public async Task<string?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql["DemoSetting_ReadByName"], new { Name = name }, cancellationToken: cancellationToken));
    }

    public async Task WriteAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["DemoSetting_Upsert"], new { Name = name, Value = value }, cancellationToken: cancellationToken));
    }
}
