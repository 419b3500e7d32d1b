using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Tests.Components;

/// <summary>An event log for component tests: the events given, read after a sequence within a scope.</summary>
public sealed class EventLogStub(params StoredCaseEvent[] events) : ICaseEventLog
{
    public Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(events.Select(e => e.Sequence).DefaultIfEmpty().Max());

    public Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredCaseEvent>>(events
            .Where(e => e.Sequence > afterSequence && (scope.Level == ScopeLevel.All || e.RegionCode == scope.Code || e.UnitCode == scope.Code))
            .OrderBy(e => e.Sequence).Take(limit).ToArray());

    public Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
