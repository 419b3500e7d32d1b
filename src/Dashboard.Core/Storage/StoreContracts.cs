using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Storage;

/// <summary>
/// An event as stored: its place in the gap-free global sequence, and the board-relevant state of its case
/// right after it (so a catch-up replays exactly what the live feed showed, without reading the case again).
/// </summary>
public sealed record StoredCaseEvent(
    long Sequence,
    Guid EventId,
    string CaseId,
    CaseEventType Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string UnitCode,
    string RegionCode,
    CaseStatus Status,
    bool Complex,
    Priority Priority,
    int EscalationLevel,
    string DataJson,
    CaseActor? Actor = null);

/// <summary>One event's answer: stored now, or already stored earlier with the same content; <c>Note</c> says what a late arrival did.</summary>
public sealed record AppendedEvent(Guid EventId, long Sequence, bool Duplicate, string? Note = null);

public enum AppendOutcome
{
    Committed,
    /// <summary>An eventId is already stored with different content (409).</summary>
    Conflict,
    /// <summary>A case rule is broken (422).</summary>
    Rejected,
}

public sealed record AppendResult(
    AppendOutcome Outcome,
    IReadOnlyList<AppendedEvent> Results,
    IReadOnlyList<StoredCaseEvent> NewEvents,
    int FailedIndex = -1,
    string? Reason = null)
{
    public static AppendResult Failed(AppendOutcome outcome, int index, string reason) => new(outcome, [], [], index, reason);
}

/// <summary>What one due-case append did: how many due cases it read, and the outcome of each case's planned events.</summary>
public sealed record DueAppendResult(int DueCases, IReadOnlyList<AppendResult> Results);

public interface ICatalogueStore
{
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or updates every row of the snapshot in one transaction.</summary>
    Task UpsertAsync(CatalogueSnapshot catalogue, CancellationToken cancellationToken = default);

    Task<CatalogueSnapshot> ReadAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The event log, read-only: what pages, the hub, the API and jobs receive. Appending is the case-event service's
/// alone (<see cref="ICaseEventAppender"/>, which no container hands out).
/// </summary>
public interface ICaseEventLog
{
    /// <summary>The committed end of the log: the last sequence given to an event.</summary>
    Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>The catch-up feed: events after a sequence, in order, within the scope.</summary>
    Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// For jobs that follow the log (alerts): events of one type after a sequence, at most <paramref name="limit"/>, and
    /// how far the log was read — past the last match when fewer came back, so a quiet type still moves the reader on.
    /// </summary>
    Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default);
}

/// <summary>The days off administrators add to a country's holidays (by the country's name in the profiles: "Mexico", "Peru").</summary>
public interface IHolidayStore
{
    Task<IReadOnlyList<(string Country, Holiday Day)>> ReadAllAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(string country, Holiday day, CancellationToken cancellationToken = default);

    /// <summary>False when there was no such extra day.</summary>
    Task<bool> DeleteAsync(string country, DateOnly date, CancellationToken cancellationToken = default);
}

/// <summary>
/// One imported history file: when its import began, the log's end then, how many of its lines are stored, and the
/// log's end when it finished (null while it runs or after an interruption).
/// </summary>
public sealed record HistoryImportRecord(string Source, DateTimeOffset StartedAt, long AfterSequence, long LinesDone, long? LastSequence, DateTimeOffset? CompletedAt)
{
    /// <summary>
    /// Whether an escalation stored at <paramref name="sequence"/> that became due at <paramref name="dueAt"/> is this
    /// import's history: appended while it ran, and due before it began. Nobody is alerted about those.
    /// </summary>
    public bool IsHistory(long sequence, DateTimeOffset dueAt) =>
        sequence > AfterSequence && (LastSequence is not { } last || sequence <= last) && dueAt < StartedAt;
}

/// <summary>The history imports' progress (resume without duplicates) and the ranges of the log they wrote.</summary>
public interface IHistoryImportStore
{
    Task<IReadOnlyList<HistoryImportRecord>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The import of <paramref name="source"/>: the one begun earlier when there is one (a resume), else a new one.</summary>
    Task<HistoryImportRecord> BeginAsync(string source, DateTimeOffset startedAt, long afterSequence, CancellationToken cancellationToken = default);

    Task SetLinesDoneAsync(string source, long linesDone, CancellationToken cancellationToken = default);

    Task MarkCompletedAsync(string source, long lastSequence, DateTimeOffset completedAt, CancellationToken cancellationToken = default);
}

/// <summary>Small values the Development demo keeps with its database (the demo wall token).</summary>
public interface IDemoSettingsStore
{
    Task<string?> ReadAsync(string name, CancellationToken cancellationToken = default);

    Task WriteAsync(string name, string value, CancellationToken cancellationToken = default);
}
