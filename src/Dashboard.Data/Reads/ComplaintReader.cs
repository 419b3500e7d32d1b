using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Indicators;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>
/// Complaints per local day, over a scope or per unit: from the daily counters when they keep the filter's dimensions
/// (<see cref="CaseDays"/>), else counted case by case.
/// </summary>
public sealed class ComplaintReader(ConnectionFactory connections, SqlScripts sql) : IComplaintReader
{
    /// <summary>Counts cases even where the counters could answer (a test holds the two equal).</summary>
    internal bool CountCases { get; init; }

    public async Task<IReadOnlyList<DayComplaints>> ReadPerDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<DayRow>("ComplaintsPerDay", filter, scope, days, perUnit: false, cancellationToken);
        return rows.Select(r => new DayComplaints(CaseFilterParameters.ParseDay(r.Day), r.Complaints)).ToArray();
    }

    /// <summary>
    /// Within a region or a unit, the units' weekly or monthly counters summed (a region's two years of months are a
    /// few thousand counters, its days half a million); over an institution or nationally, the institutions' daily
    /// counters, which are fewer than every unit's months.
    /// </summary>
    public async Task<IReadOnlyList<DayComplaints>> ReadPerPeriodAsync(Period period, CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        if (CountCases || !CaseDays.ReadsUnitRows(filter, scope))
        {
            return DayComplaints.Per(period, await ReadPerDayAsync(filter, scope, days, cancellationToken));
        }

        var units = period == Period.Week
            ? await ReadPerUnitWeekAsync(filter, scope, days, cancellationToken)
            : await ReadPerUnitMonthAsync(filter, scope, days, cancellationToken);
        return DayComplaints.Per(period, units.Select(u => new DayComplaints(u.Day, u.Complaints)));
    }

    public async Task<DateTimeOffset?> ReadFirstOpenedAsync(ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(sql["Case_ReadFirstOpened"],
            new { ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<UnitDayRow>("ComplaintsPerUnitDay", filter, scope, days, perUnit: true, cancellationToken);
        // The counters come in region order and keep a unit that moved under each of its regions: one row per unit and day.
        return rows.GroupBy(r => (r.UnitCode, r.Day)).OrderBy(g => g.Key.UnitCode, StringComparer.Ordinal).ThenBy(g => g.Key.Day, StringComparer.Ordinal)
            .Select(g => new UnitDayComplaints(g.Key.UnitCode, CaseFilterParameters.ParseDay(g.Key.Day), g.Sum(r => r.Complaints))).ToArray();
    }

    /// <summary>
    /// From the monthly counters when they keep the filter's dimensions (not complexity); otherwise the days summed. The
    /// period must be whole months: a month's counter cannot be cut at a day.
    /// </summary>
    public async Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitMonthAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.OpenedFrom is not { Day: 1 } from || filter.OpenedTo is not { } to || to.AddDays(1).Day != 1 || to < from)
        {
            throw new ArgumentException("the monthly counts need whole months: OpenedFrom on a first day, OpenedTo on a last day", nameof(filter));
        }

        return await ReadPerUnitPeriodAsync(Period.Month, "CaseMonth_ReadComplaintsPerUnitMonth", filter, scope, days, cancellationToken);
    }

    /// <summary>
    /// From the weekly counters when they keep the filter's dimensions (not complexity); otherwise the days summed. The
    /// period must be whole ISO weeks: from a Monday to a Sunday.
    /// </summary>
    public async Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitWeekAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.OpenedFrom is not { DayOfWeek: DayOfWeek.Monday } from || filter.OpenedTo is not { DayOfWeek: DayOfWeek.Sunday } to || to < from)
        {
            throw new ArgumentException("the weekly counts need whole weeks: OpenedFrom on a Monday, OpenedTo on a Sunday", nameof(filter));
        }

        return await ReadPerUnitPeriodAsync(Period.Week, "CaseWeek_ReadComplaintsPerUnitWeek", filter, scope, days, cancellationToken);
    }

    /// <summary>
    /// Complaints per unit and month or week from the counters of <paramref name="statement"/>, whose second column names
    /// the period ('yyyy-MM' or its Monday 'yyyy-MM-dd'); the days summed for a filter the counters do not keep.
    /// </summary>
    private async Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitPeriodAsync(Period period, string statement, CaseFilter filter, ReadScope scope, DayZones days,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var complaints = filter with { Kind = CaseKind.Complaint };
        if (CountCases || !CaseDays.CanCount(complaints) || complaints.Complex is not null)
        {
            return UnitDayComplaints.Per(period, await ReadPerUnitDayAsync(complaints, scope, days, cancellationToken));
        }

        var parameters = CaseDays.For(complaints, scope, perUnit: true);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql.For(statement, parameters), parameters, cancellationToken: cancellationToken));
        // Read column by column into one total per unit and period (a unit that moved region has two rows): nationally
        // 41,520 months, which Dapper's objects and a GroupBy took 0.4 s to turn into what the query took 0.1 s to find.
        var periods = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var totals = new Dictionary<(string Unit, DateOnly Start), int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(1);
            if (!periods.TryGetValue(text, out var start))
            {
                periods[text] = start = CaseFilterParameters.ParseDay(period == Period.Month ? text + "-01" : text);
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, (reader.GetString(0), start), out _) += reader.GetInt32(2);
        }

        return totals.Select(t => new UnitDayComplaints(t.Key.Unit, t.Key.Start, t.Value)).ToArray();
    }

    /// <summary>
    /// The complaints of the filter's period: <c>CaseDay_Read{read}</c> from the daily counters when they keep the filter's
    /// dimensions, else <c>Case_Read{read}</c> counting case rows.
    /// </summary>
    private async Task<IEnumerable<T>> QueryAsync<T>(string read, CaseFilter filter, ReadScope scope, DayZones days, bool perUnit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        if (filter.OpenedFrom is not { } from || filter.OpenedTo is not { } to || to < from)
        {
            throw new ArgumentException("the counts need a period: OpenedFrom on or before OpenedTo", nameof(filter));
        }

        var complaints = filter with { Kind = CaseKind.Complaint };
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (!CountCases && CaseDays.CanCount(complaints))
        {
            return await CaseDays.QueryAsync<T>(connection, sql, $"CaseDay_Read{read}", CaseDays.For(complaints, scope, perUnit), null, cancellationToken);
        }

        var parameters = CaseFilterParameters.For(complaints, scope, days);
        return await connection.QueryAsync<T>(new CommandDefinition(sql.For($"Case_Read{read}", parameters), parameters, cancellationToken: cancellationToken));
    }

    private sealed class DayRow
    {
        public string Day { get; set; } = "";
        public int Complaints { get; set; }
    }

    private sealed class UnitDayRow
    {
        public string UnitCode { get; set; } = "";
        public string Day { get; set; } = "";
        public int Complaints { get; set; }
    }
}
