using Dapper;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;

namespace Dashboard.Data.Stores;

/// <summary>Perception survey results by hospital and round; a batch is stored in one transaction, all or none.</summary>
public sealed class SurveyStore(ConnectionFactory connections, SqlScripts sql) : ISurveyStore
{
    public async Task SaveAsync(IReadOnlyList<SurveyResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["SurveyResult_Upsert"], results.Select(r => new
        {
            r.UnitCode, RoundKey = r.Round.Key, r.Respondents, r.Satisfied, r.TratoDigno,
        }).ToArray(), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredSurveyResult>> ReadAsync(SurveyRound from, SurveyRound to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql["SurveyResult_ReadByRounds"], new
        {
            FromKey = from.Key, ToKey = to.Key, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
            RegionCode = regionCode, UnitCode = unitCode,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredSurveyResult(
            new SurveyResult(new SurveyRound(r.RoundKey / 10, r.RoundKey % 10), r.UnitCode, r.Respondents, r.Satisfied, r.TratoDigno), r.RegionCode, r.Institution)).ToArray();
    }

    private sealed class Row
    {
        public string UnitCode { get; set; } = "";
        public int RoundKey { get; set; }
        public int Respondents { get; set; }
        public int Satisfied { get; set; }
        public int TratoDigno { get; set; }
        public string RegionCode { get; set; } = "";
        public string Institution { get; set; } = "";
    }
}
