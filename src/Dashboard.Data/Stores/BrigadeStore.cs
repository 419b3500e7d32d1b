using System.Globalization;
using Dapper;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Brigades and their findings, written together; every read filters by the caller's scope in SQL.</summary>
public sealed class BrigadeStore(ConnectionFactory connections, SqlScripts sql) : IBrigadeStore
{
    public async Task InsertAsync(Brigade brigade, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(brigade);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Brigade_Insert"], new
        {
            brigade.Id, Institution = brigade.Institution.Code, brigade.RegionCode, brigade.UnitCode, VisitedOn = Day(brigade.VisitedOn),
            Members = string.Join('\n', brigade.Members), Areas = string.Join('\n', brigade.Areas), brigade.CreatedAt, brigade.CreatedBy,
        }, transaction, cancellationToken: cancellationToken));
        foreach (var f in brigade.Findings)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["BrigadeFinding_Insert"], new { f.Id, BrigadeId = brigade.Id, f.Category, f.StaffRole, f.Text }, transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Brigade?> ReadByIdAsync(Guid id, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BrigadeRow>(new CommandDefinition(sql["Brigade_ReadById"], new
        {
            Id = id, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
        }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var findings = await connection.QueryAsync<FindingRow>(new CommandDefinition(sql["BrigadeFinding_ReadByBrigade"], new { Id = id }, cancellationToken: cancellationToken));
        return row.ToBrigade([.. findings.Select(f => f.ToFinding())]);
    }

    public async Task<IReadOnlyList<Brigade>> ReadAsync(ReadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new { From = Day(from), To = Day(to), ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BrigadeRow>(new CommandDefinition(sql["Brigade_ReadVisited"], parameters, cancellationToken: cancellationToken));
        var findings = (await connection.QueryAsync<FindingRow>(new CommandDefinition(sql["BrigadeFinding_ReadVisited"], parameters, cancellationToken: cancellationToken)))
            .ToLookup(f => f.BrigadeId, f => f.ToFinding());
        return [.. rows.Select(r => r.ToBrigade([.. findings[r.Id]]))];
    }

    public async Task<IReadOnlyList<(Brigade Brigade, BrigadeFinding Finding)>> ReadOpenFindingsAsync(ReadScope scope, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var findings = (await connection.QueryAsync<FindingRow>(new CommandDefinition(sql["BrigadeFinding_ReadOpen"], new
        {
            Max = max, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
        }, cancellationToken: cancellationToken))).ToArray();
        var brigades = new Dictionary<Guid, Brigade>();
        foreach (var id in findings.Select(f => f.BrigadeId).Distinct())
        {
            if (await ReadByIdAsync(id, scope, cancellationToken) is { } brigade)
            {
                brigades[id] = brigade;
            }
        }

        return [.. findings.Where(f => brigades.ContainsKey(f.BrigadeId)).Select(f => (brigades[f.BrigadeId], f.ToFinding()))];
    }

    public async Task<IReadOnlyList<BrigadeFinding>> ReadByAgreementAsync(Guid agreementId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<FindingRow>(new CommandDefinition(sql["BrigadeFinding_ReadByAgreement"], new { AgreementId = agreementId },
            cancellationToken: cancellationToken))).Select(f => f.ToFinding())];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class BrigadeRow
    {
        public Guid Id { get; set; }
        public string Institution { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string VisitedOn { get; set; } = "";
        public string Members { get; set; } = "";
        public string Areas { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";

        public Brigade ToBrigade(IReadOnlyList<BrigadeFinding> findings) =>
            new(Id, new Institution(Institution), RegionCode, UnitCode, DateOnly.ParseExact(VisitedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Members.Split('\n', StringSplitOptions.RemoveEmptyEntries), Areas.Split('\n', StringSplitOptions.RemoveEmptyEntries), CreatedAt, CreatedBy)
            { Findings = findings };
    }

    private sealed class FindingRow
    {
        public Guid Id { get; set; }
        public Guid BrigadeId { get; set; }
        public string Category { get; set; } = "";
        public string? StaffRole { get; set; }
        public string Text { get; set; } = "";
        public Guid? AgreementId { get; set; }

        public BrigadeFinding ToFinding() => new(Id, BrigadeId, Category, StaffRole, Text, AgreementId);
    }
}
