using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>Complaints per local day, over a scope or per unit.</summary>
public sealed class ComplaintReader(ConnectionFactory connections, SqlScripts sql) : IComplaintReader
{
    public async Task<IReadOnlyList<DayComplaints>> ReadPerDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        var parameters = Parameters(filter, scope, days);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DayRow>(new CommandDefinition(sql.For("Case_ReadComplaintsPerDay", parameters), parameters, cancellationToken: cancellationToken));
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
        var rows = await connection.QueryAsync<UnitDayRow>(new CommandDefinition(sql.For("Case_ReadComplaintsPerUnitDay", parameters), parameters, cancellationToken: cancellationToken));
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

        return CaseFilterParameters.For(filter with { Kind = CaseKind.Complaint }, scope, days);
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
