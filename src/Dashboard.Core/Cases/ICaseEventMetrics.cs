namespace Dashboard.Core.Cases;

/// <summary>
/// What the case-event service reports about its work as it happens, for telemetry (the host's meters). Calls come from
/// the writer's loop: they must return at once.
/// </summary>
public interface ICaseEventMetrics
{
    /// <summary>One durable commit (a group of requests, or a sweep): how many events it stored and how long it took.</summary>
    void Committed(int events, TimeSpan took);

    /// <summary>Committed events handed to the live feed, <paramref name="afterCommit"/> after their commit ended.</summary>
    void Published(int events, TimeSpan afterCommit);

    /// <summary>One request answered: its sender's kind, how many events it held, and what became of them.</summary>
    void Answered(ActorKind by, int events, Storage.AppendResult result);
}
