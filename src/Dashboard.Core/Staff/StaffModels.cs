using System.Text.RegularExpressions;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Imports;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Profiles;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Staff;

/// <summary>
/// A person of a unit's staff: the number the institution gives them (unique within the institution), their name, and
/// their role — a staff role of the institution's classification (the roles complaints are about), or
/// <see cref="StaffRules.AttentionTechnician"/>; a técnica of the catalogue names her agent id too.
/// </summary>
public sealed record StaffMember(string UnitCode, string StaffNumber, string Name, string StaffRole, string? AgentId = null);

/// <summary>A Buen Trato certification: the day it was given and the day it expires (valid through that day).</summary>
public sealed record StaffCertification(DateOnly CertifiedOn, DateOnly ExpiresOn);

/// <summary>
/// One person as an import states them: the roster's data, a certification when the file gives one, and the sessions
/// of the course attended (attendance is added to what is stored, never removed: a session attended stays attended).
/// </summary>
public sealed record StaffRecord(StaffMember Member, StaffCertification? Certification, IReadOnlyList<int> Sessions);

/// <summary>
/// A stored person with their place (their unit's region and institution, as the catalogue has them), their latest
/// certification (null when never certified) and the sessions attended.
/// </summary>
public sealed record StoredStaff(StaffMember Member, string Institution, string RegionCode, StaffCertification? Certification, IReadOnlyList<int> Sessions);

/// <summary>A problem with one person of a batch: their position (0-based), the field as the contract names it, and why.</summary>
public sealed record StaffError(int Index, string Field, ImportText Text)
{
    public string Message => Text.English;
}

/// <summary>
/// The coverage of a group of staff on a day: how many are certified and current (a renewal due still counts: it is
/// valid), how many are due for renewal or expired, and how many completed the course. The goal is 100 % certified.
/// </summary>
public sealed record StaffCoverage(int Staff, int Certified, int RenewalDue, int Expired, int TrainingComplete)
{
    public static StaffCoverage Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Certified and current ÷ staff, 0..1; null without staff.</summary>
    public double? CertifiedShare => Staff == 0 ? null : (double)Certified / Staff;

    /// <summary>Course complete ÷ staff, 0..1; null without staff.</summary>
    public double? TrainingShare => Staff == 0 ? null : (double)TrainingComplete / Staff;

    public int Uncertified => Staff - Certified;

    /// <summary>The coverage of <paramref name="staff"/> on <paramref name="today"/>, each person judged by their institution's course.</summary>
    public static StaffCoverage Of(IEnumerable<StoredStaff> staff, DateOnly today, Func<string, TrainingProgramme> programmeOf)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(programmeOf);
        int count = 0, certified = 0, due = 0, expired = 0, complete = 0;
        foreach (var s in staff)
        {
            var programme = programmeOf(s.Institution);
            count++;
            switch (programme.StatusOf(s.Certification?.ExpiresOn, today))
            {
                case CertificationStatus.Current:
                    certified++;
                    break;
                case CertificationStatus.RenewalDue:
                    certified++;
                    due++;
                    break;
                case CertificationStatus.Expired:
                    expired++;
                    break;
            }

            if (programme.IsComplete(s.Sessions))
            {
                complete++;
            }
        }

        return new StaffCoverage(count, certified, due, expired, complete);
    }
}

/// <summary>
/// The rules a batch of staff must meet before anything is stored: a unit of the catalogue within the writer's scope,
/// a staff number, a name, a role of the unit's institution, a técnica of that unit when an agent id is given, a
/// certification not in the future that expires after it was given, sessions of the institution's course, and one
/// person per staff number and institution.
/// </summary>
public static partial class StaffRules
{
    /// <summary>The técnicas (and técnicos) de Atención y Orientación: staff whose role is not one complaints are filed against.</summary>
    public const string AttentionTechnician = "attention-technician";

    public const int MaxNameLength = 200;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$")]
    private static partial Regex StaffNumberPattern();

    /// <summary>A role a person of <paramref name="institution"/> may have: one of its staff roles, or a técnica's.</summary>
    public static bool IsRole(Institution institution, string role) =>
        role == AttentionTechnician || ClassificationCatalogue.For(institution).FindStaffRole(role) is not null;

    /// <summary>The institution's course: its profile's, the default when it has none.</summary>
    public static TrainingProgramme ProgrammeOf(string institution) =>
        InstitutionProfiles.Current.Resolve(institution) is { } i ? InstitutionProfiles.Current.Find(i)?.Training ?? TrainingProgramme.Default : TrainingProgramme.Default;

