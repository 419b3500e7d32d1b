using Microsoft.AspNetCore.Localization;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// The language switch: <c>/culture/es-PE?returnUrl=/alertas</c> stores the choice in the localization cookie (a year)
/// and goes back. Per browser until users exist (identity issue), then per user.
/// </summary>
public static class CultureSwitch
{
    public static void MapCultureSwitch(this WebApplication app, IReadOnlyCollection<string> cultures)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http, TimeProvider time) =>
        {
            var supported = cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
            if (supported is null)
            {
                return Results.Problem($"'{culture}' is not one of {string.Join(", ", cultures)}", statusCode: StatusCodes.Status400BadRequest, title: "Unsupported culture");
            }

            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            // Only back into this site: an open redirect would let a link send people elsewhere.
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
    }

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
