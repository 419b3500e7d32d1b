using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Alerts;

/// <summary>Who is alerted of escalations, and how. Bound from the "Alerts" configuration section.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    public EmailOptions Email { get; set; } = new();

    /// <summary>E-mail recipients per escalation level (1 unit director, 2 regional committee, 3 central committee).</summary>
    public List<RecipientGroup> Recipients { get; set; } = [];

    public List<WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>How often an unacknowledged e-mail alert of an open case is sent again.</summary>
    public TimeSpan ReminderEvery { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Hangfire cron of the alert job, with seconds.</summary>
    public string Cron { get; set; } = "*/2 * * * * *";

    /// <summary>The dashboard's public address, for links in e-mails (no personal data travels in them).</summary>
    public string? BaseUrl { get; set; }
}

public sealed class EmailOptions
{
    public string From { get; set; } = "tablero@localhost";

    /// <summary>When set, messages are written as .eml files here (relative to the data folder) instead of sent: Development.</summary>
    public string? PickupFolder { get; set; }

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool UseStartTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// The people of one level for a scope. Addresses may name the unit or region: <c>direccion.{unit}@imss.example</c>.
/// Non-critical e-mail outside <see cref="WorkingHours"/> (in the unit's time zone) is held until they begin.
/// </summary>
public sealed class RecipientGroup
{
    public int Level { get; set; }

    public string Scope { get; set; } = "all";

    public List<string> Emails { get; set; } = [];

    /// <summary>"Mon-Fri 08:00-18:00"; empty means any time.</summary>
    public string? WorkingHours { get; set; }

    /// <summary>
    /// Only units of these types; empty means every type. A UMAE has its own Trato Digno committee beside the OOAD
    /// ones, not under them: its level-2 group names <c>Umae</c> here, and the OOAD group names it in <see cref="ExceptUnitTypes"/>.
    /// </summary>
    public List<UnitType> UnitTypes { get; set; } = [];

    /// <summary>Every unit type but these.</summary>
    public List<UnitType> ExceptUnitTypes { get; set; } = [];

    public bool Covers(int level, string regionCode, string unitCode, Func<string, string?> institutionOfRegion, UnitType? unitType = null) =>
        Level == level && ReadScope.Parse(Scope) is { } scope && scope.Allows(regionCode, unitCode, institutionOfRegion)
        && (UnitTypes.Count == 0 || (unitType is { } t && UnitTypes.Contains(t)))
        && (unitType is not { } type || !ExceptUnitTypes.Contains(type));

    public IEnumerable<string> AddressesFor(string regionCode, string unitCode) => Emails.Select(e => e
        .Replace("{unit}", unitCode.ToLowerInvariant(), StringComparison.Ordinal)
        .Replace("{region}", regionCode.ToLowerInvariant(), StringComparison.Ordinal));
}

/// <summary>A system that receives escalations as signed JSON (<c>X-Tablero-Signature: sha256=HEX</c>, HMAC-SHA256 of the body).</summary>
public sealed class WebhookOptions
{
    public string Name { get; set; } = "";

    public Uri? Url { get; set; }

    public string Secret { get; set; } = "";

    /// <summary>Levels sent to this endpoint; empty means all.</summary>
    public List<int> Levels { get; set; } = [];

    public bool Wants(int level) => Levels.Count == 0 || Levels.Contains(level);
}
