namespace Dashboard.Web.Security;

/// <summary>Sessions, origins, rate limits and retention. Bound from the "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>How often open circuits and hub connections check that their credential still stands (revocation, narrower scope).</summary>
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A person's session, sliding.</summary>
    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A wall display's session: it runs for weeks and is re-checked like any other.</summary>
    public TimeSpan WallSessionLength { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Origins, besides the host's own, allowed to open the hub or a circuit (e.g. a kiosk app's origin).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// The reverse proxies in front of this service (addresses like <c>10.0.0.5</c> or networks like <c>172.28.0.0/24</c>):
    /// only from these are X-Forwarded-For and X-Forwarded-Proto believed, so the sign-in limit counts each person's
    /// address rather than the proxy's, and the session cookie is Secure behind TLS termination. Empty: no proxy.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The entries of <see cref="KnownProxies"/> that are neither an IP address nor a network in CIDR form.</summary>
    public IEnumerable<string> InvalidKnownProxies() =>
        KnownProxies.Where(p => p.Contains('/', StringComparison.Ordinal) ? !System.Net.IPNetwork.TryParse(p, out _) : !System.Net.IPAddress.TryParse(p, out _));

    /// <summary>Requests per second each credential (API key, user, or address when anonymous) may make to the API and hub.</summary>
    public int RequestsPerSecond { get; set; } = 1000;

    /// <summary>Sign-in attempts per minute from one address.</summary>
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>Closed cases keep the insured person's NSS/DNI and the free texts this long, then a job erases them.</summary>
    public TimeSpan RetainPersonalDataFor { get; set; } = TimeSpan.FromDays(730);

    public string RetentionCron { get; set; } = "30 3 * * *";

    /// <summary>Development only: create one user per role (passwords printed at start) and a wall display token.</summary>
    public bool SeedDemoUsers { get; set; }
}
