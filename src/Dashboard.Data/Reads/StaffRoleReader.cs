using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>Cases per staff role for a filter and period.</summary>
public sealed class StaffRoleReader(ConnectionFactory connections, SqlScripts sql) : IStaffRoleReader
{
    public async Task<IReadOnlyList<StaffRoleCount>> ReadCountsByStaffRoleAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        if (filter.OpenedFrom is not { } from || filter.OpenedTo is not { } to || to < from)
        {
            throw new ArgumentException("the counts need a period: OpenedFrom on or before OpenedTo", nameof(filter));
        }

        var parameters = CaseFilterParameters.For(filter, scope, days) with { MistreatmentCategory = ClassificationCatalogue.Mistreatment };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffRoleCountRow>(new CommandDefinition(sql.For("Case_ReadCountsByStaffRole", parameters), parameters, cancellationToken: cancellationToken));
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

        var parameters = CaseFilterParameters.For(filter with { Kind = CaseKind.Complaint }, scope, days);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffRoleDayRow>(new CommandDefinition(sql.For("Case_ReadComplaintsPerStaffRoleDay", parameters), parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new StaffRoleDay(r.StaffRole, CaseFilterParameters.ParseDay(r.Day), r.Complaints)).ToArray();
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
