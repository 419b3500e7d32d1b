using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Staff;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Staff;

/// <summary>
/// The demo's staff roster, so <c>/capacitacion</c> is not empty on a first start: every técnica of the catalogue and a
/// few other people per unit (asistentes médicas, farmacia, enfermería…), most certified and current, some due for
/// renewal, some expired or never certified, with the sessions of their institution's course mostly attended. A few
/// units are left without staff, the gap the page points at. Deterministic; only an empty roster is filled.
/// </summary>
public static class DemoStaff
{
    private static readonly string[] Given = ["María", "Guadalupe", "Juana", "Rosa", "Patricia", "Alejandra", "Verónica", "Carmen", "Luis", "José", "Jorge", "Miguel", "Ana", "Sofía", "Rocío", "Elena", "Carlos", "Fernando", "Lucía", "Teresa"];

    private static readonly string[] Surnames = ["García", "Hernández", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Flores", "Quispe", "Mamani", "Huamán", "Torres", "Vargas", "Castillo", "Rojas", "Chávez", "Mendoza", "Cruz"];

    private static readonly string[] OtherRoles = ["medical-assistant", "pharmacy", "nursing", "social-work", "administrative"];

    public static async Task SeedAsync(IStaffStore store, CatalogueIndex catalogue, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        if ((await store.ReadAsync(ReadScope.All, cancellationToken: cancellationToken)).Count > 0)
        {
            return;
        }

        var random = new Random(2026);
        var agentsByUnit = catalogue.Snapshot.Agents.ToLookup(a => a.UnitCode, StringComparer.Ordinal);
        var records = new List<StaffRecord>();
        var number = 10_000;
        var units = catalogue.Snapshot.Units;
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            // Every ninth unit has not sent its roster yet: a gap in the coverage, as in the field.
            if (u % 9 == 4)
            {
                continue;
            }

            var programme = StaffRules.ProgrammeOf(unit.Institution.Code);
            var roles = ClassificationCatalogue.For(unit.Institution);
            foreach (var agent in agentsByUnit[unit.Code])
            {
                records.Add(Person(new StaffMember(unit.Code, $"{++number}", agent.Name, StaffRules.AttentionTechnician, agent.Id), programme, today, random));
            }

            var others = 2 + random.Next(3);
            for (var i = 0; i < others; i++)
            {
                var role = OtherRoles[random.Next(OtherRoles.Length)];
                if (roles.FindStaffRole(role) is null)
                {
                    continue;
                }

                var name = $"{Given[random.Next(Given.Length)]} {Surnames[random.Next(Surnames.Length)]} {Surnames[random.Next(Surnames.Length)]}";
                records.Add(Person(new StaffMember(unit.Code, $"{++number}", name, role), programme, today, random));
            }
        }

        await store.SaveAsync(records, cancellationToken);
    }

    /// <summary>Seven in ten current, one due for renewal, one expired, one never certified; most finished the course.</summary>
    private static StaffRecord Person(StaffMember member, TrainingProgramme programme, DateOnly today, Random random)
    {
        var months = programme.CertificationMonths;
        var draw = random.Next(100);
        StaffCertification? certification = draw switch
        {
            < 70 => Certified(today.AddDays(-random.Next(30, months * 30 - 90))),
            < 80 => Certified(today.AddMonths(-months).AddDays(random.Next(1, 55))),
            < 90 => Certified(today.AddMonths(-months).AddDays(-random.Next(5, 200))),
            _ => null,
        };
        var attended = random.Next(100) < 75 ? programme.SessionCount : random.Next(programme.SessionCount);
        var sessions = Enumerable.Range(1, programme.SessionCount).OrderBy(_ => random.Next()).Take(attended).Order().ToArray();
        return new StaffRecord(member, certification, sessions);

        StaffCertification Certified(DateOnly on) => new(on, programme.ExpiryOf(on));
    }
}
