using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;

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

    public IReadOnlyList<CaseKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<Priority> Priorities { get; init; } = [];

    public bool? Complex { get; init; }

    public IReadOnlyList<string> StaffRoles { get; init; } = [];

    public bool Matches(CaseState c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (Institution is null || Institution == c.Institution)
            && (Kinds.Count == 0 || Kinds.Contains(c.Kind))
            && (Categories.Count == 0 || Categories.Contains(c.Category, StringComparer.Ordinal))
            && (Priorities.Count == 0 || Priorities.Contains(c.Priority))
            && (Complex is null || Complex == c.Complex)
            && (StaffRoles.Count == 0 || (c.StaffRole is { } role && StaffRoles.Contains(role, StringComparer.Ordinal)));
    }
}

/// <summary>
/// Who hears about an overdue case, and when. By default a complex case climbs every step (the unit's director at once,
/// the regional committee after one business day, the central committee after three); a Critical case starts at
/// <c>criticalStartLevel</c> at once; and a mistreatment complaint, however simple, reaches the unit's director at once
/// (both institutions declare zero tolerance for mistreatment). Institutions add rules of their own.
/// </summary>
public sealed record EscalationLadder(IReadOnlyList<EscalationRule> Rules)
{
    public static IReadOnlyList<EscalationStep> DefaultSteps { get; } = [new(1, 0), new(2, 1), new(3, 3)];

    public const int DefaultCriticalStartLevel = 2;

    public static EscalationLadder Default { get; } = Build(DefaultSteps, DefaultCriticalStartLevel, []);

    /// <summary>The default rules over <paramref name="complexSteps"/>, then <paramref name="more"/>.</summary>
    public static EscalationLadder Build(IReadOnlyList<EscalationStep> complexSteps, int criticalStartLevel, IReadOnlyList<EscalationRule> more)
    {
        ArgumentNullException.ThrowIfNull(complexSteps);
        ArgumentNullException.ThrowIfNull(more);
        return new(
        [
            new EscalationRule("complex", complexSteps) { Complex = true },
            new EscalationRule("critical", [new(criticalStartLevel, 0), .. complexSteps.Where(s => s.Level > criticalStartLevel)]) { Priorities = [Priority.Critical] },
            new EscalationRule("mistreatment", [new(1, 0)]) { Kinds = [CaseKind.Complaint], Categories = [ClassificationCatalogue.Mistreatment] },
            .. more,
        ]);
    }

    /// <summary>The steps of every rule the case matches; a level named by several is reached at the earliest of them.</summary>
    public IReadOnlyList<EscalationStep> StepsFor(CaseState c) =>
        Rules.Where(r => r.Matches(c)).SelectMany(r => r.Steps)
            .GroupBy(s => s.Level).Select(g => new EscalationStep(g.Key, g.Min(s => s.AfterBusinessDays)))
            .OrderBy(s => s.Level).ToArray();
}
