using Dashboard.Core.Cases;

namespace Dashboard.Core.Sla;

/// <summary>A rung: the level reached, so many business days after the case's first breach.</summary>
public sealed record EscalationStep(int Level, int AfterBusinessDays);

/// <summary>
/// Who hears about an overdue case, and when. A complex case climbs every step (by default: the unit's director
/// at once, the regional committee after one business day, the central committee after three); a Critical case
/// starts at <see cref="CriticalStartLevel"/> at once. Other cases are not escalated by the system.
/// </summary>
public sealed record EscalationLadder(IReadOnlyList<EscalationStep> Steps, int CriticalStartLevel)
{
    public static EscalationLadder Default { get; } = new([new(1, 0), new(2, 1), new(3, 3)], 2);

    public IReadOnlyList<EscalationStep> StepsFor(bool complex, Priority priority)
    {
        if (priority == Priority.Critical)
        {
            return [new EscalationStep(CriticalStartLevel, 0), .. Steps.Where(s => s.Level > CriticalStartLevel).OrderBy(s => s.Level)];
        }

        return complex ? [.. Steps.OrderBy(s => s.Level)] : [];
    }
}
