using Dapper;
using Dashboard.Core.Committees;

namespace Dashboard.Data.Stores;

/// <summary>A session's curated agenda: items set aside, topics added, and the agenda as held once closed.</summary>
public sealed class SessionAgendaStore(ConnectionFactory connections, SqlScripts sql) : ISessionAgendaStore
{
    public async Task<IReadOnlyList<AgendaEntry>> ReadAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition(sql["SessionAgenda_ReadBySession"], new { SessionId = sessionId }, cancellationToken: cancellationToken)))
            .Select(r => new AgendaEntry(r.SessionId, r.ItemKey, Enum.Parse<AgendaEntryState>(r.State), r.Label, r.ByName, r.At, r.Position)).ToArray();
    }

    public async Task SaveAsync(AgendaEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["SessionAgenda_Delete"], new { entry.SessionId, entry.ItemKey, State = entry.State.ToString() }, transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql["SessionAgenda_Save"], Parameters(entry), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid sessionId, string itemKey, AgendaEntryState state, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql["SessionAgenda_Delete"], new { SessionId = sessionId, ItemKey = itemKey, State = state.ToString() },
            cancellationToken: cancellationToken)) == 1;
    }

    internal static object Parameters(AgendaEntry e) => new { e.SessionId, e.ItemKey, State = e.State.ToString(), e.Label, ByName = e.By, e.At, e.Position };

    private sealed class Row
    {
        public Guid SessionId { get; set; }
        public string ItemKey { get; set; } = "";
        public string State { get; set; } = "";
        public string Label { get; set; } = "";
        public string ByName { get; set; } = "";
        public DateTimeOffset At { get; set; }
        public int Position { get; set; }
    }
}
