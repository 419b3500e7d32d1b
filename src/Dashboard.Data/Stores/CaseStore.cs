using System.Globalization;
using System.Text.Json;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Reads of the case projection, always filtered by the caller's scope in the query.</summary>
public sealed class CaseStore(ConnectionFactory connections, SqlScripts sql) : ICaseStore
{
    public async Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadById"],
            new { CaseId = caseId, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.SingleOrDefault()?.ToState();
    }

    public async Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadDue"], new { Now = now, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToState()).ToArray();
    }

    public async Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int topUnits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new { ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, TodayStart = todayStart, TomorrowStart = tomorrowStart, Limit = topUnits };
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One snapshot: the four reads see the same committed state.
        await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
        var counts = await connection.QuerySingleAsync<KpiCountsRow>(new CommandDefinition(sql["Case_ReadWallCounts"], parameters, transaction, cancellationToken: cancellationToken));
        var waits = (await connection.QueryAsync<long>(new CommandDefinition(sql["Case_ReadFirstResponseSeconds"], parameters, transaction, cancellationToken: cancellationToken))).Order().ToArray();
        var units = await connection.QueryAsync<UnitOverdueRow>(new CommandDefinition(sql["Case_ReadOverdueComplexByUnit"], parameters, transaction, cancellationToken: cancellationToken));
        var regions = await connection.QueryAsync<RegionOverdueRow>(new CommandDefinition(sql["Case_ReadOverdueByRegion"], parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        TimeSpan? median = waits.Length == 0 ? null
            : TimeSpan.FromSeconds(waits.Length % 2 == 1 ? waits[waits.Length / 2] : (waits[waits.Length / 2 - 1] + waits[waits.Length / 2]) / 2.0);
        return new WallSnapshot(
            new WallCounts(counts.OpenCases, counts.OpenComplex, counts.AtRisk, counts.Overdue, counts.BreachedToday, counts.Level1, counts.Level2, counts.Level3),
            median,
            units.Select(u => new UnitOverdue(u.UnitCode, u.RegionCode, u.Cases)).ToArray(),
            regions.Select(r => new RegionOverdue(r.RegionCode, r.OpenCases, r.Overdue)).ToArray());
    }

    public async Task<(IReadOnlyList<ComplimentCount> ByAgent, IReadOnlyList<ComplimentEntry> Latest)> ReadComplimentsAsync(
        ReadScope scope, DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new { ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, Since = since, Limit = limit };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var byAgent = await connection.QueryAsync<ComplimentCountRow>(new CommandDefinition(sql["Case_ReadComplimentsByAgent"], parameters, cancellationToken: cancellationToken));
        var latest = await connection.QueryAsync<ComplimentEntryRow>(new CommandDefinition(sql["Case_ReadLatestCompliments"], parameters, cancellationToken: cancellationToken));
        return (byAgent.Select(r => new ComplimentCount(r.UnitCode, r.AgentId, r.Compliments, r.LastAt)).ToArray(),
            latest.Select(r => new ComplimentEntry(r.CaseId, r.UnitCode, r.AgentId, r.OpenedAt)).ToArray());
    }

    public async Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkloadRow>(new CommandDefinition(sql["Case_ReadWorkload"],
            new { UnitCode = unitCode, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new AgentWorkload(r.AgentId, r.OpenCases, r.Overdue, r.AtRisk)).ToArray();
    }

    public async Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RegionCountsRow>(new CommandDefinition(sql["Case_ReadOpenCountsByRegion"],
            new { ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new RegionOpenCounts(r.RegionCode, r.RegionName, Enum.Parse<Institution>(r.Institution), r.Units, r.OpenCases, r.OpenComplex)).ToArray();
    }

    public async Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = FilterParameters.ForList(query, scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadPage"], parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql["Case_ReadPageCount"], parameters, cancellationToken: cancellationToken));
        return new CasePage(rows.Select(r => r.ToState()).ToArray(), total);
    }

    public async Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = FilterParameters.ForList(query with { Now = query.Now ?? now }, scope);
        parameters.Days3Ago = now.AddDays(-3);
        parameters.Days8Ago = now.AddDays(-8);
        parameters.Days16Ago = now.AddDays(-16);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<AgeBucketsRow>(new CommandDefinition(sql["Case_ReadAgeBuckets"], parameters, cancellationToken: cancellationToken));
        return new AgeBuckets(row.Days0To2, row.Days3To7, row.Days8To15, row.Over15);
    }

    public async Task<OverviewCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        var parameters = FilterParameters.For(filter, scope, days);
        parameters.Now = now;
        parameters.BreachedSinceUtc = BreachedSince(now);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<KpiCountsRow>(new CommandDefinition(sql["Case_ReadOverviewCounts"], parameters, cancellationToken: cancellationToken));
        return new OverviewCounts(row.OpenCases, row.OpenComplex, row.AtRisk, row.Overdue, row.BreachedToday, row.Level1, row.Level2, row.Level3);
    }

    public async Task<OverviewTrends> ReadTrendsAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        if (filter.OpenedFrom is not { } from || filter.OpenedTo is not { } to || to < from)
        {
            throw new ArgumentException("the trends need a period: OpenedFrom on or before OpenedTo", nameof(filter));
        }

        var parameters = FilterParameters.For(filter, scope, days);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One snapshot: the charts and the median see the same committed state.
        await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
        var flows = (await connection.QueryAsync<DayFlowRow>(new CommandDefinition(sql["Case_ReadOpenedResolvedPerDay"], parameters, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => ParseDay(r.Day));
        var breaches = (await connection.QueryAsync<DayBreachesRow>(new CommandDefinition(sql["Case_ReadBreachesPerDay"], parameters, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => ParseDay(r.Day), r => r.Breached);
        var categories = await connection.QueryAsync<CategoryCountRow>(new CommandDefinition(sql["Case_ReadCountsByCategory"], parameters, transaction, cancellationToken: cancellationToken));
        var middle = (await connection.QueryAsync<double>(new CommandDefinition(sql["Case_ReadFirstResponseMedian"], parameters, transaction, cancellationToken: cancellationToken))).ToArray();
        await transaction.CommitAsync(cancellationToken);

        // The statements return only the days that had something; the chart gets every day of the period.
        var trend = new List<DayTrend>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var flow = flows.GetValueOrDefault(day);
            trend.Add(new DayTrend(day, flow?.Opened ?? 0, flow?.Resolved ?? 0, breaches.GetValueOrDefault(day)));
        }

        return new OverviewTrends(
            trend,
            categories.Select(c => new CategoryCount(c.Category, c.Cases, c.OpenCases)).ToArray(),
            middle.Length == 0 ? null : TimeSpan.FromSeconds(Math.Round(middle.Average())));
    }

    public async Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        var parameters = new
        {
            RegionCode = regionCode,
            ScopeRegionCode = scope.RegionCode,
            ScopeUnitCode = scope.UnitCode,
            ZoneOffsets = ZoneOffsetsJson(days),
            Now = now,
            BreachedSinceUtc = BreachedSince(now),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitCountsRow>(new CommandDefinition(sql["Case_ReadUnitCounts"], parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new UnitCounts(r.UnitCode, r.UnitName, r.OpenCases, r.OpenComplex, r.AtRisk, r.Overdue, r.BreachedToday, r.OldestOpenedAt)).ToArray();
    }

    /// <summary>Where the breach-index ranges start for "today": more than a day back covers every zone's today.</summary>
    private static DateTimeOffset BreachedSince(DateTimeOffset now) => now.AddDays(-2);

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The zones as the statements read them: <c>[{"zone":"America/Lima","minutes":-300}, …]</c>.</summary>
    private static string ZoneOffsetsJson(DayZones days) =>
        JsonSerializer.Serialize(days.OffsetMinutes.Select(z => new ZoneOffset(z.Key, z.Value)), ZoneJson);

    private static readonly JsonSerializerOptions ZoneJson = new(JsonSerializerDefaults.Web);

    private sealed record ZoneOffset(string Zone, int Minutes);

    /// <summary>
    /// The parameters of every filtered read (Dapper sends only those a statement names). Enums go as their names, days
    /// as ISO dates (compared with each case's day on its unit's clock), with UTC bounds wide enough for every zone.
    /// </summary>
    private sealed record FilterParameters
    {
        public string? ScopeRegionCode { get; init; }
        public string? ScopeUnitCode { get; init; }
        public string? RegionCode { get; init; }
        public string? UnitCode { get; init; }
        public string? Kind { get; init; }
        public string? Category { get; init; }
        public string? Channel { get; init; }
        public string? Priority { get; init; }
        public bool? Complex { get; init; }
        public string? OpenedFrom { get; init; }
        public string? OpenedTo { get; init; }
        public DateTimeOffset? OpenedFromUtc { get; init; }
        public DateTimeOffset? OpenedToUtc { get; init; }
        public string ZoneOffsets { get; init; } = "[]";
        public bool? Open { get; init; }
        public string? Status { get; init; }
        public string? SlaState { get; init; }
        public int? EscalationLevel { get; init; }
        public bool BreachedToday { get; init; }
        public DateTimeOffset? Now { get; set; }
        public DateTimeOffset? BreachedSinceUtc { get; set; }
        public string Sort { get; init; } = nameof(CaseSort.Opened);
        public bool Descending { get; init; } = true;
        public long Skip { get; init; }
        public int Take { get; init; }
        public DateTimeOffset? Days3Ago { get; set; }
        public DateTimeOffset? Days8Ago { get; set; }
        public DateTimeOffset? Days16Ago { get; set; }

        public static FilterParameters For(CaseFilter f, ReadScope scope, DayZones days) => new()
        {
            ScopeRegionCode = scope.RegionCode,
            ScopeUnitCode = scope.UnitCode,
            RegionCode = f.RegionCode,
            UnitCode = f.UnitCode,
            Kind = f.Kind?.ToString(),
            Category = f.Category,
            Channel = f.Channel?.ToString(),
            Priority = f.Priority?.ToString(),
            Complex = f.Complex,
            OpenedFrom = Iso(f.OpenedFrom),
            OpenedTo = Iso(f.OpenedTo),
            OpenedFromUtc = f.OpenedFrom is { } from ? days.EarliestStart(from) : null,
            OpenedToUtc = f.OpenedTo is { } to ? days.LatestEnd(to) : null,
            ZoneOffsets = ZoneOffsetsJson(days),
        };

        public static FilterParameters ForList(CaseListQuery q, ReadScope scope)
        {
            if (q.BreachedToday && q.Now is null)
            {
                throw new ArgumentException("BreachedToday needs Now", nameof(q));
            }

            var shared = new CaseFilter
            {
                RegionCode = q.RegionCode,
                UnitCode = q.UnitCode,
                Kind = q.Kind,
                Category = q.Category,
                Channel = q.Channel,
                Priority = q.Priority,
                Complex = q.Complex,
                OpenedFrom = q.OpenedFrom,
                OpenedTo = q.OpenedTo,
            };
            return For(shared, scope, q.Days) with
            {
                Open = q.Open,
                Status = q.Status?.ToString(),
                SlaState = q.SlaState?.ToString(),
                EscalationLevel = q.EscalationLevel,
                BreachedToday = q.BreachedToday,
                Now = q.Now,
                BreachedSinceUtc = q.Now is { } now ? BreachedSince(now) : null,
                Sort = q.Sort.ToString(),
                Descending = q.Descending,
                Skip = q.Skip,
                Take = q.PageSize,
            };
        }

        private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<CaseSummary> ReadSummaryAsync(string? regionCode, string? unitCode, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql["Case_ReadSummary"],
            new { ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, RegionCode = regionCode, UnitCode = unitCode },
            cancellationToken: cancellationToken))).ToArray();

        // Every status and level is present, zero or not, so a reader never has to tell "none" from "unknown".
        var byStatus = Enum.GetValues<CaseStatus>().ToDictionary(s => s, _ => 0);
        var byLevel = Enumerable.Range(0, CaseSummary.MaxEscalationLevel + 1).ToDictionary(l => l, _ => 0);
        int open = 0, openComplex = 0;
        foreach (var row in rows)
        {
            var status = Enum.Parse<CaseStatus>(row.Status);
            byStatus[status] += row.Cases;
            if (status.IsOpen())
            {
                open += row.Cases;
                openComplex += row.Complex ? row.Cases : 0;
                byLevel[row.EscalationLevel] = byLevel.GetValueOrDefault(row.EscalationLevel) + row.Cases;
            }
        }

        return new CaseSummary(open, openComplex, byStatus, byLevel);
    }

    private sealed class DayFlowRow
    {
        public string Day { get; set; } = "";
        public int Opened { get; set; }
        public int Resolved { get; set; }
    }

    private sealed class DayBreachesRow
    {
        public string Day { get; set; } = "";
        public int Breached { get; set; }
    }

    private sealed class CategoryCountRow
    {
        public string Category { get; set; } = "";
        public int Cases { get; set; }
        public int OpenCases { get; set; }
    }

    private sealed class UnitCountsRow
    {
        public string UnitCode { get; set; } = "";
        public string UnitName { get; set; } = "";
        public int OpenCases { get; set; }
        public int OpenComplex { get; set; }
        public int AtRisk { get; set; }
        public int Overdue { get; set; }
        public int BreachedToday { get; set; }
        public DateTimeOffset? OldestOpenedAt { get; set; }
    }

    private sealed class AgeBucketsRow
    {
        public int Days0To2 { get; set; }
        public int Days3To7 { get; set; }
        public int Days8To15 { get; set; }
        public int Over15 { get; set; }
    }

    private sealed class SummaryRow
    {
        public string Status { get; set; } = "";
        public bool Complex { get; set; }
        public int EscalationLevel { get; set; }
        public int Cases { get; set; }
    }

    private sealed class RegionCountsRow
    {
        public string RegionCode { get; set; } = "";
        public string RegionName { get; set; } = "";
        public string Institution { get; set; } = "";
        public int Units { get; set; }
        public int OpenCases { get; set; }
        public int OpenComplex { get; set; }
    }

    /// <summary>The big numbers, as both the wall and the overview read them.</summary>
    private sealed class KpiCountsRow
    {
        public int OpenCases { get; set; }
        public int OpenComplex { get; set; }
        public int AtRisk { get; set; }
        public int Overdue { get; set; }
        public int BreachedToday { get; set; }
        public int Level1 { get; set; }
        public int Level2 { get; set; }
        public int Level3 { get; set; }
    }

    private sealed class UnitOverdueRow
    {
        public string UnitCode { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public int Cases { get; set; }
    }

    private sealed class RegionOverdueRow
    {
        public string RegionCode { get; set; } = "";
        public int OpenCases { get; set; }
        public int Overdue { get; set; }
    }

    private sealed class ComplimentCountRow
    {
        public string UnitCode { get; set; } = "";
        public string? AgentId { get; set; }
        public int Compliments { get; set; }
        public DateTimeOffset LastAt { get; set; }
    }

    private sealed class ComplimentEntryRow
    {
        public string CaseId { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string? AgentId { get; set; }
        public DateTimeOffset OpenedAt { get; set; }
    }

    private sealed class WorkloadRow
    {
        public string? AgentId { get; set; }
        public int OpenCases { get; set; }
        public int Overdue { get; set; }
        public int AtRisk { get; set; }
    }
}
