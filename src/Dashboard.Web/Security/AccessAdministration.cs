using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Security;

/// <summary>
/// The one way in for every change of users, display tokens and API keys (admin pages, the create-admin command,
/// the development seed) and for checking a password. Each change is written to the audit log. Secrets are
/// generated here, shown once to whoever created them, and only their hash (passwords: ASP.NET Core Identity's
/// PBKDF2 hasher; tokens and keys: SHA-256 of 256 random bits) is stored.
/// </summary>
public sealed partial class AccessAdministration(IAccessStore store, AuditTrail audit, CatalogueService catalogue, TimeProvider time)
{
    public const int MinimumPasswordLength = 12;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>The account when the name and password match an active user; null otherwise, without saying which part was wrong.</summary>
    public async Task<UserAccount?> CheckPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var user = await store.ReadUserByNameAsync(userName, cancellationToken);
        if (user is not { IsActive: true, PasswordHash: { } hash })
        {
            // Same work as a real check, so timing does not tell which user names exist.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(user, hash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        await store.RecordSignInAsync(user.Id, time.GetUtcNow(), cancellationToken);
        return user;
    }

    /// <summary>A new account; a técnica's <c>moduleCode</c> (one of her unit's) also writes her to the agents catalogue under her user name.</summary>
    public async Task<Result<string>> CreateUserAsync(ClaimsPrincipal actor, string userName, string displayName, string? email, Role role, ReadScope scope,
        string? password = null, string? moduleCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        userName = (userName ?? "").Trim().ToLowerInvariant();
        if (!UserNamePattern().IsMatch(userName))
        {
            return Result.Fail<string>("userName", "3–100 characters: letters, digits, '.', '-', '_' or '@'", "UserNameFormat");
        }

        if ((CheckNewUser(displayName, role, scope) ?? CheckDesk(userName, role, scope, moduleCode)) is { } problem)
        {
            return problem;
        }

        password ??= NewSecret(18);
        if (password.Length < MinimumPasswordLength)
        {
            return Result.Fail<string>("password", $"at least {MinimumPasswordLength} characters", "PasswordLength", MinimumPasswordLength);
        }

        var user = new UserAccount(Guid.NewGuid(), userName, displayName.Trim(), string.IsNullOrWhiteSpace(email) ? null : email.Trim(), null, role, scope, null, 1,
            time.GetUtcNow(), null, null, role == Role.Agent ? moduleCode : null);
        user = user with { PasswordHash = Hasher.HashPassword(user, password) };
        if (!await store.CreateUserAsync(user, cancellationToken))
        {
            return Result.Fail<string>("userName", $"'{userName}' is taken", "Taken", userName);
        }

        await WriteAgentAsync(user, cancellationToken);
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, AuditOutcome.Success,
            $"user {userName} created: {role}, {scope}{(user.ModuleCode is { } m ? $", module {m}" : "")}", cancellationToken);
        return Result.Ok<string>(password);
    }

    /// <summary>Sets a técnica's attention module (one of her unit's); her open sessions end, so the next one carries it.</summary>
    public async Task<Result<bool>> SetModuleAsync(ClaimsPrincipal actor, Guid id, string? moduleCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.ReadUserAsync(id, cancellationToken) is not { } user)
        {
            return Result.Fail<bool>("id", "no such user", "NoSuchUser");
        }

        moduleCode = string.IsNullOrWhiteSpace(moduleCode) ? null : moduleCode.Trim();
        if (user.Role != Role.Agent)
        {
            return Result.Fail<bool>("module", "only a técnica's account has a module", "ModuleOnlyForAgents");
        }

        if (CheckDesk(user.UserName, user.Role, user.Scope, moduleCode) is { } problem)
        {
            return new Result<bool>(false, problem.Field, problem.Problem) { Code = problem.Code, Arguments = problem.Arguments };
        }

        await store.SetModuleAsync(id, moduleCode, cancellationToken);
        await WriteAgentAsync(user with { ModuleCode = moduleCode }, cancellationToken);
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, AuditOutcome.Success, $"user {user.UserName}: module {moduleCode ?? "none"}", cancellationToken);
        return Result.Ok<bool>(true);
    }

    /// <summary>
    /// A técnica with a module is also an agent of the catalogue, under her user name: cases assigned to her show her
    /// name on every page, as for the técnicas a catalogue import brings.
    /// </summary>
    private async Task WriteAgentAsync(UserAccount user, CancellationToken cancellationToken)
    {
        if (user is { Role: Role.Agent, ModuleCode: { } module, Scope: { Level: ScopeLevel.Unit, Code: { } unit } })
        {
            await catalogue.UpsertAsync(new Core.Catalogue.CatalogueSnapshot([], [], [], [new Core.Catalogue.Agent(user.UserName, unit, module, user.DisplayName)]), cancellationToken);
        }
    }

    /// <summary>
    /// The desk roles' own rules: a técnica is bound to a unit (and to one of its modules, when given), a remote desk
    /// to an institution; the user name of either is the code its cases are assigned to.
    /// </summary>
    private Result<string>? CheckDesk(string userName, Role role, ReadScope scope, string? moduleCode)
    {
        if (RolePermissions.RequiredScope(role) is not { } level)
        {
            return null;
        }

        if (scope.Level != level)
        {
            return level == ScopeLevel.Unit
                ? Result.Fail<string>("scope", "a técnica's account is bound to her unit", "DeskNeedsUnit")
                : Result.Fail<string>("scope", "a call-center or telemedicine account is bound to its institution", "DeskNeedsInstitution");
        }

        if (!Core.Cases.CaseEventParser.CodePattern().IsMatch(userName))
        {
            return Result.Fail<string>("userName", "for a desk account: letters, digits, '.', '-' or '_' (cases are assigned to it)", "DeskUserNameFormat");
        }

        if (moduleCode is not null && (role != Role.Agent || catalogue.Current.Snapshot.Modules.FirstOrDefault(m => m.Code == moduleCode) is not { } module || module.UnitCode != scope.Code))
        {
            return Result.Fail<string>("module", $"'{moduleCode}' is not a module of unit {scope.Code}", "ModuleNotOfUnit", moduleCode);
        }

        return null;
    }

    public async Task<Result<bool>> UpdateUserAsync(ClaimsPrincipal actor, Guid id, string displayName, string? email, Role role, ReadScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.ReadUserAsync(id, cancellationToken) is not { } user)
        {
            return Result.Fail<bool>("id", "no such user", "NoSuchUser");
        }

        if ((CheckNewUser(displayName, role, scope) ?? CheckDesk(user.UserName, role, scope, role == Role.Agent ? user.ModuleCode : null)) is { } problem)
        {
            return new Result<bool>(false, problem.Field, problem.Problem) { Code = problem.Code, Arguments = problem.Arguments };
        }

        if (user is { Role: Role.Administrator, IsActive: true } && role != Role.Administrator && await store.CountActiveAdministratorsAsync(cancellationToken) <= 1)
        {
            return Result.Fail<bool>("role", "the last active administrator keeps the role", "LastAdministratorRole");
        }

        await store.UpdateUserAsync(id, displayName.Trim(), string.IsNullOrWhiteSpace(email) ? null : email.Trim(), role, scope, cancellationToken);
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, AuditOutcome.Success, $"user {user.UserName} changed: {role}, {scope}", cancellationToken);
        return Result.Ok<bool>(true);
    }

    /// <summary>A new generated password, shown once; the user's open sessions end.</summary>
    public async Task<Result<string>> ResetPasswordAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.ReadUserAsync(id, cancellationToken) is not { } user)
        {
            return Result.Fail<string>("id", "no such user", "NoSuchUser");
        }

        var password = NewSecret(18);
        await store.SetPasswordAsync(id, Hasher.HashPassword(user, password), cancellationToken);
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, AuditOutcome.Success, $"user {user.UserName}: password reset", cancellationToken);
        return Result.Ok<string>(password);
    }

    public async Task<Result<bool>> SetRevokedAsync(ClaimsPrincipal actor, Guid id, bool revoked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.ReadUserAsync(id, cancellationToken) is not { } user)
        {
            return Result.Fail<bool>("id", "no such user", "NoSuchUser");
        }

        if (revoked && user is { Role: Role.Administrator, IsActive: true } && await store.CountActiveAdministratorsAsync(cancellationToken) <= 1)
        {
            return Result.Fail<bool>("id", "the last active administrator cannot be revoked", "LastAdministratorRevoke");
        }

        await store.SetRevokedAsync(id, revoked ? time.GetUtcNow() : null, cancellationToken);
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, AuditOutcome.Success, $"user {user.UserName} {(revoked ? "revoked" : "restored")}", cancellationToken);
        return Result.Ok<bool>(true);
    }

    /// <summary>A new wall display token for a scope; answers the token itself, shown once.</summary>
    public async Task<Result<string>> CreateDisplayTokenAsync(ClaimsPrincipal actor, string name, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return Result.Fail<string>("name", "1–200 characters, e.g. where the screen hangs", "DisplayNameLength");
        }

        if (ScopeProblem(scope) is { } problem)
        {
            return problem;
        }

        var token = NewSecret(43);
        await store.CreateDisplayTokenAsync(new DisplayToken(Guid.NewGuid(), name.Trim(), Sha256(token), scope, actor.ActorName(), time.GetUtcNow(), null), cancellationToken);
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, AuditOutcome.Success, $"display token '{name.Trim()}' created for {scope}", cancellationToken);
        return Result.Ok<string>(token);
    }

    public async Task<bool> RevokeDisplayTokenAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var done = await store.RevokeDisplayTokenAsync(id, time.GetUtcNow(), cancellationToken);
        // The audit log is read by people: the display's name, not its id.
        var name = (await store.ListDisplayTokensAsync(cancellationToken)).FirstOrDefault(t => t.Id == id)?.Name ?? id.ToString();
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, done ? AuditOutcome.Success : AuditOutcome.Failed, $"display token '{name}' revoked", cancellationToken);
        return done;
    }

    /// <summary>A new API key for a source system; answers the key itself, shown once.</summary>
    public async Task<Result<string>> CreateApiKeyAsync(ClaimsPrincipal actor, string name, IReadOnlyList<Permission> permissions, ReadScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(permissions);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return Result.Fail<string>("name", "1–200 characters, e.g. the source system", "KeyNameLength");
        }

        if (permissions.Count == 0 || !permissions.All(RolePermissions.GrantableToApiKeys.Contains))
        {
            return Result.Fail<string>("permissions", $"one or more of {string.Join(", ", RolePermissions.GrantableToApiKeys)}", "PermissionsRequired");
        }

        if (ScopeProblem(scope) is { } problem)
        {
            return problem;
        }

        var key = NewSecret(43);
        var record = new ApiKeyRecord(Guid.NewGuid(), name.Trim(), Sha256(key), permissions.Distinct().ToArray(), scope, actor.ActorName(), time.GetUtcNow(), null);
        if (!await store.CreateApiKeyAsync(record, cancellationToken))
        {
            return Result.Fail<string>("name", $"'{name.Trim()}' is taken", "Taken", name.Trim());
        }

        await audit.RecordAsync(actor, AuditAction.AdminChange, null, AuditOutcome.Success, $"API key '{record.Name}' created: {string.Join('+', record.Permissions)}, {scope}", cancellationToken);
        return Result.Ok<string>(key);
    }

    public async Task<bool> RevokeApiKeyAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var done = await store.RevokeApiKeyAsync(id, time.GetUtcNow(), cancellationToken);
        var name = (await store.ListApiKeysAsync(cancellationToken)).FirstOrDefault(k => k.Id == id)?.Name ?? id.ToString();
        await audit.RecordAsync(actor, AuditAction.AdminChange, null, done ? AuditOutcome.Success : AuditOutcome.Failed, $"API key '{name}' revoked", cancellationToken);
        return done;
    }

    /// <summary>The display token, when it is known and not revoked.</summary>
    public async Task<DisplayToken?> FindDisplayTokenAsync(string token, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(token) || token.Length > 200 ? null
            : await store.ReadDisplayTokenByHashAsync(Sha256(token), cancellationToken) is { IsActive: true } found ? found : null;

    /// <summary>The principal that runs what the system itself does (the seed, the command line, jobs).</summary>
    public static ClaimsPrincipal SystemActor(string name) =>
        new(TableroClaims.Identity("system", name, "System", ReadScope.All, [], CredentialKind.User, Guid.Empty.ToString()));

    public static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    /// <summary>Letters and digits without look-alikes (0/O, 1/l/I), easy to read aloud or type on a TV remote.</summary>
    public static string NewSecret(int length) => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", length);

    private Result<string>? CheckNewUser(string displayName, Role role, ReadScope scope)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200)
        {
            return Result.Fail<string>("displayName", "1–200 characters", "Length200");
        }

        if (!Enum.IsDefined(role) || role == Role.Wall)
        {
            return Result.Fail<string>("role", "Administrator, Director, Supervisor, Agent, CallCenterAgent or TelemedicineAgent (walls open with display tokens)", "RoleNotForPeople");
        }

        return ScopeProblem(scope);
    }

    private Result<string>? ScopeProblem(ReadScope? scope) => scope switch
    {
        null => Result.Fail<string>("scope", "'all', 'institution:IMSS', 'region:CODE' or 'unit:CODE'", "ScopeFormat"),
        { Level: ScopeLevel.Region } when catalogue.Current.FindRegion(scope.Code!) is null => Result.Fail<string>("scope", $"unknown region '{scope.Code}'", "UnknownRegion", scope.Code!),
        { Level: ScopeLevel.Unit } when catalogue.Current.FindUnit(scope.Code!) is null => Result.Fail<string>("scope", $"unknown unit '{scope.Code}'", "UnknownUnit", scope.Code!),
        _ => null,
    };

    private static readonly string DummyHash = Hasher.HashPassword(null!, "no user has this password");

    [GeneratedRegex("^[a-z0-9._@-]{3,100}\\z")]
    private static partial Regex UserNamePattern();
}

/// <summary>
/// An outcome with a value, or the field that was wrong and why (shown next to that field). <see cref="Problem"/> is
/// English for logs and the command line; a page shows <see cref="Code"/> (with <see cref="Arguments"/>) from its
/// resource files in the reader's language.
/// </summary>
public sealed record Result<T>(T? Value, string? Field, string? Problem)
{
    public bool Succeeded => Problem is null;

    /// <summary>What was wrong, as a resource key ("DisplayNameLength", "UnknownRegion").</summary>
    public string? Code { get; init; }

    public IReadOnlyList<object> Arguments { get; init; } = [];
}

public static class Result
{
    public static Result<T> Ok<T>(T value) => new(value, null, null);

    public static Result<T> Fail<T>(string field, string problem, string? code = null, params object[] arguments) =>
        new(default, field, problem) { Code = code, Arguments = arguments };
}
