using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>A wall's snapshot: counts, today's median first response, the cases closest to a deadline and the scope's panel.</summary>
public sealed class WallReader(ConnectionFactory connections, SqlScripts sql) : IWallReader
{
    public async Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int listLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new
        {
            ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
            TodayStart = todayStart, TomorrowStart = tomorrowStart, Limit = listLength, UnitCode = scope.UnitCode,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One snapshot: every read sees the same committed state.
        await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
        async Task<T[]> Query<T>(string name) =>
            [.. await connection.QueryAsync<T>(new CommandDefinition(sql[name], parameters, transaction, cancellationToken: cancellationToken))];

        var counts = await connection.QuerySingleAsync<OpenCaseCountsRow>(new CommandDefinition(sql["Case_ReadWallCounts"], parameters, transaction, cancellationToken: cancellationToken));
        var waits = await Query<long>("Case_ReadFirstResponseSeconds");
        var dueSoon = (await connection.QueryAsync<DueSoonRow>(new CommandDefinition(sql.For("Case_ReadDueSoon", parameters), parameters, transaction,
            cancellationToken: cancellationToken))).ToArray();
        var national = scope.Level is ScopeLevel.All or ScopeLevel.Institution;
        var topUnits = scope.Level == ScopeLevel.Unit ? [] : await Query<UnitOverdueRow>("Case_ReadOverdueComplexByUnit");
        var regions = national ? await Query<RegionOverdueRow>("Case_ReadOverdueByRegion") : [];
        var units = scope.Level == ScopeLevel.Region ? await Query<UnitLoadRow>("Case_ReadWallUnits") : [];
        var workload = scope.Level == ScopeLevel.Unit ? await Query<AgentWorkloadRow>("Case_ReadWorkload") : [];
        await transaction.CommitAsync(cancellationToken);
        return new WallSnapshot(
            counts.ToCounts(),
            Median(waits),
            [.. topUnits.Select(u => new UnitOverdue(u.UnitCode, u.RegionCode, u.Cases))],
            [.. regions.Select(r => new RegionOverdue(r.RegionCode, r.OpenCases, r.Overdue))],
            [.. units.Select(u => new UnitLoad(u.UnitCode, u.OpenCases, u.Overdue, u.AtRisk))],
            [.. workload.Select(w => new AgentWorkload(w.AgentId, w.OpenCases, w.Overdue, w.AtRisk))],
            [.. dueSoon.Select(d => new DueSoonCase(d.CaseId, d.UnitCode, Enum.Parse<CaseKind>(d.Kind), d.Category, Enum.Parse<Priority>(d.Priority), d.Complex,
                Enum.Parse<SlaClockKind>(d.Clock), d.DueAt))]);
    }

    public async Task<WallFigures> ReadFiguresAtAsync(ReadScope scope, DateTimeOffset at, DateTimeOffset dayStart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var from = at - WallFigures.CompliancePeriod;
        var parameters = new
        {
            ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
            At = at, DayStart = dayStart, TodayStart = dayStart, TomorrowStart = at,
            From = from, Until = at, OpenedSince = from - WallFigures.LongestClock,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
        var figures = await connection.QuerySingleAsync<OpenCaseCountsRow>(new CommandDefinition(sql["Case_ReadWallFiguresAt"], parameters, transaction, cancellationToken: cancellationToken));
        var waits = (await connection.QueryAsync<long>(new CommandDefinition(sql["Case_ReadFirstResponseSeconds"], parameters, transaction, cancellationToken: cancellationToken))).ToArray();
        var compliance = await connection.QuerySingleAsync<ComplianceRow>(new CommandDefinition(sql["Case_ReadWallCompliance"], parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new WallFigures(figures.OpenCases, figures.OpenComplex, figures.AtRisk, figures.Overdue, figures.BreachedToday, Median(waits),
            new SlaCompliance(compliance.Met, compliance.Decided));
    }

    /// <summary>The middle wait, or the mean of the two middle ones.</summary>
    private static TimeSpan? Median(long[] waits)
    {
        if (waits.Length == 0)
        {
            return null;
        }

        Array.Sort(waits);
        return TimeSpan.FromSeconds(waits.Length % 2 == 1 ? waits[waits.Length / 2] : (waits[waits.Length / 2 - 1] + waits[waits.Length / 2]) / 2.0);
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

    private sealed class UnitLoadRow
    {
        public string UnitCode { get; set; } = "";
        public int OpenCases { get; set; }
        public int Overdue { get; set; }
        public int AtRisk { get; set; }
    }

    private sealed class AgentWorkloadRow
    {
        public string? AgentId { get; set; }
        public int OpenCases { get; set; }
        public int Overdue { get; set; }
        public int AtRisk { get; set; }
    }

    private sealed class DueSoonRow
    {
        public string CaseId { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Category { get; set; } = "";
        public string Priority { get; set; } = "";
        public bool Complex { get; set; }
        public string Clock { get; set; } = "";
        public DateTimeOffset DueAt { get; set; }
    }

    private sealed class ComplianceRow
    {
        public int Met { get; set; }
        public int Decided { get; set; }
    }
}
