namespace Dashboard.Core.Committees;

/// <summary>What the secretary did with an agenda item: set a board item aside, added a topic of her own, or (at closing) held it.</summary>
public enum AgendaEntryState
{
    SetAside,
    Added,
    Held,
}

/// <summary>
/// One line of a session's curated agenda. The key says what it is (<c>case:</c>, <c>agreement:</c>, <c>unit:</c>,
/// <c>finding:</c>, <c>topic:</c>); the label is what the agenda shows, never personal data.
/// </summary>
public sealed record AgendaEntry(Guid SessionId, string ItemKey, AgendaEntryState State, string Label, string By, DateTimeOffset At, int Position = 0);

/// <summary>Agenda item keys, one place for their shape.</summary>
public static class AgendaKeys
{
    public const int MaxTopicLength = 300;

    public static string Case(string caseId) => $"case:{caseId}";

    public static string Agreement(Guid id) => $"agreement:{id:N}";

    public static string Unit(string unitCode) => $"unit:{unitCode}";

    /// <summary>A unit whose control chart shows a special cause of deterioration (apart from its month-over-month change).</summary>
    public static string Deterioration(string unitCode) => $"spc:{unitCode}";

    public static string Finding(Guid id) => $"finding:{id:N}";

    public static string Topic(Guid id) => $"topic:{id:N}";
}

/// <summary>A session's curation: what was set aside or added while it is prepared, and the agenda as held once closed.</summary>
public interface ISessionAgendaStore
{
    Task<IReadOnlyList<AgendaEntry>> ReadAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the entry (same session, key and state).</summary>
    Task SaveAsync(AgendaEntry entry, CancellationToken cancellationToken = default);

    /// <summary>False when there was no such entry.</summary>
    Task<bool> RemoveAsync(Guid sessionId, string itemKey, AgendaEntryState state, CancellationToken cancellationToken = default);
}
