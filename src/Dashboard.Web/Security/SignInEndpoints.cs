using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Signing people in and out (a form posted from <c>/cuenta/entrar</c>, antiforgery-checked) and opening a wall
/// display with its token (<c>/pantalla/{token}</c>, typed once into the TV's browser). Both end in the cookie session.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPage = "/cuenta/entrar";
    public const string AccessDeniedPage = "/cuenta/sin-permiso";
    public const string SignInPath = "/cuenta/iniciar";
    public const string SignOutPath = "/cuenta/salir";
    public const string DisplayPath = "/pantalla";
    public const string SignInLimiter = "sign-in";

    public static void MapSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(SignInPath, SignInAsync).RequireRateLimiting(SignInLimiter).ExcludeFromDescription();
        // Nothing is read from the form, so the token check is asked for explicitly: no other site may sign a person out.
        app.MapPost(SignOutPath, SignOutAsync).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapGet(DisplayPath + "/{token}", OpenDisplayAsync).RequireRateLimiting(SignInLimiter).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http,
        AccessAdministration accounts, AuditTrail audit, IOptions<SecurityOptions> options, TimeProvider time)
    {
        var user = await accounts.CheckPasswordAsync(userName ?? "", password ?? "", http.RequestAborted);
        if (user is null)
        {
            // The name as typed goes to the audit log (never the password), so repeated guessing shows up.
            await audit.RecordAsync((userName ?? "").Trim(), "anonymous", "none", AuditAction.SignIn, null, AuditOutcome.Denied, "wrong user name or password", http.RequestAborted);
            var back = CultureSwitch.IsLocal(returnUrl) ? $"&returnUrl={Uri.EscapeDataString(returnUrl!)}" : "";
            return Results.LocalRedirect($"{SignInPage}?error=1{back}");
        }

        var principal = TableroClaims.ForUser(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = time.GetUtcNow().Add(options.Value.SessionLength) });
        if (user.Culture is { Length: > 0 } culture)
        {
            CultureSwitch.SetCookie(http, culture, time);
        }

        await audit.RecordAsync(principal, AuditAction.SignIn, null, AuditOutcome.Success, null, http.RequestAborted);
        return Results.LocalRedirect(CultureSwitch.IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, AuditTrail audit)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(http.User, AuditAction.SignOut, null, AuditOutcome.Success, null, http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(SignInPage);
    }

    private static async Task<IResult> OpenDisplayAsync(string token, HttpContext http, AccessAdministration accounts, AuditTrail audit,
        IOptions<SecurityOptions> options, TimeProvider time)
    {
        if (await accounts.FindDisplayTokenAsync(token, http.RequestAborted) is not { } display)
        {
            await audit.RecordAsync("display", Role.Wall.ToString(), "none", AuditAction.SignIn, null, AuditOutcome.Denied, "unknown or revoked display token", http.RequestAborted);
            return Results.Problem("This display token is unknown or was revoked. Ask an administrator for a new one.", statusCode: StatusCodes.Status404NotFound,
                title: "Unknown display token");
        }

        var identity = TableroClaims.Identity(CookieAuthenticationDefaults.AuthenticationScheme, display.Name, Role.Wall.ToString(), display.Scope,
            RolePermissions.Of(Role.Wall), CredentialKind.DisplayToken, display.Id.ToString());
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = time.GetUtcNow().Add(options.Value.WallSessionLength) });
        await audit.RecordAsync(principal, AuditAction.SignIn, null, AuditOutcome.Success, null, http.RequestAborted);
        // The token leaves the address bar at once: the wall's own address is what stays on screen and in history.
        return Results.LocalRedirect(display.Scope.Level == Core.Storage.ScopeLevel.All ? "/wall" : $"/wall/{display.Scope}");
    }
}
