using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>One case by its id, the SLA sweep's due cases, and the API's counts.</summary>
public interface ICaseReader
{
    Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// The SLA sweep's read, for the whole system: open cases whose next deadline is at or before
    /// <paramref name="now"/>, earliest first.
    /// </summary>
    Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Counts of the cases within the scope, optionally narrowed to a region or unit.</summary>
    Task<CaseSummary> ReadSummaryAsync(string? regionCode, string? unitCode, ReadScope scope, CancellationToken cancellationToken = default);
}

/// <summary>
/// Case counts within a scope: every status (open and closed alike), and for open cases how many are complex and
/// at each escalation level (0 unit … 3 central committee).
/// </summary>
public sealed record CaseSummary(
    int Open,
    int OpenComplex,
    IReadOnlyDictionary<CaseStatus, int> ByStatus,
    IReadOnlyDictionary<int, int> ByEscalationLevel)
{
    public const int MaxEscalationLevel = 3;
}
