using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Tests.Components;

/// <summary>An event log for component tests: the events given, read after a sequence within a scope; appends fail the test.</summary>
public sealed class EventLogStub(params StoredCaseEvent[] events) : ICaseEventStore
{
    public Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(events.Select(e => e.Sequence).DefaultIfEmpty().Max());

    public Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredCaseEvent>>(events
            .Where(e => e.Sequence > afterSequence && (scope.Level == ScopeLevel.All || e.RegionCode == scope.Code || e.UnitCode == scope.Code))
            .OrderBy(e => e.Sequence).Take(limit).ToArray());

    public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("component tests do not append");

    public Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<EncodedEvent>> plan, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("component tests do not append");

    public Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
