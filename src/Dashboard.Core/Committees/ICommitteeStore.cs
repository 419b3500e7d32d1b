using Dashboard.Core.Storage;

namespace Dashboard.Core.Committees;

/// <summary>The committees and their members. Reads take the caller's scope and filter in SQL, as every read does.</summary>
public interface ICommitteeStore
{
    /// <summary>Adds the committees not yet stored and renames the ones whose catalogue name changed; never touches an address or a member.</summary>
    Task SyncAsync(IReadOnlyList<Committee> committees, CancellationToken cancellationToken = default);

    /// <summary>The committees the scope covers: a region's own and its UMAE's; an institution's, with its central one; all.</summary>
    Task<IReadOnlyList<Committee>> ReadAllAsync(ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>One committee, or null when it does not exist or the scope does not cover it.</summary>
    Task<Committee?> ReadByCodeAsync(string code, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>Every committee's alert address, for the alert job (not a caller's read).</summary>
    Task<IReadOnlyDictionary<string, string>> ReadEmailsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CommitteeMember>> ReadMembersAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>False when there is no such committee.</summary>
    Task<bool> SetEmailAsync(string code, string? email, CancellationToken cancellationToken = default);

    /// <summary>Adds the user or changes her part; false when the committee or the user does not exist.</summary>
    Task<bool> SetMemberAsync(string code, Guid userId, CommitteeRole role, CancellationToken cancellationToken = default);

    /// <summary>False when she was not a member.</summary>
    Task<bool> RemoveMemberAsync(string code, Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>A committee's sessions: planned, opened, their attendance and minutes written while open, closed for good.</summary>
public interface ICommitteeSessionStore
{
    /// <summary>Adds the sessions not yet planned (an ordinary session is one per committee and date); returns how many were added.</summary>
    Task<int> PlanAsync(IReadOnlyList<CommitteeSession> sessions, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CommitteeSession>> ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken = default);

    Task<CommitteeSession?> ReadByIdAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Planned → open; false when it was not planned (someone else opened it first).</summary>
    Task<bool> OpenAsync(Guid id, string by, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Attendance and minutes of an open session, written together; false when it is not open.</summary>
    Task<bool> RecordAsync(Guid id, IReadOnlyList<Guid> attendees, string? minutes, CancellationToken cancellationToken = default);

    /// <summary>Open → closed, its minutes read-only from then on, with the agenda as held written in the same transaction; false when it was not open.</summary>
    Task<bool> CloseAsync(Guid id, string by, DateTimeOffset at, IReadOnlyList<AgendaEntry> held, CancellationToken cancellationToken = default);
}
