using System.Runtime.CompilerServices;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Reads;

/// <summary>
/// Streams an export by keyset pages (<c>Case_ReadExportPage</c>): each page starts after the last case of the one
/// before, so the thousandth page costs what the first does, and a connection is held only while a page is read.
/// </summary>
public sealed class CaseExportReader(ConnectionFactory connections, SqlScripts sql) : ICaseExportReader
{
    /// <summary>Rows per page: big enough that round trips cost little, small enough that a page is a few megabytes.</summary>
    public int PageSize { get; init; } = 2_000;

    public async IAsyncEnumerable<CaseState> ReadAllAsync(CaseListQuery query, ReadScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = CaseFilterParameters.ForList(query, scope) with { Take = PageSize };
        // The first page starts at the period's earliest instant (or the beginning of time) after the empty id: always a
        // range on ix_cases_opened, which a "parameter IS NULL OR …" condition would keep the planner from using.
        parameters = parameters with { AfterOpenedUtc = parameters.OpenedFromUtc ?? DateTimeOffset.MinValue, AfterCaseId = "" };
        while (true)
        {
            IReadOnlyList<CaseRow> page;
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                page = [.. await CaseRow.QueryAsync(connection, new CommandDefinition(sql.For("Case_ReadExportPage", parameters), parameters, cancellationToken: cancellationToken))];
            }

            foreach (var row in page)
            {
                yield return row.ToState();
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            var last = page[^1];
            parameters = parameters with { AfterOpenedUtc = last.OpenedAt, AfterCaseId = last.CaseId };
        }
    }
}
