using Dapper;
using Dashboard.Core.Cases;
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
        ArgumentNullException.ThrowIfNull(scope);
        if (filter.OpenedFrom is not { Day: 1 } from || filter.OpenedTo is not { } to || to.AddDays(1).Day != 1 || to < from)
        {
            throw new ArgumentException("the monthly counts need whole months: OpenedFrom on a first day, OpenedTo on a last day", nameof(filter));
        }

        var complaints = filter with { Kind = CaseKind.Complaint };
        if (CountCases || !CaseDays.CanCount(complaints) || complaints.Complex is not null)
        {
            return UnitDayComplaints.PerMonth(await ReadPerUnitDayAsync(complaints, scope, days, cancellationToken));
        }

        var parameters = CaseDays.For(complaints, scope, perUnit: true);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql.For("CaseMonth_ReadComplaintsPerUnitMonth", parameters), parameters,
            cancellationToken: cancellationToken));
        // Read column by column into one total per unit and month (a unit that moved region has two rows): nationally
        // 41,520 rows, which Dapper's objects and a GroupBy took 0.4 s to turn into what the query took 0.1 s to find.
        var months = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var totals = new Dictionary<(string Unit, DateOnly Month), int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(1);
            if (!months.TryGetValue(text, out var month))
            {
                months[text] = month = CaseFilterParameters.ParseDay(text + "-01");
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, (reader.GetString(0), month), out _) += reader.GetInt32(2);
        }

        return totals.Select(t => new UnitDayComplaints(t.Key.Unit, t.Key.Month, t.Value)).ToArray();
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
