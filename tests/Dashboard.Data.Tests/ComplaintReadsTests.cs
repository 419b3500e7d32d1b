using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>Complaints per local day, for the control charts of complaints against a baseline, on every configured provider.</summary>
public sealed class ComplaintReadsTests
{
    private static readonly DayZones Zones = DayZones.At(Catalogue.Units.Select(u => u.TimeZone), Now);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = new(2026, 11, 24);

    private static CaseFilter Month => new() { OpenedFrom = new DateOnly(2026, 11, 1), OpenedTo = new DateOnly(2026, 11, 30) };

    private static CaseEvent Opened(string caseId, DateTimeOffset at, string category = "mistreatment", string unit = "UMF-JAL-023", CaseKind kind = CaseKind.Complaint) =>
        new(Guid.NewGuid(), caseId, at, new CaseOpenedData(unit, kind, Channel.CallCenter, category, Priority.Medium, false,
            "Refiere que la asistente médica le habló de manera grosera en ventanilla."));

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var result = await db.Events.AppendAsync(
        [
            Opened("QJ-1", Now.AddHours(-5)),
            Opened("QJ-2", Now.AddHours(-6), category: "waiting-time"),
            // 03:00 UTC on the 24th is 21:00 of the 23rd in Guadalajara: the unit's day.
            Opened("QJ-3", new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)),
            Opened("QJ-4", new DateTimeOffset(2026, 11, 10, 18, 0, 0, TimeSpan.Zero)),
            // Not complaints, or outside the period: never counted.
            Opened("FE-1", Now.AddHours(-5), category: "quality", kind: CaseKind.Compliment),
            Opened("QJ-OCT", new DateTimeOffset(2026, 10, 20, 18, 0, 0, TimeSpan.Zero)),
            Opened("QJ-HGR", Now.AddHours(-5), unit: "HGR-JAL-046"),
            Opened("QR-REB", Now.AddHours(-5), unit: "HN-REB-001"),
        ], Now, Context, Ct);
        Assert.True(result.Outcome == AppendOutcome.Committed, result.Reason);
        return db;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPerDay_CountsComplaintsOnTheUnitsDayWithinScopeAndCategory(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);

        var unit = await db.Cases.ReadPerDayAsync(Month, ReadScope.ForUnit("UMF-JAL-023"), Zones, Ct);
        var mistreatment = await db.Cases.ReadPerDayAsync(Month with { Category = "mistreatment" }, ReadScope.ForUnit("UMF-JAL-023"), Zones, Ct);
        var region = await db.Cases.ReadPerDayAsync(Month, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct);
        var all = await db.Cases.ReadPerDayAsync(Month, ReadScope.All, Zones, Ct);

        Assert.Equal([new DayComplaints(new DateOnly(2026, 11, 10), 1), new DayComplaints(new DateOnly(2026, 11, 23), 1), new DayComplaints(Today, 2)], unit);
        Assert.Equal([new DayComplaints(new DateOnly(2026, 11, 10), 1), new DayComplaints(new DateOnly(2026, 11, 23), 1), new DayComplaints(Today, 1)], mistreatment);
        Assert.Equal(5, region.Sum(d => d.Complaints));
        Assert.Equal(6, all.Sum(d => d.Complaints));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPerUnitDay_OneRowPerUnitAndDay_NeverOutsideTheScope(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);

        var region = await db.Cases.ReadPerUnitDayAsync(Month, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct);
        // A filter narrows the scope, never widens it: a unit's reader asking for Lima gets nothing.
        var widened = await db.Cases.ReadPerUnitDayAsync(Month with { UnitCode = "HN-REB-001" }, ReadScope.ForUnit("UMF-JAL-023"), Zones, Ct);

        Assert.Equal(
            [
                new UnitDayComplaints("HGR-JAL-046", Today, 1),
                new UnitDayComplaints("UMF-JAL-023", new DateOnly(2026, 11, 10), 1),
                new UnitDayComplaints("UMF-JAL-023", new DateOnly(2026, 11, 23), 1),
                new UnitDayComplaints("UMF-JAL-023", Today, 2),
            ],
            region);
        Assert.Empty(widened);
        await Assert.ThrowsAsync<ArgumentException>(() => db.Cases.ReadPerUnitDayAsync(CaseFilter.None, ReadScope.All, Zones, Ct));
    }
}
