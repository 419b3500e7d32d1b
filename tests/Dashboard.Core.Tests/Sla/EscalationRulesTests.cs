using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using static Dashboard.Core.Tests.Sla.SlaFixtures;

namespace Dashboard.Core.Tests.Sla;

/// <summary>Which overdue cases climb the ladder: complex and Critical ones as before, and every mistreatment complaint.</summary>
public sealed class EscalationRulesTests
{
    /// <summary>Monday 7 December 2026, 09:00 in Guadalajara.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, Cdmx);

    private static int[] Levels(IEnumerable<CaseEvent> events) =>
        events.Select(e => e.Data).OfType<CaseEscalatedData>().Select(x => x.Level).ToArray();

    private static CaseEvent Complaint(string caseId, string category, bool complex = false, Priority priority = Priority.Medium, string? staffRole = null) =>
        new(Guid.NewGuid(), caseId, Monday, new CaseOpenedData(Umf.Code, CaseKind.Complaint, Channel.Module, category, priority, complex,
            "La asistente médica le habló con groserías.", StaffRole: staffRole));

    [Fact]
    public void SimpleMistreatmentComplaint_Overdue_ReachesTheUnitsDirectorAndStaysThere()
    {
        var (_, events) = Sweep(Play(Complaint("QJ-MT-1", "mistreatment")), Monday.AddDays(30));

        Assert.Contains(events, e => e.Data is SlaBreachedData);
        Assert.Equal([1], Levels(events));
    }

    [Fact]
    public void SimpleWaitingTimeComplaint_Overdue_IsRecordedButNotEscalated()
    {
        var (_, events) = Sweep(Play(Complaint("QJ-WT-1", "waiting-time")), Monday.AddDays(30));

        Assert.Contains(events, e => e.Data is SlaBreachedData);
        Assert.Empty(Levels(events));
    }

    [Fact]
    public void ComplexMistreatment_ClimbsEveryStep_AndCriticalGoesStraightToItsStartLevel()
    {
        Assert.Equal([1, 2, 3], Levels(Sweep(Play(Complaint("QJ-MT-2", "mistreatment", complex: true)), Monday.AddDays(30)).Events));
        Assert.Equal([2, 3], Levels(Sweep(Play(Complaint("QJ-MT-3", "mistreatment", complex: true, priority: Priority.Critical)), Monday.AddDays(30)).Events));
    }

    [Fact]
    public void AnInstitutionsOwnRule_EscalatesAPharmacyComplaintTwoLevels()
    {
        var pharmacy = new EscalationRule("farmacia", [new(1, 0), new(2, 2)]) { Institution = Dashboard.Core.Catalogue.Institution.Imss, StaffRoles = ["pharmacy"] };
        var context = new CaseContext(Context.FindUnit, new SlaEngine(new SlaCalendars(), EscalationLadder.FromProfiles(Core.Profiles.InstitutionProfiles.Current, [pharmacy])));
        var state = CaseRules.Apply(null, Complaint("QJ-FA-1", "medicine-supply", staffRole: "pharmacy"), context).Next!;
        var other = CaseRules.Apply(null, Complaint("QJ-FA-2", "medicine-supply", staffRole: "nursing"), context).Next!;

        Assert.Equal([1, 2], Levels(SlaSweep.DueEvents(state, Monday.AddDays(30), context)));
        Assert.Empty(Levels(SlaSweep.DueEvents(other, Monday.AddDays(30), context)));
    }

    [Fact]
    public void RepeatRule_MatchesOnlyAComplaintWithinItsWindowOfAnEarlierOneAgainstTheSameRole()
    {
        var rule = new EscalationRule("farmacia-reincidente", [new(2, 0)]) { StaffRoles = ["pharmacy"], RepeatWithinDays = 30 };
        var repeats = new RepeatComplaints();
        repeats.AddStored("QJ-FA-0", Umf.Code, "pharmacy", Monday.AddDays(-30));
        repeats.AddStored("QJ-EN-0", Umf.Code, "nursing", Monday.AddDays(-1));
        var context = Context.With(repeats);

        var repeat = CaseRules.Apply(null, Complaint("QJ-FA-3", "medicine-supply", staffRole: "pharmacy"), context).Next!;
        var nursing = CaseRules.Apply(null, Complaint("QJ-EN-3", "medicine-supply", staffRole: "nursing"), context).Next!;
        var alone = CaseRules.Apply(null, Complaint("QJ-FA-4", "medicine-supply", staffRole: "pharmacy"), Context).Next!;

        Assert.Equal(Monday.AddDays(-30), repeat.PreviousComplaintAt);
        Assert.True(rule.Matches(repeat));
        Assert.False(rule.Matches(repeat with { PreviousComplaintAt = Monday.AddDays(-31) }));
        Assert.False(rule.Matches(nursing));
        Assert.Null(alone.PreviousComplaintAt);
        Assert.False(rule.Matches(alone));
    }
}
