using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;

namespace Dashboard.Core.Sla;

/// <summary>A rung: the level reached, so many business days after the case's first breach.</summary>
public sealed record EscalationStep(int Level, int AfterBusinessDays);

/// <summary>
/// Which overdue cases climb the ladder, and how far and when. A rule names what a case must be (every list left empty
/// matches anything); a case follows every rule it matches.
/// </summary>
public sealed record EscalationRule(string Name, IReadOnlyList<EscalationStep> Steps)
{
    public Institution? Institution { get; init; }

    /// <summary>Why the institution escalates these cases, as its profile says it (shown to administrators).</summary>
    public string? Why { get; init; }

    public IReadOnlyList<CaseKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<Priority> Priorities { get; init; } = [];

    public bool? Complex { get; init; }

    public IReadOnlyList<string> StaffRoles { get; init; } = [];

    /// <summary>
    /// Only a repeat: a complaint opened within so many days of an earlier complaint against the same staff role at the
    /// same unit (the unit's pharmacy complained of twice in a month).
    /// </summary>
    public int? RepeatWithinDays { get; init; }

    public bool Matches(CaseState c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (Institution is null || Institution == c.Institution)
            && (Kinds.Count == 0 || Kinds.Contains(c.Kind))
            && (Categories.Count == 0 || Categories.Contains(c.Category, StringComparer.Ordinal))
            && (Priorities.Count == 0 || Priorities.Contains(c.Priority))
            && (Complex is null || Complex == c.Complex)
            && (StaffRoles.Count == 0 || (c.StaffRole is { } role && StaffRoles.Contains(role, StringComparer.Ordinal)))
            && (RepeatWithinDays is not { } days || (c.PreviousComplaintAt is { } previous && c.OpenedAt - previous <= TimeSpan.FromDays(days)));
    }
}

/// <summary>
/// Who hears about an overdue case, and when: the rules of every institution's profile (<c>escalation.json</c>: by
/// default a complex case climbs every step, a Critical one starts at the regional committee, and a mistreatment
/// complaint, however simple, reaches the unit's director at once), then a deployment's own.
/// </summary>
public sealed record EscalationLadder(IReadOnlyList<EscalationRule> Rules)
{
    /// <summary>The rules of the profiles in use.</summary>
    public static EscalationLadder Default => FromProfiles(Profiles.InstitutionProfiles.Current, []);

    /// <summary>Every profile's rules, then <paramref name="more"/>.</summary>
    public static EscalationLadder FromProfiles(Profiles.InstitutionProfiles profiles, IReadOnlyList<EscalationRule> more)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(more);
        return new([.. profiles.All.SelectMany(p => p.EscalationRules), .. more]);
    }

    /// <summary>How far back the repeat rules look (the widest of them), or null when no rule watches repeats.</summary>
    public TimeSpan? RepeatWindow { get; } = Rules.Max(r => r.RepeatWithinDays) is { } days ? TimeSpan.FromDays(days) : null;

    /// <summary>The steps of every rule the case matches; a level named by several is reached at the earliest of them.</summary>
    public IReadOnlyList<EscalationStep> StepsFor(CaseState c) =>
        Rules.Where(r => r.Matches(c)).SelectMany(r => r.Steps)
            .GroupBy(s => s.Level).Select(g => new EscalationStep(g.Key, g.Min(s => s.AfterBusinessDays)))
            .OrderBy(s => s.Level).ToArray();
}
