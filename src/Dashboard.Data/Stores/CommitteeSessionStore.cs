using System.Globalization;
using Dapper;
using Dashboard.Core.Committees;

namespace Dashboard.Data.Stores;

/// <summary>Committee sessions and their attendance; the state changes are conditional updates, so two people racing cannot both win.</summary>
public sealed class CommitteeSessionStore(ConnectionFactory connections, SqlScripts sql) : ICommitteeSessionStore
{
    public async Task<int> PlanAsync(IReadOnlyList<CommitteeSession> sessions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var added = 0;
        foreach (var s in sessions)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(sql["CommitteeSession_Insert"], new
            {
                s.Id, s.CommitteeCode, Kind = s.Kind.ToString(), ScheduledOn = Iso(s.ScheduledOn), s.Title,
            }, cancellationToken: cancellationToken));
        }

        return added;
    }

    public Task<IReadOnlyList<CommitteeSession>> ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken = default) =>
        ReadAsync("CommitteeSession_ReadByCommittee", committeeCode, null, cancellationToken);

    public async Task<CommitteeSession?> ReadByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ReadAsync("CommitteeSession_ReadById", null, id, cancellationToken) is [var session, ..] ? session : null;

    public async Task<bool> OpenAsync(Guid id, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql["CommitteeSession_Open"], new { Id = id, By = by, At = at }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> RecordAsync(Guid id, IReadOnlyList<Guid> attendees, string? minutes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The minutes' update holds the row: attendance is written only for a session still open when it is.
        if (await connection.ExecuteAsync(new CommandDefinition(sql["CommitteeSession_SetMinutes"], new { Id = id, Minutes = minutes }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(sql["CommitteeSessionAttendee_DeleteBySession"], new { Id = id }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql["CommitteeSessionAttendee_Insert"],
            attendees.Distinct().Select(u => new { Id = id, UserId = u }).ToArray(), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> CloseAsync(Guid id, string by, DateTimeOffset at, IReadOnlyList<AgendaEntry> held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql["CommitteeSession_Close"], new { Id = id, By = by, At = at }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }

        // The agenda as held, with the session's closing: a closed session keeps what it discussed, whatever the board shows later.
        foreach (var entry in held)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["SessionAgenda_Save"], SessionAgendaStore.Parameters(entry with { SessionId = id, State = AgendaEntryState.Held }),
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<CommitteeSession>> ReadAsync(string statement, string? committeeCode, Guid? id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new { CommitteeCode = committeeCode, Id = id };
        var rows = (await connection.QueryAsync<SessionRow>(new CommandDefinition(sql[statement], parameters, cancellationToken: cancellationToken))).ToArray();
        var attendees = (await connection.QueryAsync<AttendeeRow>(new CommandDefinition(sql["CommitteeSessionAttendee_ReadBySessions"], parameters, cancellationToken: cancellationToken)))
            .ToLookup(a => a.SessionId, a => a.UserId);
        return rows.Select(r => new CommitteeSession(r.Id, r.CommitteeCode, Enum.Parse<SessionKind>(r.Kind),
            DateOnly.ParseExact(r.ScheduledOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Title, Enum.Parse<SessionStatus>(r.Status), r.Minutes,
            [.. attendees[r.Id]], r.OpenedAt, r.OpenedBy, r.ClosedAt, r.ClosedBy)).ToArray();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class SessionRow
    {
        public Guid Id { get; set; }
        public string CommitteeCode { get; set; } = "";
        public string Kind { get; set; } = "";
        public string ScheduledOn { get; set; } = "";
        public string Title { get; set; } = "";
        public string Status { get; set; } = "";
        public string? Minutes { get; set; }
        public DateTimeOffset? OpenedAt { get; set; }
        public string? OpenedBy { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        public string? ClosedBy { get; set; }
    }

    private sealed class AttendeeRow
    {
        public Guid SessionId { get; set; }
        public Guid UserId { get; set; }
    }
}
