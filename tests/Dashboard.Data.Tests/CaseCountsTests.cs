using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Sla;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// The counters the summary reads (case_counts, kept by the database beside the case rows) always equal a recount of
/// the cases, whatever the events did: openings, assignments, reclassification into and out of complex, escalations,
/// resolutions, closings and reopenings, some of them refused by the case rules; and a case list's total read from them
/// equals the count of the matching cases.
/// </summary>
public sealed class CaseCountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Units = ["UMF-JAL-023", "HGR-JAL-046", "UMF-NL-015", "HN-REB-001"];

    private sealed record Count(string UnitCode, string Status, bool Complex, int Level, string SlaState, long Cases);

    private sealed class Row
    {
        public string UnitCode { get; set; } = "";
        public string Status { get; set; } = "";
        public bool Complex { get; set; }
        public int Level { get; set; }
        public string SlaState { get; set; } = "";
        public long Cases { get; set; }
    }

    private static async Task<Count[]> ReadAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Connections.OpenAsync(Ct);
        return [.. (await connection.QueryAsync<Row>(sql)).Where(c => c.Cases != 0).Select(c => new Count(c.UnitCode, c.Status, c.Complex, c.Level, c.SlaState, c.Cases))
            .OrderBy(c => (c.UnitCode, c.Status, c.Complex, c.Level, c.SlaState))];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Counters_AfterRandomEventStreams_EqualARecountOfTheCases(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var random = new Random(2412);
        var minute = 0;
        var cases = Enumerable.Range(1, 40).Select(i => $"QJ-CNT-{i:D3}").ToArray();
        await db.Events.AppendAsync([.. cases.Select((id, i) => new CaseEvent(Guid.NewGuid(), id, Now.AddMinutes(minute), new CaseOpenedData(
            Units[i % Units.Length], CaseKind.Complaint, Channel.Module, "waiting-time", Priority.Medium, random.Next(3) == 0, "Espera de más de tres horas.", null)))],
            Now, Context, Ct);
        for (var round = 0; round < 12; round++)
        {
            minute += 30;
            var batch = cases.Where(_ => random.Next(2) == 0).Select(id => new CaseEvent(Guid.NewGuid(), id, Now.AddMinutes(minute), (random.Next(7)) switch
            {
                0 => new CaseAssignedData("TAO-104233"),
                1 => new CaseReclassifiedData(null, null, Complex: random.Next(2) == 0),
                2 => new CaseEscalatedData(random.Next(1, 4), "Vencido."),
                3 => new CaseResolvedData("attended", "Se atendió."),
                4 => new CaseClosedData(null),
                5 => new CaseReopenedData("Volvió a quejarse."),
                _ => (CaseEventData)new CaseReclassifiedData("mistreatment", Priority.High, null),
            })).ToArray();
            // One at a time: an event the rules refuse (closing an open case, reopening an open one) leaves the counters alone.
            foreach (var e in batch)
            {
                await db.Events.AppendAsync([e], Now.AddMinutes(minute), Context, Ct);
            }
        }

        // Days later the SLA sweep warns and breaches what is still open: the counters follow each case's SLA state.
        var later = Now.AddDays(10);
        await db.Events.AppendDueAsync(later, 1000, c => SlaSweep.DueEvents(c, later, Context).Select(e => EncodedEvent.Of(e, CaseActor.SlaSweep)).ToArray(), later, Context, Ct);

        var table = provider == DatabaseProvider.Sqlite ? "" : "dbo.";
        var counters = await ReadAsync(db, $"SELECT unit_code AS UnitCode, status AS Status, is_complex AS Complex, escalation_level AS Level, sla_state AS SlaState, CAST(cases AS BIGINT) AS Cases FROM {table}case_counts");
        // An open case's SLA state is kept, a closed one's is not ('').
        const string slaState = "CASE WHEN is_open = 1 THEN COALESCE(sla_state, '') ELSE '' END";
        var recount = await ReadAsync(db, $"SELECT unit_code AS UnitCode, status AS Status, is_complex AS Complex, escalation_level AS Level, {slaState} AS SlaState, CAST(COUNT(*) AS BIGINT) AS Cases FROM {table}cases GROUP BY unit_code, status, is_complex, escalation_level, {slaState}");

        Assert.Equal(40, recount.Sum(c => c.Cases));
        Assert.True(recount.Select(c => c.Status).Distinct().Count() >= 3, "the stream moved cases through several statuses");
        Assert.Contains(recount, c => c.SlaState == "Breached");
        Assert.Equal(recount, counters);

        // The list's totals from the counters equal the same list counted case by case (a filter on a far-past opening
        // day narrows nothing but takes the counting path).
        foreach (var query in from open in new bool?[] { null, true, false }
                 from complex in new bool?[] { null, true }
                 from level in new int?[] { null, 1 }
                 from unit in new[] { null, Units[0] }
                 from sla in new SlaState?[] { null, SlaState.Breached, SlaState.OnTrack }
                 select new CaseListQuery(new Core.Reads.CaseFilter { Complex = complex, UnitCode = unit }, 1, 5) { Open = open, EscalationLevel = level, SlaState = sla })
        {
            var fromCounters = await db.Cases.ReadPageAsync(query, Core.Storage.ReadScope.All, Ct);
            var counted = await db.Cases.ReadPageAsync(query with { Filter = query.Filter with { OpenedFrom = new DateOnly(2000, 1, 1) } }, Core.Storage.ReadScope.All, Ct);
            Assert.Equal(counted.Total, fromCounters.Total);
        }

        var jalisco = await db.Cases.ReadPageAsync(new CaseListQuery(Core.Reads.CaseFilter.None, 1, 5) { Status = CaseStatus.Resolved }, Core.Storage.ReadScope.ForRegion("IMSS-JAL"), Ct);
        Assert.Equal(recount.Where(c => c.UnitCode.Contains("-JAL-", StringComparison.Ordinal) && c.Status == "Resolved").Sum(c => c.Cases), jalisco.Total);
    }
}
