using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>Who may do what: API keys, sessions, forwarded headers from known proxies, policies, limits, retention.</summary>
public static class SecurityServices
{
    public static IServiceCollection AddTableroSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.SectionName))
            .Validate(o => o.Keys.All(k => k.KeySha256.Length == 64 && k.KeySha256.All(char.IsAsciiHexDigit) && ReadScope.Parse(k.Scope) is not null
                    && k.Permissions.Count > 0 && k.Permissions.All(RolePermissions.ForApiKeys.Contains)),
                $"every API key needs KeySha256 (64 hex digits: the SHA-256 of the key), a scope of 'all', 'region:CODE' or 'unit:CODE', and permissions among {string.Join(", ", RolePermissions.ForApiKeys)}")
            .ValidateOnStart();
        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName))
            .Validate(o => o.RevalidateEvery >= TimeSpan.FromSeconds(1) && o.RevalidateEvery <= TimeSpan.FromSeconds(60) && o.RequestsPerSecond > 0 && o.SignInsPerMinute > 0
                && o.RetainPersonalDataFor > TimeSpan.Zero && !o.InvalidKnownProxies().Any(),
                "Security: RevalidateEvery 1–60 s (revocation must reach open screens within a minute), RequestsPerSecond and SignInsPerMinute > 0, RetainPersonalDataFor > 0, KnownProxies addresses or CIDR networks")
            .ValidateOnStart();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed (the default trusts loopback, which is not our proxy).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in security.KnownProxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(proxy, out var network))
                {
                    o.KnownIPNetworks.Add(network);
                }
                else if (System.Net.IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
        // Several instances must read each other's circuits and cookies: they share one key ring.
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } keysFolder)
        {
            services.AddDataProtection().SetApplicationName("Tablero").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        services.AddMemoryCache();
        services.AddSingleton<CredentialCheck>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AccessAdministration>();
        services.AddSingleton<LiveConnections>();
        services.AddHostedService<HubConnectionRevalidator>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();

        var openIdConnect = configuration.GetSection(OpenIdConnectSettings.SectionName).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        services.AddSingleton(openIdConnect);
        services.AddAuthentication(o => o.DefaultScheme = SignInSchemes.Default)
            // Source systems present a key; people and wall displays carry the session cookie.
            .AddPolicyScheme(SignInSchemes.Default, SignInSchemes.Default, o => o.ForwardDefaultSelector = SignInSchemes.Select)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o => SignInSchemes.ConfigureCookie(o, security))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddTableroOpenIdConnect(openIdConnect);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var permission in Enum.GetValues<Permission>())
        {
            // A source system that may ingest may also acknowledge the alerts its own events raised.
            string[] satisfiedBy = permission == Permission.AcknowledgeAlert ? [permission.ToString(), nameof(Permission.Ingest)] : [permission.ToString()];
            authorization.AddPolicy(Policies.For(permission), p => p.RequireAuthenticatedUser().RequireClaim(TableroClaims.Permission, satisfiedBy));
        }

        authorization.AddPolicy(Policies.JobDashboard, p => p.RequireAuthenticatedUser()
            .RequireClaim(TableroClaims.Permission, nameof(Permission.Admin)).RequireClaim(TableroClaims.Scope, "all"));
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthenticationState>();
        services.AddTableroRateLimits();
        services.AddSingleton<RetentionJob>();
        return services;
    }

    /// <summary>The daily erasure of closed cases' personal data.</summary>
    public static void ScheduleRetention(this IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            services.GetRequiredService<IOptions<SecurityOptions>>().Value.RetentionCron);
}
