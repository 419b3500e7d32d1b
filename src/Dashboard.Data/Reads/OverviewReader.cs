using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>
/// The overview's numbers and trends for a filter: from the daily counters when they keep the filter's dimensions
/// (<see cref="CaseDays"/>), else counted case by case.
/// </summary>
public sealed class OverviewReader(ConnectionFactory connections, SqlScripts sql) : IOverviewReader
{
    /// <summary>Counts cases even where the counters could answer (a test holds the two equal).</summary>
    internal bool CountCases { get; init; }

    public async Task<OpenCaseCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        var parameters = CaseFilterParameters.For(filter, scope, days);
        parameters.Now = now;
        parameters.BreachedSinceUtc = days.TodayBegan(now);
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (!CountCases && CaseDays.CanCount(filter))
        {
            // The open numbers from the counters; today's breaches from the daily counters, or within a period from the
            // breach indexes (a day's worth of cases).
            await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
            OpenCaseCounts counts;
            if (CaseCounts.CanCountOpen(filter))
            {
                // Every day of every open case: the open-case counters hold them in a few hundred rows, where the daily
                // ones are two years of a region's days (0.3 s for a region at 10 M cases).
                counts = CaseCounts.Open(await CaseCounts.ReadAsync(connection, sql, scope, filter.RegionCode, filter.UnitCode, cancellationToken, transaction), filter.Complex);
            }
            else
            {
                var totals = (await CaseDays.QueryAsync<CaseDays.Totals>(connection, sql, "CaseDay_ReadTotals", CaseDays.For(filter, scope), transaction, cancellationToken)).Single();
                counts = new OpenCaseCounts(totals.OpenCases, totals.OpenComplex, totals.AtRisk, totals.Overdue, 0, totals.Level1, totals.Level2, totals.Level3);
            }

            // Without a period, today's breaches are the units' counters of today; within one, the cases of the period.
            int breachedToday;
            if (filter is { OpenedFrom: null, OpenedTo: null })
            {
                var today = CaseDays.For(filter, scope) with { Now = now, ZoneOffsets = parameters.ZoneOffsets };
                breachedToday = await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql.For("CaseDay_ReadBreachedToday", today), today, transaction, cancellationToken: cancellationToken));
            }
            else
            {
                breachedToday = await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql.For("Case_ReadBreachedToday", parameters), parameters, transaction, cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
            return counts with { BreachedToday = breachedToday };
        }

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

        if (!CountCases && CaseDays.CanCount(filter))
        {
            return await ReadTrendsFromCountersAsync(filter, scope, from, to, cancellationToken);
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

        return new OverviewTrends(
            EveryDay(from, to, day => flows.GetValueOrDefault(day) is { } flow ? (flow.Opened, flow.Resolved) : (0, 0), breaches.GetValueOrDefault),
            categories.Select(c => new CategoryCount(c.Category, c.Cases, c.OpenCases)).ToArray(),
            middle.Length == 0 ? null : TimeSpan.FromSeconds(Math.Round(middle.Average())));
    }

    private async Task<OverviewTrends> ReadTrendsFromCountersAsync(CaseFilter filter, ReadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var parameters = CaseDays.For(filter, scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginReadSnapshotAsync(connection, cancellationToken);
        var days = (await CaseDays.QueryAsync<DayFlowRow>(connection, sql, "CaseDay_ReadPerDay", parameters, transaction, cancellationToken))
            .ToDictionary(r => CaseFilterParameters.ParseDay(r.Day));
        var categories = await CaseDays.QueryAsync<CategoryCountRow>(connection, sql, "CaseDay_ReadByCategory", parameters, transaction, cancellationToken);
        var totals = (await CaseDays.QueryAsync<CaseDays.Totals>(connection, sql, "CaseDay_ReadTotals", parameters, transaction, cancellationToken)).Single();
        await transaction.CommitAsync(cancellationToken);

        var median = totals.Median();
        return new OverviewTrends(
            EveryDay(from, to, day => days.GetValueOrDefault(day) is { } d ? (d.Opened, d.Resolved) : (0, 0), day => days.GetValueOrDefault(day)?.Breached ?? 0),
            categories.Select(c => new CategoryCount(c.Category, c.Cases, c.OpenCases)).ToArray(),
            median?.Median)
        {
            MedianFirstResponseRange = median?.Range,
        };
    }

    /// <summary>The statements return only the days that had something; the chart gets every day of the period.</summary>
    private static List<DayTrend> EveryDay(DateOnly from, DateOnly to, Func<DateOnly, (int Opened, int Resolved)> flow, Func<DateOnly, int> breached)
    {
        var trend = new List<DayTrend>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var (opened, resolved) = flow(day);
            trend.Add(new DayTrend(day, opened, resolved, breached(day)));
        }

        return trend;
    }

    private sealed class DayFlowRow
    {
        public string Day { get; set; } = "";
        public int Opened { get; set; }
        public int Resolved { get; set; }
        public int Breached { get; set; }
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
