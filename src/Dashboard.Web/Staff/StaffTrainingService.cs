using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Indicators;
using Dashboard.Core.Reads;
using Dashboard.Core.Staff;
using Dashboard.Core.Storage;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;

namespace Dashboard.Web.Staff;

/// <summary>A person on a day: their certification's status and the sessions of their institution's course they still miss.</summary>
public sealed record StaffPerson(StoredStaff Staff, CertificationStatus Status, IReadOnlyList<TrainingSession> MissingSessions)
{
    public StaffMember Member => Staff.Member;
}

/// <summary>A unit's coverage (<see cref="StaffCoverage.Staff"/> 0: no staff loaded, a gap in the coverage).</summary>
public sealed record UnitCoverage(Unit Unit, StaffCoverage Coverage);

/// <summary>An OOAD/Red's coverage with each of its units.</summary>
public sealed record RegionCoverage(Region Region, StaffCoverage Coverage, IReadOnlyList<UnitCoverage> Units)
{
    public IEnumerable<Unit> UnitsWithoutStaff => Units.Where(u => u.Coverage.Staff == 0).Select(u => u.Unit);
}

/// <summary>An institution's coverage.</summary>
public sealed record InstitutionCoverage(Institution Institution, StaffCoverage Coverage);

/// <summary>
/// The staff of a scope on a day: coverage per institution, OOAD/Red and unit (every unit of the scope, those without
/// staff loaded too), the certifications due for renewal or expired (soonest first), and every person with their status
/// and missing sessions.
/// </summary>
public sealed record StaffCoverageView(DateOnly Today, StaffCoverage Total, IReadOnlyList<InstitutionCoverage> Institutions,
    IReadOnlyList<RegionCoverage> Regions, IReadOnlyList<StaffPerson> People)
{
    /// <summary>Certifications due for renewal, the soonest first, then the expired ones, the latest to expire first.</summary>
    public IEnumerable<StaffPerson> Due => People
        .Where(p => p.Status is CertificationStatus.RenewalDue or CertificationStatus.Expired)
        .OrderBy(p => p.Status == CertificationStatus.Expired)
        .ThenBy(p => p.Status == CertificationStatus.Expired ? -p.Staff.Certification!.ExpiresOn.DayNumber : p.Staff.Certification!.ExpiresOn.DayNumber)
        .ThenBy(p => p.Member.Name, StringComparer.CurrentCulture);

    public IEnumerable<Unit> UnitsWithoutStaff => Regions.SelectMany(r => r.UnitsWithoutStaff);
}

/// <summary>Complaints about one staff role (null: not specified) per period, oldest first.</summary>
public sealed record StaffRoleTrend(string? StaffRole, IReadOnlyList<PeriodCount> Periods)
{
    public int Total => Periods.Sum(p => p.Count);
}

