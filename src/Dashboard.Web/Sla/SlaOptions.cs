using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Web.Sla;

/// <summary>The SLA sweep and the calendars and ladder it works with. Bound from the "Sla" configuration section.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Working hours by unit type ("Mon-Fri 08:00-20:00", "24x7"); types not listed keep the defaults.</summary>
    public Dictionary<UnitType, string> WorkingHours { get; set; } = [];

    /// <summary>The escalation ladder's steps; empty keeps the default (level 1 at once, 2 after one business day, 3 after three).</summary>
    public List<EscalationStep> Ladder { get; set; } = [];

    /// <summary>The level a Critical case goes to as soon as it breaches.</summary>
    public int CriticalStartLevel { get; set; } = EscalationLadder.Default.CriticalStartLevel;

    /// <summary>Hangfire cron of the sweep, with seconds (six fields): every second by default.</summary>
    public string SweepCron { get; set; } = "* * * * * *";

    /// <summary>Due cases read per round; a sweep after downtime runs rounds until it has caught up.</summary>
    public int SweepBatchSize { get; set; } = 2000;

    public IReadOnlyDictionary<UnitType, WorkingHours> HoursByType()
    {
        var hours = SlaCalendars.DefaultHours.ToDictionary();
        foreach (var (type, text) in WorkingHours)
        {
            hours[type] = Core.Sla.Calendars.WorkingHours.Parse(text);
        }

        return hours;
    }

    public EscalationLadder BuildLadder() => new(Ladder.Count > 0 ? Ladder : EscalationLadder.Default.Steps, CriticalStartLevel);

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Problem()
    {
        foreach (var (type, text) in WorkingHours)
        {
            if (Core.Sla.Calendars.WorkingHours.Problem(text) is { } problem)
            {
                return $"Sla:WorkingHours:{type}: {problem}";
            }
        }

        if (Ladder.Any(s => s.Level is < 1 or > 3 || s.AfterBusinessDays < 0) || Ladder.DistinctBy(s => s.Level).Count() != Ladder.Count)
        {
            return "Sla:Ladder: each step needs a distinct Level 1–3 and AfterBusinessDays ≥ 0";
        }

        return CriticalStartLevel is < 1 or > 3 ? "Sla:CriticalStartLevel must be 1–3"
            : SweepBatchSize < 1 ? "Sla:SweepBatchSize must be positive"
            : null;
    }
}
