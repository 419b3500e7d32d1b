using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>The overview's numbers and trends for a filter.</summary>
public sealed class OverviewReader(ConnectionFactory connections, SqlScripts sql) : IOverviewReader
{
    public async Task<OpenCaseCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        var parameters = CaseFilterParameters.For(filter, scope, days);
        parameters.Now = now;
        parameters.BreachedSinceUtc = CaseFilterParameters.BreachedSince(now);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<OpenCaseCountsRow>(new CommandDefinition(sql.For("Case_ReadOverviewCounts", parameters), parameters, cancellationToken: cancellationToken));
        return row.ToCounts();
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

        var parameters = CaseFilterParameters.For(filter, scope, days);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One snapshot: the charts and the median see the same committed state.
        await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
        var flows = (await connection.QueryAsync<DayFlowRow>(new CommandDefinition(sql.For("Case_ReadOpenedResolvedPerDay", parameters), parameters, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => CaseFilterParameters.ParseDay(r.Day));
        var breaches = (await connection.QueryAsync<DayBreachesRow>(new CommandDefinition(sql.For("Case_ReadBreachesPerDay", parameters), parameters, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => CaseFilterParameters.ParseDay(r.Day), r => r.Breached);
        var categories = await connection.QueryAsync<CategoryCountRow>(new CommandDefinition(sql.For("Case_ReadCountsByCategory", parameters), parameters, transaction, cancellationToken: cancellationToken));
        var middle = (await connection.QueryAsync<double>(new CommandDefinition(sql.For("Case_ReadFirstResponseMedian", parameters), parameters, transaction, cancellationToken: cancellationToken))).ToArray();
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
}
