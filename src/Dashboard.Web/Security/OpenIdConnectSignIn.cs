using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Security;

/// <summary>
/// Sign-in through an institution's own identity provider, when configured ("Security:OpenIdConnect"). The provider
/// says who the person is and, in two claims, their role and scope; Tablero keeps a local account for them (no
/// password) so an administrator can still revoke it here and open sessions end within a minute like anyone's.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string SectionName = "Security:OpenIdConnect";
    public const string Scheme = "oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button's text on the sign-in page, e.g. "Entrar con la cuenta institucional".</summary>
    public string DisplayName { get; set; } = "OpenID Connect";

    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Holds Administrator, Director, Supervisor or Agent.</summary>
    public string RoleClaim { get; set; } = "tablero_role";

    /// <summary>Holds "all", "region:CODE" or "unit:CODE".</summary>
    public string ScopeClaim { get; set; } = "tablero_scope";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public static class OpenIdConnectSignIn
{
    public const string StartPath = "/cuenta/entrar-externo";

    public static void AddTableroOpenIdConnect(this AuthenticationBuilder builder, OpenIdConnectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsConfigured)
        {
            return;
        }

        builder.AddOpenIdConnect(OpenIdConnectSettings.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var mapped = await MapAsync(context.Principal!, settings, services.GetRequiredService<IAccessStore>(), services.GetRequiredService<TimeProvider>(),
                    context.HttpContext.RequestAborted);
                var audit = services.GetRequiredService<AuditTrail>();
                if (!mapped.Succeeded)
                {
                    await audit.RecordAsync(context.Principal!.FindFirst(settings.UserNameClaim)?.Value ?? "?", "anonymous", "none", AuditAction.SignIn, null,
                        AuditOutcome.Denied, $"OpenID Connect: {mapped.Problem}");
                    context.Fail(mapped.Problem!);
                    return;
                }

                context.Principal = mapped.Value;
                await audit.RecordAsync(mapped.Value!, AuditAction.SignIn, null, AuditOutcome.Success, "OpenID Connect");
            };
        });
    }

    public static void MapOpenIdConnectStart(this WebApplication app, OpenIdConnectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IsConfigured)
        {
            app.MapGet(StartPath, (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = Infrastructure.CultureSwitch.IsLocal(returnUrl) ? returnUrl : "/" }, [OpenIdConnectSettings.Scheme]))
                .ExcludeFromDescription();
        }
    }

    /// <summary>
    /// Turns the provider's principal into a Tablero one: role and scope from the configured claims, a local account
    /// created or brought up to date (which ends older sessions when either changed), refused when revoked here.
    /// </summary>
    public static async Task<Result<ClaimsPrincipal>> MapAsync(ClaimsPrincipal external, OpenIdConnectSettings settings, IAccessStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(external);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var userName = external.FindFirst(settings.UserNameClaim)?.Value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName) || userName.Length > 100)
        {
            return Result.Fail<ClaimsPrincipal>(settings.UserNameClaim, "missing or longer than 100 characters");
        }

        if (!Enum.TryParse<Role>(external.FindFirst(settings.RoleClaim)?.Value, ignoreCase: true, out var role) || role == Role.Wall)
        {
            return Result.Fail<ClaimsPrincipal>(settings.RoleClaim, "must be Administrator, Director, Supervisor or Agent");
        }

        if (ReadScope.Parse(external.FindFirst(settings.ScopeClaim)?.Value) is not { } scope)
        {
            return Result.Fail<ClaimsPrincipal>(settings.ScopeClaim, "must be 'all', 'region:CODE' or 'unit:CODE'");
        }

        var displayName = external.FindFirst("name")?.Value ?? userName;
        var email = external.FindFirst("email")?.Value;
        var user = await store.ReadUserByNameAsync(userName, cancellationToken);
        if (user is null)
        {
            user = new UserAccount(Guid.NewGuid(), userName, displayName, email, null, role, scope, null, 1, time.GetUtcNow(), null, null);
            if (!await store.CreateUserAsync(user, cancellationToken))
            {
                user = await store.ReadUserByNameAsync(userName, cancellationToken);
            }
        }

        if (user is null || !user.IsActive)
        {
            return Result.Fail<ClaimsPrincipal>("user", "this account is revoked in Tablero");
        }

        if (user.Role != role || user.Scope != scope || user.DisplayName != displayName)
        {
            await store.UpdateUserAsync(user.Id, displayName, email, role, scope, cancellationToken);
            user = (await store.ReadUserAsync(user.Id, cancellationToken))!;
        }

        await store.RecordSignInAsync(user.Id, time.GetUtcNow(), cancellationToken);
        return Result.Ok(TableroClaims.ForUser(user, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
