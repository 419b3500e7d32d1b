using Dapper;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Users, display tokens and API keys. Roles, permissions and scopes travel as their text forms.</summary>
public sealed class AccessStore(ConnectionFactory connections, SqlScripts sql) : IAccessStore
{
    public async Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await ExecuteAsync("User_Insert", new
        {
            user.Id, UserName = user.UserName.ToLowerInvariant(), user.DisplayName, user.Email, user.PasswordHash, Role = user.Role.ToString(),
            Scope = user.Scope.ToString(), user.Culture, user.CreatedAt, user.ModuleCode,
        }, cancellationToken) == 1;
    }

    public async Task<UserAccount?> ReadUserByNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return (await QueryAsync<UserRow>("User_ReadByName", new { UserName = userName.Trim().ToLowerInvariant() }, cancellationToken)).FirstOrDefault()?.ToModel();
    }

    public async Task<UserAccount?> ReadUserAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await QueryAsync<UserRow>("User_ReadById", new { Id = id }, cancellationToken)).FirstOrDefault()?.ToModel();

    public async Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync<UserRow>("User_ReadAll", null, cancellationToken)).Select(r => r.ToModel()).ToArray();

    public async Task<int> CountActiveAdministratorsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql["User_ReadActiveAdministratorCount"], cancellationToken: cancellationToken));
    }

    public async Task<bool> UpdateUserAsync(Guid id, string displayName, string? email, Role role, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await ExecuteAsync("User_Update", new { Id = id, DisplayName = displayName, Email = email, Role = role.ToString(), Scope = scope.ToString() }, cancellationToken) == 1;
    }

    public async Task<bool> SetModuleAsync(Guid id, string? moduleCode, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("User_SetModule", new { Id = id, ModuleCode = moduleCode }, cancellationToken) == 1;

    public async Task<bool> SetPasswordAsync(Guid id, string passwordHash, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("User_SetPassword", new { Id = id, PasswordHash = passwordHash }, cancellationToken) == 1;

    public async Task<bool> SetRevokedAsync(Guid id, DateTimeOffset? revokedAt, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("User_SetRevoked", new { Id = id, RevokedAt = revokedAt }, cancellationToken) == 1;

    public Task SetCultureAsync(Guid id, string culture, CancellationToken cancellationToken = default) =>
        ExecuteAsync("User_SetCulture", new { Id = id, Culture = culture }, cancellationToken);

    public Task RecordSignInAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("User_RecordSignIn", new { Id = id, At = at }, cancellationToken);

    public Task CreateDisplayTokenAsync(DisplayToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return ExecuteAsync("DisplayToken_Insert", new { token.Id, token.Name, TokenSha256 = token.TokenSha256.ToLowerInvariant(), Scope = token.Scope.ToString(), token.CreatedBy, token.CreatedAt }, cancellationToken);
    }

    public async Task<DisplayToken?> ReadDisplayTokenAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await QueryAsync<TokenRow>("DisplayToken_ReadById", new { Id = id }, cancellationToken)).FirstOrDefault()?.ToModel();

    public async Task<DisplayToken?> ReadDisplayTokenByHashAsync(string tokenSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenSha256);
        return (await QueryAsync<TokenRow>("DisplayToken_ReadByHash", new { TokenSha256 = tokenSha256.ToLowerInvariant() }, cancellationToken)).FirstOrDefault()?.ToModel();
    }

    public async Task<IReadOnlyList<DisplayToken>> ListDisplayTokensAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync<TokenRow>("DisplayToken_ReadAll", null, cancellationToken)).Select(r => r.ToModel()).ToArray();

    public async Task<bool> RevokeDisplayTokenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DisplayToken_Revoke", new { Id = id, At = at }, cancellationToken) == 1;

    public async Task<bool> CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await ExecuteAsync("ApiKey_Insert", new
        {
            key.Id, key.Name, KeySha256 = key.KeySha256.ToLowerInvariant(), Permissions = string.Join(',', key.Permissions), Scope = key.Scope.ToString(),
            key.CreatedBy, key.CreatedAt,
        }, cancellationToken) == 1;
    }

    public async Task<ApiKeyRecord?> ReadApiKeyAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await QueryAsync<KeyRow>("ApiKey_ReadById", new { Id = id }, cancellationToken)).FirstOrDefault()?.ToModel();

    public async Task<ApiKeyRecord?> ReadApiKeyByHashAsync(string keySha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keySha256);
        return (await QueryAsync<KeyRow>("ApiKey_ReadByHash", new { KeySha256 = keySha256.ToLowerInvariant() }, cancellationToken)).FirstOrDefault()?.ToModel();
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync<KeyRow>("ApiKey_ReadAll", null, cancellationToken)).Select(r => r.ToModel()).ToArray();

    public async Task<bool> RevokeApiKeyAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("ApiKey_Revoke", new { Id = id, At = at }, cancellationToken) == 1;

    private async Task<int> ExecuteAsync(string script, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql[script], parameters, cancellationToken: cancellationToken));
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string script, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QueryAsync<T>(new CommandDefinition(sql[script], parameters, cancellationToken: cancellationToken));
    }

    private static ReadScope ScopeOf(string value) =>
        ReadScope.Parse(value) ?? throw new InvalidOperationException($"stored scope '{value}' is not valid");

    private sealed class UserRow
    {
        public Guid Id { get; set; }
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string? Email { get; set; }
        public string? PasswordHash { get; set; }
        public string Role { get; set; } = "";
        public string Scope { get; set; } = "";
        public string? Culture { get; set; }
        public int Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
        public DateTimeOffset? LastSignInAt { get; set; }
        public string? ModuleCode { get; set; }

        public UserAccount ToModel() => new(Id, UserName, DisplayName, Email, PasswordHash, Enum.Parse<Role>(Role), ScopeOf(Scope), Culture, Version,
            CreatedAt, RevokedAt, LastSignInAt, ModuleCode);
    }

    private sealed class TokenRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string TokenSha256 { get; set; } = "";
        public string Scope { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }

        public DisplayToken ToModel() => new(Id, Name, TokenSha256, ScopeOf(Scope), CreatedBy, CreatedAt, RevokedAt);
    }

    private sealed class KeyRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string KeySha256 { get; set; } = "";
        public string Permissions { get; set; } = "";
        public string Scope { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }

        public ApiKeyRecord ToModel() => new(Id, Name, KeySha256,
            Permissions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Permission>).ToArray(), ScopeOf(Scope), CreatedBy, CreatedAt, RevokedAt);
    }
}
