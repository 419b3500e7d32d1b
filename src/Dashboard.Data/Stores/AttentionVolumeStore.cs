using System.Globalization;
using Dapper;
using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Attention volumes by unit and month; a batch is stored in one transaction, all or none.</summary>
public sealed class AttentionVolumeStore(ConnectionFactory connections, SqlScripts sql) : IAttentionVolumeStore
{
    public async Task SaveAsync(IReadOnlyList<AttentionVolume> volumes, string importedBy, DateTimeOffset importedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["AttentionVolume_Upsert"], volumes.Select(v => new
        {
            v.UnitCode, Month = Day(v.Month), v.Attentions, ImportedAt = importedAt, ImportedBy = importedBy,
        }).ToArray(), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredAttentionVolume>> ReadAsync(DateOnly from, DateOnly to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql["AttentionVolume_ReadByMonths"], new
        {
            FromMonth = Day(new DateOnly(from.Year, from.Month, 1)), ToMonth = Day(new DateOnly(to.Year, to.Month, 1)),
            ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, RegionCode = regionCode, UnitCode = unitCode,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredAttentionVolume(
            new AttentionVolume(r.UnitCode, DateOnly.ParseExact(r.Month, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Attentions),
            r.RegionCode, r.Institution, r.ImportedAt, r.ImportedBy)).ToArray();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string UnitCode { get; set; } = "";
        public string Month { get; set; } = "";
        public int Attentions { get; set; }
        public string RegionCode { get; set; } = "";
        public string Institution { get; set; } = "";
        public DateTimeOffset ImportedAt { get; set; }
        public string ImportedBy { get; set; } = "";
    }
}
