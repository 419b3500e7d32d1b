using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Tests.Sla;

/// <summary>Units on each kind of calendar, the shipped policies, and a way to play a case's events through the rules.</summary>
internal static class SlaFixtures
{
    public static readonly TimeSpan Cdmx = TimeSpan.FromHours(-6);
    public static readonly TimeSpan Lima = TimeSpan.FromHours(-5);

    /// <summary>A family-medicine unit: Monday to Friday 08:00–20:00, Mexico City time, Mexican holidays.</summary>
    public static readonly Unit Umf = new("UMF-JAL-023", "UMF No. 23 Guadalajara", UnitType.Umf, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 4);

    /// <summary>A regional hospital: open day and night.</summary>
    public static readonly Unit Hgr = new("HGR-JAL-046", "HGR No. 46 Guadalajara", UnitType.Hgr, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 18);

    /// <summary>A family-medicine unit in Tijuana, which follows US daylight saving time.</summary>
    public static readonly Unit UmfTijuana = new("UMF-BC-027", "UMF No. 27 Tijuana", UnitType.Umf, "IMSS-BC", Institution.Imss, "America/Tijuana", 5);

    public static readonly Unit Rebagliati = new("HN-REB-001", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional, "ESS-REB", Institution.EsSalud, "America/Lima", 40);

    public static readonly Unit Policlinico = new("POL-REB-004", "Policlínico Chincha", UnitType.Policlinico, "ESS-REB", Institution.EsSalud, "America/Lima", 6);

    private static readonly Unit[] Units = [Umf, Hgr, UmfTijuana, Rebagliati, Policlinico];

    public static readonly CaseContext Context = new(code => Units.FirstOrDefault(u => u.Code == code), new SlaEngine(new SlaCalendars(), EscalationLadder.Default));

    public static CaseEvent Opened(string caseId, Unit unit, DateTimeOffset at, CaseKind kind = CaseKind.Complaint, Priority priority = Priority.Medium,
        bool complex = false, string? agentId = null, string? category = null) =>
        new(Guid.NewGuid(), caseId, at, new CaseOpenedData(unit.Code, kind, Channel.Module, category ?? (unit.Institution == Institution.Imss ? "mistreatment" : "waiting-time"),
            priority, complex, "Refiere demora y trato descortés en ventanilla.", AgentId: agentId));

    public static CaseEvent At(string caseId, DateTimeOffset at, CaseEventData data) => new(Guid.NewGuid(), caseId, at, data);

    /// <summary>Plays events through the rules, failing the test if any is refused.</summary>
    public static CaseState Play(params CaseEvent[] events)
    {
        CaseState? state = null;
        foreach (var e in events)
        {
            var decision = CaseRules.Apply(state, e, Context);
            Assert.True(decision.IsAccepted, decision.Rejection);
            state = decision.Next;
        }

        return state!;
    }

    /// <summary>Applies what the sweep would record at <paramref name="now"/>.</summary>
    public static (CaseState State, IReadOnlyList<CaseEvent> Events) Sweep(CaseState state, DateTimeOffset now)
    {
        var events = SlaSweep.DueEvents(state, now, Context);
        foreach (var e in events)
        {
            var decision = CaseRules.Apply(state, e, Context);
            Assert.True(decision.IsAccepted, decision.Rejection);
            state = decision.Next!;
        }

        return (state, events);
    }
}
