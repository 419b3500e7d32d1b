using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>A wall's snapshot: counts, today's median first response, the worst units and regions.</summary>
public sealed class WallReader(ConnectionFactory connections, SqlScripts sql) : IWallReader
{
    public async Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int topUnits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new { ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, TodayStart = todayStart, TomorrowStart = tomorrowStart, Limit = topUnits };
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One snapshot: the four reads see the same committed state.
        await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
        var counts = await connection.QuerySingleAsync<OpenCaseCountsRow>(new CommandDefinition(sql["Case_ReadWallCounts"], parameters, transaction, cancellationToken: cancellationToken));
        var waits = (await connection.QueryAsync<long>(new CommandDefinition(sql["Case_ReadFirstResponseSeconds"], parameters, transaction, cancellationToken: cancellationToken))).Order().ToArray();
        var units = await connection.QueryAsync<UnitOverdueRow>(new CommandDefinition(sql["Case_ReadOverdueComplexByUnit"], parameters, transaction, cancellationToken: cancellationToken));
        var regions = await connection.QueryAsync<RegionOverdueRow>(new CommandDefinition(sql["Case_ReadOverdueByRegion"], parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        TimeSpan? median = waits.Length == 0 ? null
            : TimeSpan.FromSeconds(waits.Length % 2 == 1 ? waits[waits.Length / 2] : (waits[waits.Length / 2 - 1] + waits[waits.Length / 2]) / 2.0);
        return new WallSnapshot(
            counts.ToCounts(),
            median,
            units.Select(u => new UnitOverdue(u.UnitCode, u.RegionCode, u.Cases)).ToArray(),
            regions.Select(r => new RegionOverdue(r.RegionCode, r.OpenCases, r.Overdue)).ToArray());
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
}
