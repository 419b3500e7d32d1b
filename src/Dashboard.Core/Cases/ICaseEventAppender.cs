using Dashboard.Core.Storage;

namespace Dashboard.Core.Cases;

/// <summary>
/// The durable half of the case-event service: the one writer of the event log and the case projection. Only
/// <see cref="CaseEventService"/> holds one (the data layer builds the service with its appender, and no container
/// hands the appender out), so every change of a case goes through the service's rules, order and live feed.
/// </summary>
public interface ICaseEventAppender
{
    /// <summary>
    /// Group commit: appends several batches in one transaction. Each batch is atomic on its own (every event is
    /// checked against its case's rules, replays are answered as duplicates, and a batch that fails stores nothing
    /// and leaves no gap in the sequence); the batches that pass commit together, in order.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// The SLA sweep's append: in one transaction, reads the cases whose next deadline is at or before
    /// <paramref name="now"/> (at most <paramref name="limit"/>, earliest first), asks <paramref name="plan"/> for
    /// each one's events and appends them, each case's events atomic on their own. Reading under the writer's lock
    /// means the plan sees exactly the state its events apply to, so nothing is read twice.
    /// </summary>
    Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<EncodedEvent>> plan, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default);
}
