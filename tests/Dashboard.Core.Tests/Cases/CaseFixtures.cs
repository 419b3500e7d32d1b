using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Tests.Cases;

/// <summary>A small real-shaped catalogue: an IMSS family-medicine unit in Jalisco and an EsSalud hospital in Lima.</summary>
internal static class CaseFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(-6));

    public static readonly Unit Umf = new("UMF-JAL-023", "UMF No. 23 Guadalajara", UnitType.Umf, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 4);

    public static readonly Unit Rebagliati = new("HN-REB-001", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional, "ESS-REB", Institution.EsSalud, "America/Lima", 40);

    public static Unit? FindUnit(string code) => code == Umf.Code ? Umf : code == Rebagliati.Code ? Rebagliati : null;

    /// <summary>The rules with the shipped SLA policies, default calendars and ladder.</summary>
    public static readonly CaseContext Context = new(FindUnit, new SlaEngine(new SlaCalendars(), EscalationLadder.Default));

    public static CaseEvent Opened(string caseId = "QJ-2026-000123", string unitCode = "UMF-JAL-023", bool complex = true, string? agentId = null) =>
        new(Guid.NewGuid(), caseId, Now, new CaseOpenedData(unitCode, CaseKind.Complaint, Channel.Module, "mistreatment", Priority.High, complex,
            "El derechohabiente refiere trato descortés en ventanilla.", "12345678903", "MOD-UMF-JAL-023-1", agentId, "administrative"));

    public static CaseEvent Next(string caseId, CaseEventData data, int minutesLater = 10) =>
        new(Guid.NewGuid(), caseId, Now.AddMinutes(minutesLater), data);
}
