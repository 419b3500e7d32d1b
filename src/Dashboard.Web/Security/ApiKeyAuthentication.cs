using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Authenticates source systems by <c>X-Api-Key</c> or <c>Authorization: Bearer</c> (what the official SignalR clients'
/// <c>accessTokenFactory</c> sends; a browser's WebSocket sends it as <c>access_token</c> in the URL, which
/// <see cref="Hardening.UseHubAccessTokenFromQuery"/> turns into the header): keys from configuration first, then keys
/// administrators created in the UI. The principal carries the key's permissions and read scope as claims.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys,
    IAccessStore access,
    IMemoryCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string RoleName = "ApiKey";

    /// <summary>How long a key looked up in the database is trusted; well inside the 60 s a revocation may take.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    private const string BearerPrefix = "Bearer ";

    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented) && request.Headers.Authorization is [{ } authorization]
            && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization[BearerPrefix.Length..].Trim();
        }

        return presented;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { Length: > 0 } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        if (keys.CurrentValue.Keys.FirstOrDefault(k => Matches(k.KeySha256, presentedHash)) is { } configured)
        {
            return Success(configured.Name, configured.Permissions, Core.Storage.ReadScope.Parse(configured.Scope)!, CredentialKind.ConfiguredKey, configured.Name);
        }

        var hex = Convert.ToHexStringLower(presentedHash);
        var stored = await cache.GetOrCreateAsync($"api-key:{hex}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return access.ReadApiKeyByHashAsync(hex, Context.RequestAborted);
        });
        return stored is { IsActive: true }
            ? Success(stored.Name, stored.Permissions, stored.Scope, CredentialKind.ApiKey, stored.Id.ToString())
            : AuthenticateResult.Fail("unknown or revoked API key");
    }

    private static AuthenticateResult Success(string name, IEnumerable<Permission> permissions, Core.Storage.ReadScope scope, CredentialKind kind, string id)
    {
        var identity = TableroClaims.Identity(SchemeName, name, RoleName, scope, permissions, kind, id);
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Compared in constant time, so response timing says nothing about how close a guess was.</summary>
    private static bool Matches(string keySha256, byte[] presentedHash) =>
        keySha256.Length == 64 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(keySha256), presentedHash);
}
