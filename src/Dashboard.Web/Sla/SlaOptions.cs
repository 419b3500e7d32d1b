using Dashboard.Core.Catalogue;
using Dashboard.Core.Profiles;
using Dashboard.Core.Sla;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Web.Sla;

/// <summary>The SLA sweep and the calendars and ladder it works with. Bound from the "Sla" configuration section.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Working hours by unit type ("Mon-Fri 08:00-20:00", "24x7"); types not listed keep the defaults.</summary>
    public Dictionary<UnitType, string> WorkingHours { get; set; } = [];

    /// <summary>
    /// More cases that climb the ladder, beside each institution profile's own rules (<c>escalation.json</c>: complex,
    /// Critical, mistreatment complaints): e.g. a pharmacy complaint at an IMSS unit reaching the unit's director at once.
    /// </summary>
    public List<EscalationRuleOptions> EscalationRules { get; set; } = [];

    /// <summary>
    /// How far back a late event may rewrite a case's SLA history (clocks recomputed, breaches withdrawn); an older one is
    /// stored without it, and the answer says so.
    /// </summary>
    public TimeSpan LateEventWindow { get; set; } = Core.Cases.CaseContext.DefaultLateEventWindow;

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

    /// <summary>The profiles' escalation rules, then this deployment's.</summary>
    public EscalationLadder BuildLadder(InstitutionProfiles profiles) =>
        EscalationLadder.FromProfiles(profiles, EscalationRules.Select(r => r.ToRule(profiles)).ToArray());

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

        for (var i = 0; i < EscalationRules.Count; i++)
        {
            if (EscalationRules[i].Problem() is { } problem)
            {
                return $"Sla:EscalationRules:{i}: {problem}";
            }
        }

        return LateEventWindow < TimeSpan.Zero || LateEventWindow > TimeSpan.FromDays(366) ? "Sla:LateEventWindow must be 0 to 366 days"
            : SweepBatchSize < 1 ? "Sla:SweepBatchSize must be positive"
            : null;
    }
}

/// <summary>One escalation rule as configuration states it (<c>Sla:EscalationRules</c>); empty lists match anything.</summary>
public sealed class EscalationRuleOptions
{
    public string Name { get; set; } = "";

    /// <summary>The institution's code (any case); empty for a rule of every institution.</summary>
    public string? Institution { get; set; }

    public List<Core.Cases.CaseKind> Kinds { get; set; } = [];

    public List<string> Categories { get; set; } = [];

    public List<Core.Cases.Priority> Priorities { get; set; } = [];

    public bool? Complex { get; set; }

    public List<string> StaffRoles { get; set; } = [];

    /// <summary>Only a complaint opened within so many days of an earlier one against the same staff role at the same unit.</summary>
    public int? RepeatWithinDays { get; set; }

    public List<EscalationStep> Steps { get; set; } = [];

    public EscalationRule ToRule(InstitutionProfiles profiles) => new(Name, Steps.ToArray())
    {
        Institution = string.IsNullOrEmpty(Institution) ? null : profiles.Resolve(Institution),
        Kinds = Kinds.ToArray(),
        Categories = Categories.ToArray(),
        Priorities = Priorities.ToArray(),
        Complex = Complex,
        StaffRoles = StaffRoles.ToArray(),
        RepeatWithinDays = RepeatWithinDays,
    };

    /// <summary>Null when valid, else what is wrong (codes are checked against the classifications they name).</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return "Name is required";
        }

        if (Steps.Count == 0 || Steps.Any(s => s.Level is < 1 or > 3 || s.AfterBusinessDays < 0) || Steps.DistinctBy(s => s.Level).Count() != Steps.Count)
        {
            return "Steps: one or more, each a distinct Level 1–3 with AfterBusinessDays ≥ 0";
        }

        if (RepeatWithinDays is < 1 or > 365)
        {
            return "RepeatWithinDays: 1–365 days";
        }

        var profiles = InstitutionProfiles.Current;
        if (!string.IsNullOrEmpty(Institution) && profiles.Resolve(Institution) is null)
        {
            return $"Institution: '{Institution}' is not one of {string.Join(", ", profiles.Institutions)}";
        }

        var classifications = profiles.All.Where(p => string.IsNullOrEmpty(Institution) || p.Institution == profiles.Resolve(Institution)).Select(p => p.Classification).ToArray();
        if (Categories.FirstOrDefault(c => classifications.All(k => k.FindCategory(c) is null)) is { } category)
        {
            return $"Categories: '{category}' is not a category of {string.Join(" or ", classifications.Select(k => k.Institution))}";
        }

        return StaffRoles.FirstOrDefault(r => classifications.All(k => k.FindStaffRole(r) is null)) is { } role
            ? $"StaffRoles: '{role}' is not a staff role of {string.Join(" or ", classifications.Select(k => k.Institution))}"
            : null;
    }
}
