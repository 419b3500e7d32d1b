using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Reads;

/// <summary>Pages of the case list and their age buckets, filtered and ordered by the database.</summary>
public sealed class CaseListReader(ConnectionFactory connections, SqlScripts sql) : ICaseListReader
{
    public async Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = CaseFilterParameters.ForList(query, scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql.For("Case_ReadPage", parameters), parameters, cancellationToken: cancellationToken));
        // Counting every matching case costs a scan at a national scale: the counters answer whenever they can.
        var total = CaseCounts.CanCount(query)
            ? CaseCounts.Total(await CaseCounts.ReadAsync(connection, sql, scope, query.Filter.RegionCode, query.Filter.UnitCode, cancellationToken), query)
            : await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql.For("Case_ReadPageCount", parameters), parameters, cancellationToken: cancellationToken));
        return new CasePage(rows.Select(r => r.ToState()).ToArray(), total);
    }

    public async Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = CaseFilterParameters.ForList(query with { Now = query.Now ?? now }, scope);
        // Without a filter on unit days the ages read the open cases' index alone (at 10 M: 50–60 ms instead of 0.9 s).
        parameters = parameters with { UnitClock = parameters.FiltersByUnitDay ? true : null };
        parameters.Days3Ago = now.AddDays(-3);
        parameters.Days8Ago = now.AddDays(-8);
        parameters.Days16Ago = now.AddDays(-16);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<AgeBucketsRow>(new CommandDefinition(sql.For("Case_ReadAgeBuckets", parameters), parameters, cancellationToken: cancellationToken));
        return new AgeBuckets(row.Days0To2, row.Days3To7, row.Days8To15, row.Over15);
    }

    private sealed class AgeBucketsRow
    {
        public int Days0To2 { get; set; }
        public int Days3To7 { get; set; }
        public int Days8To15 { get; set; }
        public int Over15 { get; set; }
    }
}
