using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;

namespace Dashboard.Core.Sla;

/// <summary>The two clocks every case carries.</summary>
public enum SlaClockKind
{
    FirstResponse,
    Resolution,
}

public static class SlaClockKinds
{
    /// <summary>Both clocks, in order, without allocating on every sweep and every event.</summary>
    public static readonly IReadOnlyList<SlaClockKind> All = Enum.GetValues<SlaClockKind>();
}

/// <summary>How a case stands against its clocks, as the board shows it.</summary>
public enum SlaState
{
    OnTrack,
    AtRisk,
    Breached,
    Paused,
    Met,
}

/// <summary>Which time a target is counted in.</summary>
public enum TargetClock
{
    /// <summary>The unit's working hours, without its country's holidays (24x7 units: plain elapsed time).</summary>
    Business,

    /// <summary>Plain elapsed time, day and night.</summary>
    Calendar,

    /// <summary>Whole business days (Monday to Friday, not holidays) from the day after the start, due at 23:59:59 local of the last one.</summary>
    BusinessDays,
}

/// <summary>A target: so much time on one clock. For <see cref="TargetClock.BusinessDays"/> the duration is days × 24 h.</summary>
public sealed record SlaTarget(TargetClock Clock, TimeSpan Duration)
{
    public static SlaTarget Days(int businessDays) => new(TargetClock.BusinessDays, TimeSpan.FromDays(businessDays));

    public override string ToString() => Clock switch
    {
        TargetClock.BusinessDays => $"{Duration.TotalDays:0} business days",
        _ => $"{Duration.TotalHours:0.##} h {Clock.ToString().ToLowerInvariant()}",
    };
}

/// <summary>
/// The targets for the cases it matches (kind × priority × complexity; null matches any), with why they were
/// chosen and, for a legal deadline, its legal basis.
/// </summary>
public sealed record SlaPolicy(
    string Name,
    CaseKind? Kind,
    Priority? Priority,
    bool? Complex,
    SlaTarget? FirstResponse,
    SlaTarget? Resolution,
    int WarningPercent,
    string Why,
    string? Basis = null)
{
    public bool Matches(CaseKind kind, Priority priority, bool complex) =>
        (Kind is null || Kind == kind) && (Priority is null || Priority == priority) && (Complex is null || Complex == complex);

    public SlaTarget? Target(SlaClockKind clock) => clock == SlaClockKind.FirstResponse ? FirstResponse : Resolution;
}

/// <summary>
/// An institution's SLA policies, first match wins. Data, not code: one JSON file per institution profile
/// (<c>Sla/Policies/{institution}.json</c>); the README explains each target.
/// </summary>
public sealed class SlaPolicySet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly FrozenDictionary<Institution, SlaPolicySet> Embedded =
        Enum.GetValues<Institution>().ToFrozenDictionary(i => i, LoadEmbedded);

    private readonly FrozenDictionary<string, SlaPolicy> _byName;

    public SlaPolicySet(Institution institution, IReadOnlyList<SlaPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Institution = institution;
        Policies = policies;
        _byName = policies.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public Institution Institution { get; }

    public IReadOnlyList<SlaPolicy> Policies { get; }

    public static SlaPolicySet For(Institution institution) => Embedded[institution];

    public SlaPolicy? Find(CaseKind kind, Priority priority, bool complex) => Policies.FirstOrDefault(p => p.Matches(kind, priority, complex));

    public SlaPolicy? Named(string name) => _byName.GetValueOrDefault(name);

    public static SlaPolicySet FromJson(Stream json)
    {
        var file = JsonSerializer.Deserialize<PolicyFile>(json, Json) ?? throw new JsonException("empty SLA policy file");
        var policies = file.Policies.Select(p => new SlaPolicy(
            p.Name, p.Kind, p.Priority, p.Complex, p.FirstResponse?.ToTarget(p.Name), p.Resolution?.ToTarget(p.Name),
            p.WarningPercent ?? file.WarningPercent, p.Why, p.Basis)).ToArray();
        var bad = policies.FirstOrDefault(p => p.WarningPercent is <= 0 or >= 100);
        return bad is null
            ? new SlaPolicySet(file.Institution, policies)
            : throw new JsonException($"policy '{bad.Name}': warningPercent must be between 1 and 99");
    }

    private static SlaPolicySet LoadEmbedded(Institution institution)
    {
        var name = $"{typeof(SlaPolicySet).Namespace}.Policies.{institution.ToString().ToLowerInvariant()}.json";
        using var stream = typeof(SlaPolicySet).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"no SLA policy file for {institution} ({name})");
        return FromJson(stream);
    }

    private sealed record PolicyFile(Institution Institution, int WarningPercent, PolicyEntry[] Policies);

    private sealed record PolicyEntry(
        string Name, CaseKind? Kind, Priority? Priority, bool? Complex, TargetEntry? FirstResponse, TargetEntry? Resolution,
        int? WarningPercent, string Why, string? Basis);

    private sealed record TargetEntry(int? Minutes, int? Hours, int? BusinessDays, TargetClock? Clock)
    {
        public SlaTarget ToTarget(string policy)
        {
            if (BusinessDays is { } days)
            {
                return days > 0 && Minutes is null && Hours is null
                    ? SlaTarget.Days(days)
                    : throw new JsonException($"policy '{policy}': businessDays must be positive and alone");
            }

            var duration = TimeSpan.FromMinutes(Minutes ?? 0) + TimeSpan.FromHours(Hours ?? 0);
            return duration > TimeSpan.Zero && Clock is not TargetClock.BusinessDays
                ? new SlaTarget(Clock ?? TargetClock.Business, duration)
                : throw new JsonException($"policy '{policy}': a target needs minutes or hours (or businessDays alone)");
        }
    }
}
