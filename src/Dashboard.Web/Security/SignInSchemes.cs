using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Security;

/// <summary>How a request is authenticated: a key for source systems, the session cookie for people and wall displays.</summary>
public static class SignInSchemes
{
    public const string Default = "Tablero";
    public const string CookieName = "tablero.session";

    /// <summary>A presented key decides; otherwise the API answers as for keys (401) unless a session cookie came along.</summary>
    public static string Select(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ApiKeyAuthenticationHandler.Presented(http.Request) is { Length: > 0 })
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        return http.Request.Path.StartsWithSegments("/api") && !http.Request.Cookies.ContainsKey(CookieName)
            ? ApiKeyAuthenticationHandler.SchemeName
            : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    public static void ConfigureCookie(CookieAuthenticationOptions options, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(security);
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = security.SessionLength;
        options.SlidingExpiration = true;
        options.LoginPath = SignInEndpoints.SignInPage;
        options.AccessDeniedPath = SignInEndpoints.AccessDeniedPage;
        options.ReturnUrlParameter = "returnUrl";
        options.Events = new CookieAuthenticationEvents
        {
            // Every request re-checks the credential: a revoked user or token, or a changed role or scope, ends the session.
            OnValidatePrincipal = async context =>
            {
                var check = context.HttpContext.RequestServices.GetRequiredService<CredentialCheck>();
                if (context.Principal is null || !await check.IsStillValidAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsyncSafe();
                }
            },
            // Machines get status codes, people get pages.
            OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
        };
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments(Hardening.BlazorPath))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static Task SignOutAsyncSafe(this HttpContext http) =>
        Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http, CookieAuthenticationDefaults.AuthenticationScheme);
}
