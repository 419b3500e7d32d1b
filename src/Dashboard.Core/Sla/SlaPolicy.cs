using System.Collections.Frozen;
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

    /// <summary>How people name it ("Queja compleja"), as its profile writes it; null when the profile gives no name.</summary>
    public string? Title { get; init; }
}

/// <summary>
/// An institution's SLA policies, first match wins. Data, not code: its profile's <c>policies.json</c>; the README
/// explains each target.
/// </summary>
public sealed class SlaPolicySet
{
    private readonly FrozenDictionary<string, SlaPolicy> _byName;

    public SlaPolicySet(Institution institution, IReadOnlyList<SlaPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Institution = institution;
        Policies = policies;
        _byName = policies.DistinctBy(p => p.Name).ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public Institution Institution { get; }

    public IReadOnlyList<SlaPolicy> Policies { get; }

    /// <summary>The policies of the institution's profile in use; an institution without one has none (its cases get no clocks).</summary>
    public static SlaPolicySet For(Institution institution) =>
        Profiles.InstitutionProfiles.Current.Find(institution)?.Policies ?? new SlaPolicySet(institution, []);

    public SlaPolicy? Find(CaseKind kind, Priority priority, bool complex) => Policies.FirstOrDefault(p => p.Matches(kind, priority, complex));

    public SlaPolicy? Named(string name) => _byName.GetValueOrDefault(name);
}
