using System.Globalization;
using Dapper;
using Dashboard.Core.Staff;
using Dashboard.Core.Storage;
using Dashboard.Data.Reads;

namespace Dashboard.Data.Stores;

/// <summary>The staff roster with Buen Trato certifications and training attendance; a batch is stored in one transaction, all or none.</summary>
public sealed class StaffStore(ConnectionFactory connections, SqlScripts sql) : IStaffStore
{
    public async Task SaveAsync(IReadOnlyList<StaffRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Staff_Upsert"], records.Select(r => new
        {
            r.Member.UnitCode, r.Member.StaffNumber, r.Member.Name, r.Member.StaffRole, AgentId = string.IsNullOrEmpty(r.Member.AgentId) ? null : r.Member.AgentId,
        }).ToArray(), transaction, cancellationToken: cancellationToken));
        var certifications = records.Where(r => r.Certification is not null).Select(r => new
        {
            r.Member.UnitCode, r.Member.StaffNumber, CertifiedOn = Day(r.Certification!.CertifiedOn), ExpiresOn = Day(r.Certification.ExpiresOn),
        }).ToArray();
        if (certifications.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["StaffCertification_Upsert"], certifications, transaction, cancellationToken: cancellationToken));
        }

        var sessions = records.SelectMany(r => r.Sessions.Select(s => new { r.Member.UnitCode, r.Member.StaffNumber, Session = s })).ToArray();
        if (sessions.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["StaffTraining_Insert"], sessions, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredStaff>> ReadAsync(ReadScope scope, string? regionCode = null, string? unitCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql["Staff_ReadByScope"], new
        {
            ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, RegionCode = regionCode, UnitCode = unitCode,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredStaff(
            new StaffMember(r.UnitCode, r.StaffNumber, r.Name, r.StaffRole, r.AgentId),
            r.Institution,
            r.RegionCode,
            r.CertifiedOn is { } on && r.ExpiresOn is { } until ? new StaffCertification(CaseFilterParameters.ParseDay(on), CaseFilterParameters.ParseDay(until)) : null,
            r.Sessions is { Length: > 0 } s ? s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).Order().ToArray() : [])).ToArray();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string Institution { get; set; } = "";
        public string StaffNumber { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string Name { get; set; } = "";
        public string StaffRole { get; set; } = "";
        public string? AgentId { get; set; }
        public string? CertifiedOn { get; set; }
        public string? ExpiresOn { get; set; }
        public string? Sessions { get; set; }
    }
}
