using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// "Mal trato por área": the staff role a complaint is about, as a filter of every filtered read and counted per unit,
/// run against every configured provider.
/// </summary>
public sealed class StaffRoleReadsTests
{
    private static readonly DayZones Zones = DayZones.At(Catalogue.Units.Select(u => u.TimeZone), Now);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    private static CaseFilter Week => new() { OpenedFrom = Today.AddDays(-7), OpenedTo = Today.AddDays(1) };

    private static CaseEvent Opened(string caseId, string? staffRole, string category = "mistreatment", string unit = "UMF-JAL-023",
        string? module = null, CaseKind kind = CaseKind.Complaint, int hoursAgo = 5) =>
        new(Guid.NewGuid(), caseId, Now.AddHours(-hoursAgo), new CaseOpenedData(unit, kind, module is null ? Channel.CallCenter : Channel.Module, category, Priority.Medium,
            false, category == "mistreatment" ? "Refiere que la asistente médica le habló de manera grosera en ventanilla." : "No se surtió la receta completa en farmacia.",
            ModuleCode: module, StaffRole: staffRole));

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var result = await db.Events.AppendAsync(
        [
            Opened("QJ-AM-1", "medical-assistant", module: "MOD-UMF-JAL-023-A"),
            Opened("QJ-AM-2", "medical-assistant"),
            Opened("QJ-AM-3", "medical-assistant", category: "waiting-time"),
            Opened("QJ-FAR-1", "pharmacy"),
            Opened("QJ-FAR-2", "pharmacy", category: "medicine-supply", module: "MOD-UMF-JAL-023-A"),
            Opened("QJ-SIN", null, category: "waiting-time"),
            Opened("QJ-OLD", "pharmacy", hoursAgo: 24 * 20),
            // Another unit of the same region, and another institution: never in the unit's counts.
            Opened("QJ-HGR", "medical-assistant", unit: "HGR-JAL-046"),
            Opened("QR-TEC", "medical-assistant", unit: "HN-REB-001"),
        ], Now, Context, Ct);
        Assert.True(result.Outcome == AppendOutcome.Committed, result.Reason);
        return db;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPage_FiltersByStaffRoleAndModule(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);

        async Task<string[]> Ids(CaseFilter filter, ReadScope scope) =>
            (await db.Cases.ReadPageAsync(new CaseListQuery(filter, 1, 50) { Days = Zones, Now = Now, Open = null }, scope, Ct)).Items
                .Select(c => c.CaseId).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["QJ-AM-1", "QJ-AM-2", "QJ-AM-3", "QJ-HGR", "QR-TEC"], await Ids(new() { StaffRole = "medical-assistant" }, ReadScope.All));
        Assert.Equal(["QJ-AM-1", "QJ-AM-2", "QJ-AM-3", "QJ-HGR"], await Ids(new() { StaffRole = "medical-assistant" }, ReadScope.ForRegion("IMSS-JAL")));
        Assert.Equal(["QJ-FAR-1", "QJ-OLD"], await Ids(new() { StaffRole = "pharmacy", Category = "mistreatment" }, ReadScope.All));
        Assert.Equal(["QJ-AM-1", "QJ-FAR-2"], await Ids(new() { ModuleCode = "MOD-UMF-JAL-023-A" }, ReadScope.All));
        Assert.Empty(await Ids(new() { StaffRole = "security" }, ReadScope.All));

        // The overview's numbers and charts take the same filter.
        var counts = await db.Cases.ReadOverviewAsync(new CaseFilter { StaffRole = "pharmacy" }, ReadScope.All, Zones, Now, Ct);
        var trends = await db.Cases.ReadTrendsAsync(Week with { StaffRole = "pharmacy" }, ReadScope.All, Zones, Ct);
        Assert.Equal(3, counts.OpenCases);
        Assert.Equal(2, trends.Categories.Sum(c => c.Cases));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadCountsByStaffRole_CountsTheUnitsCasesOfThePeriodWithMistreatmentApart(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);

        var unit = await db.Cases.ReadCountsByStaffRoleAsync(Week with { UnitCode = "UMF-JAL-023", Kind = CaseKind.Complaint }, ReadScope.All, Zones, Ct);
        var pharmacyOnly = await db.Cases.ReadCountsByStaffRoleAsync(Week with { UnitCode = "UMF-JAL-023", StaffRole = "pharmacy" }, ReadScope.All, Zones, Ct);
        var region = await db.Cases.ReadCountsByStaffRoleAsync(Week, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct);

        Assert.Equal([new StaffRoleCount("medical-assistant", Cases: 3, Mistreatment: 2), new StaffRoleCount("pharmacy", 2, 1), new StaffRoleCount(null, 1, 0)],
            unit.OrderByDescending(r => r.Cases).ThenBy(r => r.StaffRole is null));
        Assert.Equal([new StaffRoleCount("pharmacy", 2, 1)], pharmacyOnly);
        // The region's scope: its other unit counts, Lima's técnico asistencial never does.
        Assert.Equal(4, region.Single(r => r.StaffRole == "medical-assistant").Cases);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadCountsByStaffRole_NeverCountsCasesOutsideTheScope(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);

        // A unit's reader asking for another unit gets nothing; a filter narrows the scope, never widens it.
        var otherUnit = await db.Cases.ReadCountsByStaffRoleAsync(Week with { UnitCode = "HGR-JAL-046" }, ReadScope.ForUnit("UMF-JAL-023"), Zones, Ct);
        var own = await db.Cases.ReadCountsByStaffRoleAsync(Week, ReadScope.ForUnit("HGR-JAL-046"), Zones, Ct);
        var essalud = await db.Cases.ReadCountsByStaffRoleAsync(Week, ReadScope.ForInstitution(nameof(Dashboard.Core.Catalogue.Institution.EsSalud)), Zones, Ct);

        Assert.Empty(otherUnit);
        Assert.Equal([new StaffRoleCount("medical-assistant", 1, 1)], own);
        Assert.Equal([new StaffRoleCount("medical-assistant", 1, 1)], essalud);
        await Assert.ThrowsAsync<ArgumentException>(() => db.Cases.ReadCountsByStaffRoleAsync(CaseFilter.None, ReadScope.All, Zones, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadComplaintsPerStaffRoleDay_EachRolesComplaintsByDayWithinTheScope(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var month = new CaseFilter { OpenedFrom = Today.AddDays(-30), OpenedTo = Today.AddDays(1) };

        var unit = await db.Cases.ReadComplaintsPerStaffRoleDayAsync(month with { UnitCode = "UMF-JAL-023" }, ReadScope.All, Zones, Ct);
        var region = await db.Cases.ReadComplaintsPerStaffRoleDayAsync(month, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct);
        var otherUnit = await db.Cases.ReadComplaintsPerStaffRoleDayAsync(month with { UnitCode = "HN-REB-001" }, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct);

        Assert.Equal(3, unit.Where(d => d.StaffRole == "medical-assistant").Sum(d => d.Complaints));
        // Pharmacy on two days: the old complaint twenty days ago and the two of today.
        Assert.Equal(2, unit.Count(d => d.StaffRole == "pharmacy"));
        Assert.Equal(3, unit.Where(d => d.StaffRole == "pharmacy").Sum(d => d.Complaints));
        Assert.Equal(1, unit.Single(d => d.StaffRole is null).Complaints);
        Assert.Equal(4, region.Where(d => d.StaffRole == "medical-assistant").Sum(d => d.Complaints));
        Assert.Empty(otherUnit);
    }
}
