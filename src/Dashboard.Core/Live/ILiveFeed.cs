using Dashboard.Core.Storage;

namespace Dashboard.Core.Live;

/// <summary>
/// The in-process stream of committed events. Pages and the hub subscribe; the case-event service publishes
/// after commit. Subscribers see only events inside their scope, in sequence order.
/// </summary>
public interface ILiveFeed
{
    /// <summary>The highest sequence published so far (0 before the first).</summary>
    long LastSequence { get; }

    void Publish(IReadOnlyList<LiveCaseEvent> events);

    /// <summary>
    /// The callback runs on the publisher's thread and must return quickly (hand off, mark dirty, throttle).
    /// Dispose the subscription to stop receiving.
    /// </summary>
    IDisposable Subscribe(ReadScope scope, Action<IReadOnlyList<LiveCaseEvent>> onEvents);
}
