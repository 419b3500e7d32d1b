using Dashboard.Core.Storage;

namespace Dashboard.Core.Access;

/// <summary>Users, display tokens and API keys. Every change of a user raises its version.</summary>
public interface IAccessStore
{
    /// <summary>Creates the account; false when the user name is taken.</summary>
    Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken = default);

    Task<UserAccount?> ReadUserByNameAsync(string userName, CancellationToken cancellationToken = default);

    Task<UserAccount?> ReadUserAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default);

    Task<int> CountActiveAdministratorsAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes name, e-mail, role and scope; ends the user's open sessions.</summary>
    Task<bool> UpdateUserAsync(Guid id, string displayName, string? email, Role role, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>Sets (or clears) a técnica's attention module; ends the user's open sessions.</summary>
    Task<bool> SetModuleAsync(Guid id, string? moduleCode, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password hash; ends the user's open sessions.</summary>
    Task<bool> SetPasswordAsync(Guid id, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Revokes (at a time) or restores (null) the account; ends its open sessions.</summary>
    Task<bool> SetRevokedAsync(Guid id, DateTimeOffset? revokedAt, CancellationToken cancellationToken = default);

    /// <summary>The language the user chose; does not end sessions.</summary>
    Task SetCultureAsync(Guid id, string culture, CancellationToken cancellationToken = default);

    Task RecordSignInAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task CreateDisplayTokenAsync(DisplayToken token, CancellationToken cancellationToken = default);

    Task<DisplayToken?> ReadDisplayTokenAsync(Guid id, CancellationToken cancellationToken = default);

    Task<DisplayToken?> ReadDisplayTokenByHashAsync(string tokenSha256, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DisplayToken>> ListDisplayTokensAsync(CancellationToken cancellationToken = default);

    Task<bool> RevokeDisplayTokenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Creates the key; false when the name is taken.</summary>
    Task<bool> CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    Task<ApiKeyRecord?> ReadApiKeyAsync(Guid id, CancellationToken cancellationToken = default);

    Task<ApiKeyRecord?> ReadApiKeyByHashAsync(string keySha256, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    Task<bool> RevokeApiKeyAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>The append-only audit log. There is no update or delete here, and the database refuses them too.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Newest first, optionally for one case or one actor.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? caseId, string? actor, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every access to the cases of one insured person (by NSS/DNI), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListForInsuredAsync(string insuredId, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// Erases the personal fields (NSS/DNI, summaries, notes) of cases closed before a date. Not a change of the case, so
/// not an event: it rewrites what the log holds about the person, which nothing else may do. The one sanctioned writer
/// of the case tables besides the case-event service (the retention job holds it; a test keeps it so).
/// </summary>
public interface IPersonalDataPurge
{
    /// <summary>Erases up to <paramref name="limit"/> cases, oldest first, each in one transaction; answers their ids.</summary>
    Task<IReadOnlyList<string>> PurgePersonalDataAsync(DateTimeOffset closedBefore, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);
}
