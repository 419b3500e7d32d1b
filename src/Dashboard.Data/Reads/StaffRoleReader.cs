using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>
/// Complaints per staff role for a filter and period: from the staff roles' counters (<c>complaint_staff_days</c>) when
/// they keep what the filter asks, else counted case by case.
/// </summary>
public sealed class StaffRoleReader(ConnectionFactory connections, SqlScripts sql) : IStaffRoleReader
{
    /// <summary>Counts the case rows even where the counters could answer (tests compare the two).</summary>
    internal bool CountCases { get; init; }

    public async Task<IReadOnlyList<StaffRoleCount>> ReadCountsByStaffRoleAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        if (filter.OpenedFrom is not { } from || filter.OpenedTo is not { } to || to < from)
        {
            throw new ArgumentException("the counts need a period: OpenedFrom on or before OpenedTo", nameof(filter));
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = FromCounters(filter, scope) is { } counters
            ? await connection.QueryAsync<StaffRoleCountRow>(new CommandDefinition(sql.For("ComplaintStaffDay_ReadCounts", counters), counters, cancellationToken: cancellationToken))
            : await QueryCasesAsync<StaffRoleCountRow>(connection, "Case_ReadCountsByStaffRole",
                CaseFilterParameters.For(filter, scope, days) with { MistreatmentCategory = ClassificationCatalogue.Mistreatment }, cancellationToken);
        return rows.Select(r => new StaffRoleCount(r.StaffRole, r.Cases, r.Mistreatment)).ToArray();
    }

    public async Task<IReadOnlyList<StaffRoleDay>> ReadComplaintsPerStaffRoleDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        if (filter.OpenedFrom is not { } from || filter.OpenedTo is not { } to || to < from)
        {
            throw new ArgumentException("the series needs a period: OpenedFrom on or before OpenedTo", nameof(filter));
        }

        var complaints = filter with { Kind = CaseKind.Complaint };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = FromCounters(complaints, scope) is { } counters
            ? await connection.QueryAsync<StaffRoleDayRow>(new CommandDefinition(sql.For("ComplaintStaffDay_ReadPerDay", counters), counters, cancellationToken: cancellationToken))
            : await QueryCasesAsync<StaffRoleDayRow>(connection, "Case_ReadComplaintsPerStaffRoleDay", CaseFilterParameters.For(complaints, scope, days), cancellationToken);
        return rows.Select(r => new StaffRoleDay(r.StaffRole, CaseFilterParameters.ParseDay(r.Day), r.Complaints)).ToArray();
    }

    private Task<IEnumerable<T>> QueryCasesAsync<T>(System.Data.Common.DbConnection connection, string statement, CaseFilterParameters parameters, CancellationToken cancellationToken) =>
        connection.QueryAsync<T>(new CommandDefinition(sql.For(statement, parameters), parameters, cancellationToken: cancellationToken));

    /// <summary>
    /// The counters' parameters when they keep every dimension of <paramref name="filter"/> (complaints of a period, by
    /// region, unit and staff role); else null. Compared as a whole record, so a filter added later falls back to the cases.
    /// </summary>
    private CounterFilter? FromCounters(CaseFilter filter, ReadScope scope) =>
        !CountCases && filter is { OpenedFrom: { } from, OpenedTo: { } to }
            && filter with { RegionCode = null, UnitCode = null, StaffRole = null, OpenedFrom = null, OpenedTo = null } == Complaints
            ? new CounterFilter(scope.Institution, scope.RegionCode, scope.UnitCode, filter.RegionCode, filter.UnitCode, filter.StaffRole,
                CaseFilterParameters.Iso(from)!, CaseFilterParameters.Iso(to)!)
            : null;

    private static readonly CaseFilter Complaints = new() { Kind = CaseKind.Complaint };

    /// <summary>What <c>ComplaintStaffDays.sql</c> binds.</summary>
    private sealed record CounterFilter(string? ScopeInstitution, string? ScopeRegionCode, string? ScopeUnitCode,
        string? RegionCode, string? UnitCode, string? StaffRole, string OpenedFrom, string OpenedTo)
    {
        /// <summary>Whether the read is national: no institution, region or unit in the scope or the filter.</summary>
        public bool? AllRegions => ScopeInstitution is null && ScopeRegionCode is null && ScopeUnitCode is null && RegionCode is null && UnitCode is null ? true : null;
    }

    private sealed class StaffRoleDayRow
    {
        public string? StaffRole { get; set; }
        public string Day { get; set; } = "";
        public int Complaints { get; set; }
    }

    private sealed class StaffRoleCountRow
    {
        public string? StaffRole { get; set; }
        public int Cases { get; set; }
        public int Mistreatment { get; set; }
    }
}
