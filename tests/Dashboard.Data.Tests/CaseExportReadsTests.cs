using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Reads;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// An export reads every case of its filter exactly once, a keyset page at a time, on every configured provider: cases
/// opened at the very same instant straddle a page boundary, the scope and the period narrow it, nothing is capped.
/// </summary>
public sealed class CaseExportReadsTests
{
    private static readonly DayZones Zones = DayZones.At(Catalogue.Units.Select(u => u.TimeZone), Now);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaseEvent Opened(string caseId, DateTimeOffset at, string unit = "UMF-JAL-023") =>
        new(Guid.NewGuid(), caseId, at, new CaseOpenedData(unit, CaseKind.Complaint, Channel.CallCenter, "waiting-time", Priority.Medium, false,
            "Refiere una espera de más de tres horas para consulta de medicina familiar."));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAll_ReturnsEveryCaseOnce_InOpeningOrder_AcrossPagesOfTiedInstants(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var tied = Now.AddDays(-15);
        var events = new List<CaseEvent>();
        // Seven cases opened in the same second, then one a day: pages of three cut the tie twice.
        events.AddRange(Enumerable.Range(1, 7).Select(i => Opened($"QJ-EMP-{i:00}", tied)));
        events.AddRange(Enumerable.Range(1, 10).Select(i => Opened($"QJ-DIA-{i:00}", Now.AddDays(-10 + i).AddMinutes(-i))));
        events.Add(Opened("QJ-NL-01", tied, unit: "UMF-NL-015"));
        var appended = await db.Events.AppendAsync(events, Now, Context, Ct);
        Assert.True(appended.Outcome == AppendOutcome.Committed, appended.Reason);
        var reader = new CaseExportReader(db.Connections, db.Sql) { PageSize = 3 };
        var query = new CaseListQuery(CaseFilter.None, 1, 1) { Days = Zones, Now = Now, Open = null };

        var all = await reader.ReadAllAsync(query, ReadScope.ForRegion("IMSS-JAL"), Ct).Select(c => c.CaseId).ToListAsync(Ct);
        var expected = events.Where(e => e.CaseId != "QJ-NL-01").OrderBy(e => e.OccurredAt).ThenBy(e => e.CaseId, StringComparer.Ordinal).Select(e => e.CaseId).ToList();
        Assert.Equal(expected, all);

        // The period is days on the unit's clock, both ends included.
        var lastWeek = query with { Filter = new CaseFilter { OpenedFrom = DateOnly.FromDateTime(Now.AddDays(-6).UtcDateTime), OpenedTo = DateOnly.FromDateTime(Now.UtcDateTime) } };
        var week = await reader.ReadAllAsync(lastWeek, ReadScope.ForRegion("IMSS-JAL"), Ct).Select(c => c.CaseId).ToListAsync(Ct);
        Assert.Equal(["QJ-DIA-04", "QJ-DIA-05", "QJ-DIA-06", "QJ-DIA-07", "QJ-DIA-08", "QJ-DIA-09", "QJ-DIA-10"], week);

        // A unit's scope never sees another unit's case, however it filters.
        Assert.Empty(await reader.ReadAllAsync(query with { Filter = new CaseFilter { UnitCode = "UMF-NL-015" } }, ReadScope.ForUnit("UMF-JAL-023"), Ct).ToListAsync(Ct));
    }
}
