using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Tests;

/// <summary>
/// The event log and its appender side by side, for tests and benchmarks that set up history directly: in the
/// product only the case-event service holds the appender.
/// </summary>
public sealed class EventLogForTests(ConnectionFactory connections, SqlScripts sql) : ICaseEventLog, ICaseEventAppender
{
    private readonly CaseEventLog _log = new(connections, sql);
    private readonly CaseEventAppender _appender = new(connections, sql);

    /// <summary>Appends one batch on its own: a group of one.</summary>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<CaseEvent> events, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return (await AppendGroupAsync([events], recordedAt, context, cancellationToken))[0];
    }

    /// <summary>A group of batches not yet encoded.</summary>
    public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<CaseEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default) =>
        AppendGroupAsync(batches.Select(b => (IReadOnlyList<EncodedEvent>)b.Select(e => EncodedEvent.Of(e, CaseActor.Source("tests"))).ToArray()).ToArray(), recordedAt, context, cancellationToken);

    public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default) =>
        _appender.AppendGroupAsync(batches, recordedAt, context, cancellationToken);

    public Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<EncodedEvent>> plan, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default) =>
        _appender.AppendDueAsync(now, limit, plan, recordedAt, context, cancellationToken);

    public Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken = default) => _log.ReadLastSequenceAsync(cancellationToken);

    public Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default) =>
        _log.ReadAfterAsync(afterSequence, limit, scope, cancellationToken);

    public Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
        _log.ReadByCaseAsync(caseId, scope, cancellationToken);

    public Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default) =>
        _log.ReadOfTypeAfterAsync(afterSequence, type, limit, cancellationToken);
}
