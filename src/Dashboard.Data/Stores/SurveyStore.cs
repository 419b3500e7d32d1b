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
        // A result's answers are replaced with it: the old ones go, the new ones (if any) come, in the same transaction.
        await connection.ExecuteAsync(new CommandDefinition(sql["SurveyAnswer_DeleteByResult"], results.Select(r => new
        {
            r.UnitCode, RoundKey = r.Round.Key,
        }).ToArray(), transaction, cancellationToken: cancellationToken));
        var answers = results.SelectMany(r => r.Answers.Select(a => new
        {
            r.UnitCode, RoundKey = r.Round.Key, a.Question, a.Answer, Answers = a.Count,
        })).ToArray();
        if (answers.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["SurveyAnswer_Insert"], answers, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredSurveyResult>> ReadAsync(SurveyRound from, SurveyRound to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        bool withAnswers = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new
        {
            FromKey = from.Key, ToKey = to.Key, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
            RegionCode = regionCode, UnitCode = unitCode,
        };
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql["SurveyResult_ReadByRounds"], parameters, cancellationToken: cancellationToken));
        var answers = (withAnswers
            ? await connection.QueryAsync<AnswerRow>(new CommandDefinition(sql["SurveyAnswer_ReadByRounds"], parameters, cancellationToken: cancellationToken))
            : []).ToLookup(a => (a.UnitCode, a.RoundKey));
        return rows.Select(r =>
        {
            var own = answers[(r.UnitCode, r.RoundKey)].Select(a => new SurveyAnswer(a.Question, a.Answer, a.Answers)).ToArray();
            return new StoredSurveyResult(
                new SurveyResult(new SurveyRound(r.RoundKey / 10, r.RoundKey % 10), r.UnitCode, r.Respondents, r.Satisfied, r.TratoDigno)
                {
                    Answers = own.Length == 0 ? Array.Empty<SurveyAnswer>() : own,
                },
                r.RegionCode, r.Institution);
        }).ToArray();
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

    private sealed class AnswerRow
    {
        public string UnitCode { get; set; } = "";
        public int RoundKey { get; set; }
        public string Question { get; set; } = "";
        public string Answer { get; set; } = "";
        public int Answers { get; set; }
    }
}
