using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Authenticates source systems by <c>X-Api-Key</c> (or <c>access_token</c> on the hub, since browsers' WebSockets
/// cannot send headers). The principal carries the key's permissions and read scope as claims.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string PermissionClaim = "tablero:permission";
    public const string ScopeClaim = "tablero:scope";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = Request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented) && Request.Path.StartsWithSegments("/hubs"))
        {
            presented = Request.Query["access_token"];
        }

        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var entry = keys.CurrentValue.Keys.FirstOrDefault(k => Matches(k, presentedHash));
        if (entry is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, entry.Name), new(ScopeClaim, entry.Scope) };
        claims.AddRange(entry.Permissions.Select(p => new Claim(PermissionClaim, p.ToString())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>Compared in constant time, so response timing says nothing about how close a guess was.</summary>
    private static bool Matches(ApiKeyEntry entry, byte[] presentedHash) =>
        entry.KeySha256.Length == 64 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(entry.KeySha256), presentedHash);
}

public static class CallerExtensions
{
    public static bool Can(this ClaimsPrincipal user, ApiPermission permission) =>
        user.HasClaim(ApiKeyAuthenticationHandler.PermissionClaim, permission.ToString());

    /// <summary>The read scope of an authenticated caller; a caller without one reads nothing.</summary>
    public static ReadScope? ReadScope(this ClaimsPrincipal user) =>
        ParseScope(user.FindFirst(ApiKeyAuthenticationHandler.ScopeClaim)?.Value);

    public static ReadScope? ParseScope(string? value) => value switch
    {
        "all" => Core.Storage.ReadScope.All,
        not null when value.StartsWith("region:", StringComparison.Ordinal) => Core.Storage.ReadScope.ForRegion(value["region:".Length..]),
        not null when value.StartsWith("unit:", StringComparison.Ordinal) => Core.Storage.ReadScope.ForUnit(value["unit:".Length..]),
        _ => null,
    };
}
