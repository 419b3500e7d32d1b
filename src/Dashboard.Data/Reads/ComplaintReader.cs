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
        var parameters = Parameters(filter, scope, days);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var complaints = Complaints(filter);
        var rows = !CountCases && CaseDays.CanCount(complaints)
            ? await CaseDays.QueryAsync<DayRow>(connection, sql, "CaseDay_ReadComplaintsPerDay", CaseDays.For(complaints, scope), null, cancellationToken)
            : await connection.QueryAsync<DayRow>(new CommandDefinition(sql.For("Case_ReadComplaintsPerDay", parameters), parameters, cancellationToken: cancellationToken));
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
        var parameters = Parameters(filter, scope, days);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var complaints = Complaints(filter);
        var rows = !CountCases && CaseDays.CanCount(complaints)
            ? await CaseDays.QueryAsync<UnitDayRow>(connection, sql, "CaseDay_ReadComplaintsPerUnitDay", CaseDays.For(complaints, scope, perUnit: true), null, cancellationToken)
            : await connection.QueryAsync<UnitDayRow>(new CommandDefinition(sql.For("Case_ReadComplaintsPerUnitDay", parameters), parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new UnitDayComplaints(r.UnitCode, CaseFilterParameters.ParseDay(r.Day), r.Complaints)).ToArray();
    }

    private static CaseFilterParameters Parameters(CaseFilter filter, ReadScope scope, DayZones days)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        if (filter.OpenedFrom is not { } from || filter.OpenedTo is not { } to || to < from)
        {
            throw new ArgumentException("the counts need a period: OpenedFrom on or before OpenedTo", nameof(filter));
        }

        return CaseFilterParameters.For(Complaints(filter), scope, days);
    }

    private static CaseFilter Complaints(CaseFilter filter) => filter with { Kind = CaseKind.Complaint };

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
