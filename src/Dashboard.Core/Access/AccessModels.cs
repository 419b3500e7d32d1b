using Dashboard.Core.Storage;

namespace Dashboard.Core.Access;

/// <summary>A local account. <see cref="Version"/> changes with every change that must end open sessions.</summary>
public sealed record UserAccount(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? PasswordHash,
    Role Role,
    ReadScope Scope,
    string? Culture,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastSignInAt,
    string? ModuleCode = null)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A wall display's credential; only the SHA-256 of the token is stored.</summary>
public sealed record DisplayToken(Guid Id, string Name, string TokenSha256, ReadScope Scope, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A source system's API key created by an administrator; only its SHA-256 is stored.</summary>
public sealed record ApiKeyRecord(Guid Id, string Name, string KeySha256, IReadOnlyList<Permission> Permissions, ReadScope Scope, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

public enum AuditAction
{
    SignIn,
    SignOut,
    CaseViewed,
    IdentifierRevealed,
    ExportMade,
    AuthorizationFailed,
    AdminChange,
    PersonalDataPurged,
}

public enum AuditOutcome
{
    Success,
    Denied,
    Failed,
}

/// <summary>One line of the audit log: who (as what, within which scope) did what to which case, when, and how it went.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Role,
    string Scope,
    AuditAction Action,
    string? CaseId,
    AuditOutcome Outcome,
    string CorrelationId,
    string? Detail = null)
{
    public long Id { get; init; }
}
