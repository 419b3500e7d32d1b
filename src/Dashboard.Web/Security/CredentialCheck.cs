using System.Security.Claims;
using Dashboard.Core.Access;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Whether a principal's credential still stands as it did when it signed in: the user is active with the same
/// version (role, scope and password unchanged), the display token or API key is not revoked and keeps its scope.
/// Cookies are checked with it on every request, open circuits and hub connections every
/// <see cref="SecurityOptions.RevalidateEvery"/>.
/// </summary>
public sealed class CredentialCheck(IAccessStore access, IOptionsMonitor<ApiKeyOptions> configuredKeys)
{
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !Enum.TryParse<CredentialKind>(principal.FindFirst(TableroClaims.CredentialKind)?.Value, out var kind)
            || principal.FindFirst(TableroClaims.CredentialId)?.Value is not { Length: > 0 } id)
        {
            return false;
        }

        var scope = principal.FindFirst(TableroClaims.Scope)?.Value;
        switch (kind)
        {
            case CredentialKind.User:
                var user = Guid.TryParse(id, out var userId) ? await access.ReadUserAsync(userId, cancellationToken) : null;
                return user is { IsActive: true } && user.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == principal.FindFirst(TableroClaims.Version)?.Value;
            case CredentialKind.DisplayToken:
                var token = Guid.TryParse(id, out var tokenId) ? await access.ReadDisplayTokenAsync(tokenId, cancellationToken) : null;
                return token is { IsActive: true } && token.Scope.ToString() == scope;
            case CredentialKind.ApiKey:
                var key = Guid.TryParse(id, out var keyId) ? await access.ReadApiKeyAsync(keyId, cancellationToken) : null;
                return key is { IsActive: true } && key.Scope.ToString() == scope;
            case CredentialKind.ConfiguredKey:
                return configuredKeys.CurrentValue.Keys.Any(k => k.Name == id && k.Scope == scope);
            default:
                return false;
        }
    }
}
