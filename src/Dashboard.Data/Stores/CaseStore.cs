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
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(sql["Case_ReadById"],
            new { CaseId = caseId, scope.RegionCode, scope.UnitCode }, cancellationToken: cancellationToken));
        return row?.ToState();
    }

    public async Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(sql["Case_ReadDue"], new { Now = now, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToState()).ToArray();
    }

    public async Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int topUnits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new { scope.RegionCode, scope.UnitCode, TodayStart = todayStart, TomorrowStart = tomorrowStart, Limit = topUnits };
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One snapshot: the four reads see the same committed state.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<WallCountsRow>(new CommandDefinition(sql["Case_ReadWallCounts"], parameters, transaction, cancellationToken: cancellationToken));
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
        var parameters = new { scope.RegionCode, scope.UnitCode, Since = since, Limit = limit };
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
            new { scope.RegionCode, scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new RegionOpenCounts(r.RegionCode, r.RegionName, Enum.Parse<Institution>(r.Institution), r.Units, r.OpenCases, r.OpenComplex)).ToArray();
    }

    public async Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new
        {
            ScopeRegionCode = scope.RegionCode,
            ScopeUnitCode = scope.UnitCode,
            query.RegionCode,
            query.UnitCode,
            query.Open,
            query.Complex,
            query.Skip,
            Take = query.PageSize,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(sql["Case_ReadPage"], parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql["Case_ReadPageCount"], parameters, cancellationToken: cancellationToken));
        return new CasePage(rows.Select(r => r.ToState()).ToArray(), total);
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

    private sealed class WallCountsRow
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
