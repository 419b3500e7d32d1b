using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Security;

/// <summary>Security headers, the origin check for the live endpoints, and rate limits answering 429 with Retry-After.</summary>
public static class Hardening
{
    public const string BlazorPath = "/_blazor";

    /// <summary>
    /// Blazor Server needs no inline or eval'd script; MudBlazor sets inline styles. No page may be framed. The job
    /// dashboard (administrators only) ships inline scripts, so it gets its own, looser policy.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private const string JobDashboardPolicy = "default-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers[HeaderNames.ContentSecurityPolicy] = http.Request.Path.StartsWithSegments("/hangfire") ? JobDashboardPolicy : ContentSecurityPolicy;
            // Case data must not stay in a shared computer's cache: everything but fingerprinted static files is no-store.
            if (!headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers[HeaderNames.CacheControl] = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>
    /// Browsers send <c>Origin</c> when a page opens a WebSocket or posts: only this site's own pages (and origins an
    /// administrator listed) may open a circuit or a hub connection with the visitor's cookie. Clients that are not
    /// browsers send no Origin and authenticate with a key.
    /// </summary>
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app, IReadOnlyCollection<string> allowedOrigins) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if ((path.StartsWithSegments(BlazorPath) || path.StartsWithSegments("/hubs"))
            && http.Request.Headers.Origin is [{ Length: > 0 } origin]
            && !string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase)
            && !allowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsJsonAsync(new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.4", title = "Foreign origin", status = 403,
                detail = $"'{origin}' may not open this endpoint" }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }

        await next(http);
    });

    /// <summary>
    /// A browser's WebSocket cannot send headers, so SignalR clients put the key in the URL (<c>access_token</c>). It is
    /// moved into the Authorization header and out of the query string here, before authentication and anything that
    /// logs or records a URL, so a key never reaches a log line.
    /// </summary>
    public static IApplicationBuilder UseHubAccessTokenFromQuery(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var token))
        {
            if (!string.IsNullOrEmpty(token) && string.IsNullOrEmpty(request.Headers.Authorization))
            {
                request.Headers.Authorization = $"Bearer {token}";
            }

            request.QueryString = QueryString.Create(request.Query.Where(p => p.Key != "access_token"));
        }

        return next(http);
    });

    public static void AddTableroRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            // ASP.NET Core answers 503 by default; a client that is over its share must hear 429 and when to retry.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new { type = "https://tools.ietf.org/html/rfc6585#section-4", title = "Too many requests",
                    status = 429, detail = $"this credential is over its limit; retry after {retryAfter} s" }, (System.Text.Json.JsonSerializerOptions?)null,
                    "application/problem+json", cancellationToken);
            };
            // Per credential on the API and hub: one noisy source system cannot starve the others.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs")
                    ? RateLimitPartition.GetTokenBucketLimiter(CredentialOf(http), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Options(http).RequestsPerSecond,
                        TokensPerPeriod = Options(http).RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(SignInEndpoints.SignInLimiter, http => RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Options(http).SignInsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });
    }

    private static SecurityOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;

    private static string CredentialOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? $"{http.User.FindFirst(TableroClaims.CredentialKind)?.Value}:{http.User.FindFirst(TableroClaims.CredentialId)?.Value}"
            : $"ip:{http.Connection.RemoteIpAddress}";
}
