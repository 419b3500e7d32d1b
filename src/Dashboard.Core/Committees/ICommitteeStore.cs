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