    /// <summary>Every problem of the batch; empty when all of it may be stored.</summary>
    public static IReadOnlyList<StaffError> Validate(IReadOnlyList<StaffRecord> records, CatalogueIndex catalogue, ReadScope writer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(writer);
        var errors = new List<StaffError>();
        var seen = new Dictionary<(Institution, string), int>();
        var agents = catalogue.Snapshot.Agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var (m, certification, sessions) = records[i];
            var unit = string.IsNullOrEmpty(m.UnitCode) ? null : catalogue.FindUnit(m.UnitCode);
            if (unit is null || !writer.Allows(unit.RegionCode, unit.Code, catalogue.InstitutionOfRegion))
            {
                // Out of scope reads as unknown: a region's administrator learns nothing of another region's units.
                errors.Add(new(i, "unitCode", string.IsNullOrEmpty(m.UnitCode) ? ImportTexts.Required() : ImportTexts.NotAUnit(m.UnitCode)));
                unit = null;
            }

            if (string.IsNullOrEmpty(m.StaffNumber))
            {
                errors.Add(new(i, "staffNumber", ImportTexts.Required()));
            }
            else if (!StaffNumberPattern().IsMatch(m.StaffNumber))
            {
                errors.Add(new(i, "staffNumber", ImportTexts.NotAStaffNumber(m.StaffNumber)));
            }
            else if (unit is not null)
            {
                if (seen.TryGetValue((unit.Institution, m.StaffNumber), out var first))
                {
                    errors.Add(new(i, "staffNumber", ImportTexts.StaffTwice(m.StaffNumber, first + 1)));
                }
                else
                {
                    seen[(unit.Institution, m.StaffNumber)] = i;
                }
            }

            if (string.IsNullOrWhiteSpace(m.Name))
            {
                errors.Add(new(i, "name", ImportTexts.Required()));
            }
            else if (m.Name.Length > MaxNameLength)
            {
                errors.Add(new(i, "name", ImportTexts.AtMostCharacters(MaxNameLength)));
            }

            if (string.IsNullOrEmpty(m.StaffRole))
            {
                errors.Add(new(i, "staffRole", ImportTexts.Required()));
            }
            else if (unit is not null && !IsRole(unit.Institution, m.StaffRole))
            {
                var roles = ClassificationCatalogue.For(unit.Institution).StaffRoles.Select(r => r.Code).Append(AttentionTechnician);
                errors.Add(new(i, "staffRole", ImportTexts.NotAStaffRole(m.StaffRole, NameOf(unit.Institution), string.Join(", ", roles))));
            }

            if (!string.IsNullOrEmpty(m.AgentId) && unit is not null && (!agents.TryGetValue(m.AgentId, out var agent) || agent.UnitCode != unit.Code))
            {
                errors.Add(new(i, "agentId", ImportTexts.NotATecnicaOf(m.AgentId, unit.Code)));
            }

            if (certification is { } c)
            {
                if (c.CertifiedOn > today)
                {
                    errors.Add(new(i, "certifiedOn", ImportTexts.InTheFuture(c.CertifiedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
                }

                if (c.ExpiresOn <= c.CertifiedOn)
                {
                    errors.Add(new(i, "expiresOn", ImportTexts.ExpiresBeforeCertified(
                        c.ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.CertifiedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
                }
            }

            if (unit is not null)
            {
                var count = ProgrammeOf(unit.Institution.Code).SessionCount;
                var bad = sessions.Where(s => s < 1 || s > count).Distinct().ToArray();
                if (bad.Length > 0)
                {
                    errors.Add(new(i, "sessions", ImportTexts.NoSuchSessions(string.Join(", ", bad), NameOf(unit.Institution), count)));
                }
                else if (sessions.Distinct().Count() != sessions.Count)
                {
                    errors.Add(new(i, "sessions", ImportTexts.SessionTwice()));
                }
            }
        }

        return errors;
    }

    /// <summary>The institution as people name it ("IMSS", "EsSalud"), never its code.</summary>
    private static string NameOf(Institution institution) => Profiles.InstitutionProfiles.Current.Find(institution)?.Name ?? institution.Code;
}

/// <summary>The staff roster with certifications and training attendance; a batch is stored in one transaction, all or none.</summary>
public interface IStaffStore
{
    /// <summary>
    /// Stores every person of the batch in one transaction: a person's roster data replaces what was stored for their
    /// staff number in the institution; a certification is added (the same day's replaces it); sessions are added.
    /// </summary>
    Task SaveAsync(IReadOnlyList<StaffRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The staff within the scope, narrowed by region and unit, each with their latest certification and sessions.</summary>
    Task<IReadOnlyList<StoredStaff>> ReadAsync(ReadScope scope, string? regionCode = null, string? unitCode = null, CancellationToken cancellationToken = default);
}
