using Dapper;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Committees and their members; kinds and roles travel as their names.</summary>
public sealed class CommitteeStore(ConnectionFactory connections, SqlScripts sql) : ICommitteeStore
{
    public async Task SyncAsync(IReadOnlyList<Committee> committees, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(committees);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Committee_Upsert"], committees.Select(c => new
        {
            c.Code, Institution = c.Institution.Code, Kind = c.Kind.ToString(), c.RegionCode, c.UnitCode, c.Name,
        }).ToArray(), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Committee>> ReadAllAsync(ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // Institutions in their profiles' order (IMSS before EsSalud as shipped); within one, as the statement orders them.
        return (await QueryAsync<CommitteeRow>("Committee_ReadAll", Scoped(scope, null), cancellationToken)).Select(r => r.ToModel())
            .OrderBy(c => c.Institution).ToArray();
    }

    public async Task<Committee?> ReadByCodeAsync(string code, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (await QueryAsync<CommitteeRow>("Committee_ReadByCode", Scoped(scope, code), cancellationToken)).FirstOrDefault()?.ToModel();
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadEmailsAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync<CommitteeRow>("Committee_ReadEmails", null, cancellationToken)).ToDictionary(r => r.Code, r => r.Email!, StringComparer.Ordinal);

    public async Task<IReadOnlyList<CommitteeMember>> ReadMembersAsync(string code, CancellationToken cancellationToken = default) =>
        (await QueryAsync<MemberRow>("CommitteeMember_ReadByCommittee", new { Code = code }, cancellationToken))
            .Select(r => new CommitteeMember(r.CommitteeCode, r.UserId, r.UserName, r.DisplayName, Enum.Parse<CommitteeRole>(r.Role))).ToArray();

    public async Task<bool> SetEmailAsync(string code, string? email, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("Committee_SetEmail", new { Code = code, Email = email }, cancellationToken) == 1;

    public async Task<bool> SetMemberAsync(string code, Guid userId, CommitteeRole role, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("CommitteeMember_Upsert", new { Code = code, UserId = userId, Role = role.ToString() }, cancellationToken) == 1;

    public async Task<bool> RemoveMemberAsync(string code, Guid userId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("CommitteeMember_Delete", new { Code = code, UserId = userId }, cancellationToken) == 1;

    private static object Scoped(ReadScope scope, string? code) =>
        new { Code = code, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode };

    private async Task<IEnumerable<T>> QueryAsync<T>(string statement, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QueryAsync<T>(new CommandDefinition(sql[statement], parameters, cancellationToken: cancellationToken));
    }

    private async Task<int> ExecuteAsync(string statement, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql[statement], parameters, cancellationToken: cancellationToken));
    }

    private sealed class CommitteeRow
    {
        public string Code { get; set; } = "";
        public string Institution { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? RegionCode { get; set; }
        public string? UnitCode { get; set; }
        public string Name { get; set; } = "";
        public string? Email { get; set; }

        public Committee ToModel() => new(Code, new Institution(Institution), Enum.Parse<CommitteeKind>(Kind), RegionCode, UnitCode, Name, Email);
    }

    private sealed class MemberRow
    {
        public string CommitteeCode { get; set; } = "";
        public Guid UserId { get; set; }
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
    }
}
