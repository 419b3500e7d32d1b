using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>
/// Every case of a list query, for an export: in opening order (oldest first, then case id), read a page at a time so
/// a year of a large OOAD streams through memory instead of being held in it. The query's page, size and order are
/// ignored; its filters and state filters apply, narrowing the scope as everywhere.
/// </summary>
public interface ICaseExportReader
{
    IAsyncEnumerable<CaseState> ReadAllAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default);
}
