using Dapper;
using Dashboard.Core.Access;

namespace Dashboard.Data.Stores;

public sealed class PersonalDataPurge(ConnectionFactory connections, SqlScripts sql) : IPersonalDataPurge
{
    public async Task<IReadOnlyList<string>> PurgePersonalDataAsync(DateTimeOffset closedBefore, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(sql["Case_ReadPurgeable"], new { ClosedBefore = closedBefore, Limit = limit },
            cancellationToken: cancellationToken))).ToArray();
        var purged = new List<string>(ids.Length);
        foreach (var caseId in ids)
        {
            // The case and its events together: never an erased case whose log still names the person.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // A case reopened since it was read is open again and keeps its data.
            if (await connection.ExecuteAsync(new CommandDefinition(sql["Case_PurgePersonalData"], new { CaseId = caseId, Now = now, Erased = "" }, transaction, cancellationToken: cancellationToken)) == 1)
            {
                await connection.ExecuteAsync(new CommandDefinition(sql["CaseEvent_PurgePersonalData"], new { CaseId = caseId, Erased = "" }, transaction, cancellationToken: cancellationToken));
                purged.Add(caseId);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return purged;
    }
}