/// <summary>
/// Staff, Buen Trato certification and training: importing the roster (all or nothing, checked against the catalogue
/// and the writer's scope, audited), coverage within a scope, and the complaints per staff role with their trend.
/// </summary>
public sealed class StaffTrainingService(IStaffStore store, IStaffRoleReader staffRoles, IComplaintReader complaints, CatalogueService catalogue, AuditTrail audit,
    TimeProvider time)
{
    /// <summary>How many whole periods the complaints trend shows.</summary>
    public const int TrendPeriods = 6;

    /// <summary>Today (UTC day; a certification's status a few hours early or late does not matter here).</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Checks and stores the staff, written within <paramref name="who"/>'s scope; nothing is stored when any is wrong. Audited.</summary>
    public async Task<IReadOnlyList<StaffError>> ImportAsync(IReadOnlyList<StaffRecord> records, ClaimsPrincipal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(who);
        var errors = StaffRules.Validate(records, catalogue.Current, who.ReadScope() ?? ReadScope.Nothing, Today);
        if (errors.Count == 0)
        {
            await store.SaveAsync(records, cancellationToken);
        }

        await AuditAsync(who, records.Count, errors.Count, cancellationToken);
        return errors;
    }

    /// <summary>Reads a CSV file and stores its staff only if every row is valid. Audited.</summary>
    public async Task<StaffCsvResult> ImportCsvAsync(TextReader file, ClaimsPrincipal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var read = StaffCsvReader.Read(file, catalogue.Current, who.ReadScope() ?? ReadScope.Nothing, Today);
        if (read.Records is { } records)
        {
            await store.SaveAsync(records, cancellationToken);
        }

        await AuditAsync(who, read.Records?.Count ?? 0, read.Errors.Count, cancellationToken);
        return read;
    }

    private Task AuditAsync(ClaimsPrincipal who, int records, int errors, CancellationToken cancellationToken) =>
        audit.RecordAsync(who, AuditAction.AdminChange, null, errors == 0 ? AuditOutcome.Success : AuditOutcome.Failed,
            errors == 0 ? $"staff and Buen Trato certification: {records} people stored" : $"staff and Buen Trato certification: refused, {errors} problem(s), nothing stored",
            cancellationToken);

    /// <summary>The staff of the scope (narrowed by region and unit) on <see cref="Today"/>, with every unit of it.</summary>
    public async Task<StaffCoverageView> ReadCoverageAsync(ReadScope scope, string? regionCode = null, string? unitCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var today = Today;
        var staff = await store.ReadAsync(scope, regionCode, unitCode, cancellationToken);
        var people = staff.Select(s =>
        {
            var programme = StaffRules.ProgrammeOf(s.Institution);
            return new StaffPerson(s, programme.StatusOf(s.Certification?.ExpiresOn, today), programme.MissingSessions(s.Sessions));
        }).ToArray();
        var byUnit = staff.ToLookup(s => s.Member.UnitCode, StringComparer.Ordinal);
        var index = catalogue.Current;
        var units = Units(scope, regionCode, unitCode);
        var regions = units.GroupBy(u => u.RegionCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var unitRows = g.Select(u => new UnitCoverage(u, StaffCoverage.Of(byUnit[u.Code], today, StaffRules.ProgrammeOf))).ToArray();
                var region = index.FindRegion(g.Key) ?? new Region(g.Key, g.Key, g.First().Institution, g.First().TimeZone);
                return new RegionCoverage(region, StaffCoverage.Of(g.SelectMany(u => byUnit[u.Code]), today, StaffRules.ProgrammeOf), unitRows);
            })
            .OrderBy(r => r.Region.Institution).ThenBy(r => r.Region.Name, StringComparer.CurrentCulture).ToArray();
        var institutions = staff.GroupBy(s => s.Institution, StringComparer.OrdinalIgnoreCase)
            .Select(g => new InstitutionCoverage(new Institution(g.Key), StaffCoverage.Of(g, today, StaffRules.ProgrammeOf)))
            .OrderBy(i => i.Institution).ToArray();
        return new StaffCoverageView(today, StaffCoverage.Of(staff, today, StaffRules.ProgrammeOf), institutions, regions, people);
    }

    /// <summary>The units of the scope, narrowed by region and unit, by name: where staff should be.</summary>
    public IReadOnlyList<Unit> Units(ReadScope scope, string? regionCode = null, string? unitCode = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var index = catalogue.Current;
        return index.Snapshot.Units
            .Where(u => scope.Allows(u.RegionCode, u.Code, index.InstitutionOfRegion)
                && (regionCode is null || u.RegionCode == regionCode) && (unitCode is null || u.Code == unitCode))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture).ToArray();
    }

    /// <summary>
    /// Complaints per staff role over the last <see cref="TrendPeriods"/> whole periods (a period under way would read as
    /// a fall), within the scope narrowed by region and unit; most complaints first, the unspecified last. Periods before
    /// the scope's records begin are left out: unknown, not periods without complaints.
    /// </summary>
    public async Task<IReadOnlyList<StaffRoleTrend>> ReadComplaintTrendAsync(ReadScope scope, Period period = Period.Month, string? regionCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var last = Periods.LastCompleteStart(period, Today);
        var first = StartBack(period);
        if (await complaints.ReadFirstOpenedAsync(scope, cancellationToken) is { } earliest)
        {
            var recorded = Periods.StartOf(period, DateOnly.FromDateTime(earliest.UtcDateTime));
            first = recorded <= first ? first : recorded > last ? last : recorded;
        }

        var end = Periods.Next(period, last).AddDays(-1);
        var filter = new CaseFilter { RegionCode = regionCode, UnitCode = unitCode, OpenedFrom = first, OpenedTo = end };
        var days = await staffRoles.ReadComplaintsPerStaffRoleDayAsync(filter, scope, catalogue.DaysAt(time.GetUtcNow()), cancellationToken);
        return days.GroupBy(d => d.StaffRole, StringComparer.Ordinal)
            .Select(g => new StaffRoleTrend(g.Key, Periods.Bucket(period, first, last, g.Select(d => (d.Day, d.Complaints)))))
            .OrderBy(t => t.StaffRole is null).ThenByDescending(t => t.Total).ThenBy(t => t.StaffRole, StringComparer.Ordinal).ToArray();
    }

    private DateOnly StartBack(Period period)
    {
        var first = Periods.LastCompleteStart(period, Today);
        for (var i = 1; i < TrendPeriods; i++)
        {
            first = Periods.StartOf(period, first.AddDays(-1));
        }

        return first;
    }
}
