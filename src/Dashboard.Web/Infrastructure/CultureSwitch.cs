using Dashboard.Core.Access;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Localization;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// The language switch: <c>/culture/es-PE?returnUrl=/alertas</c> stores the choice in the localization cookie (a year)
/// and goes back. A signed-in person's choice is also stored with their account and set again at every sign-in.
/// </summary>
public static class CultureSwitch
{
    public static void MapCultureSwitch(this WebApplication app, IReadOnlyCollection<string> cultures)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/culture/{culture}", async (string culture, string? returnUrl, HttpContext http, TimeProvider time, IAccessStore access) =>
        {
            var supported = cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
            if (supported is null)
            {
                return Results.Problem($"'{culture}' is not one of {string.Join(", ", cultures)}", statusCode: StatusCodes.Status400BadRequest, title: "Unsupported culture");
            }

            SetCookie(http, supported, time);
            if (http.User.FindFirst(TableroClaims.CredentialKind)?.Value == nameof(CredentialKind.User)
                && Guid.TryParse(http.User.FindFirst(TableroClaims.CredentialId)?.Value, out var userId))
            {
                await access.SetCultureAsync(userId, supported, http.RequestAborted);
            }

            // Only back into this site: an open redirect would let a link send people elsewhere.
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
    }

    public static void SetCookie(HttpContext http, string culture, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
    }

    /// <summary>
    /// A path on this site: "/x", never "//host" or "/\\host", and only printable ASCII (browsers drop a tab or newline,
    /// so "/\t/evil.example" is "//evil.example" to them; LocalRedirect refuses control characters by throwing).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && url.All(IsUrlCharacter);

    /// <summary>Printable ASCII: the app's own links are escaped, and a Location header takes nothing else (U+2028 threw).</summary>
    private static bool IsUrlCharacter(char c) => c is > ' ' and < '\u007f';
}
