using Dashboard.Core.Storage;

namespace Dashboard.Core.Committees;

/// <summary>What an agreement is for: to prevent, to correct, or to improve.</summary>
public enum AgreementType
{
    Preventive,
    Corrective,
    Improvement,
}

/// <summary>Where an agreement stands; overdue is not a state but a pending or in-progress one past its date.</summary>
public enum AgreementStatus
{
    Pending,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>Who must carry an agreement out.</summary>
public enum AgreementOwnerKind
{
    /// <summary>A unit (its director answers for it).</summary>
    Unit,

    /// <summary>An OOAD or Red.</summary>
    Region,

    /// <summary>A person, by user name.</summary>
    Person,

    /// <summary>Every OOAD/Red and UMAE committee of the institution: a central agreement issued to all, each following its own copy.</summary>
    Committees,
}

/// <summary>
/// An agreement (acuerdo) of a committee's session, owned by a unit, an OOAD/Red or a person that must carry it out by
/// a date, followed up to the end with notes and evidence. <see cref="Institution"/>, <see cref="RegionCode"/> and
/// <see cref="UnitCode"/> place it in a scope as a case is placed; <see cref="OverdueAfter"/> is the end of the due day
/// in the owner's own zone. A central agreement issued to every committee is the <see cref="ParentId"/> of their copies.
/// </summary>
public sealed record Agreement(
    Guid Id,
    string CommitteeCode,
    Guid SessionId,
    AgreementType Type,
    string Text,
    AgreementOwnerKind OwnerKind,
    string OwnerCode,
    DateOnly DueOn,
    AgreementStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public Guid? ParentId { get; init; }

    public string? Institution { get; init; }

    public string? RegionCode { get; init; }

    public string? UnitCode { get; init; }

    public DateTimeOffset OverdueAfter { get; init; }

    public bool IsOpen => Status is AgreementStatus.Pending or AgreementStatus.InProgress;

    /// <summary>Still open after the end of its due day in the owner's zone.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && now >= OverdueAfter;
}

/// <summary>A committee's agreements by where they stand: done, still open (and of those, overdue), cancelled.</summary>
public sealed record CommitteeAgreementCounts(string CommitteeCode, int Total, int Done, int Open, int Overdue, int Cancelled)
{
    /// <summary>Complied: every agreement done or cancelled (at least one done); overdue: any open past its day; else in progress.</summary>
    public CommitteeCompliance Compliance => Overdue > 0 ? CommitteeCompliance.Overdue
        : Open > 0 ? CommitteeCompliance.InProgress
        : Done > 0 ? CommitteeCompliance.Complied
        : CommitteeCompliance.NoAgreements;
}

/// <summary>Where a committee stands with its agreements.</summary>
public enum CommitteeCompliance
{
    NoAgreements,
    Complied,
    InProgress,
    Overdue,
}

/// <summary>One step of an agreement's follow-up: who moved it where, when, and the note or evidence given.</summary>
public sealed record AgreementNote(Guid AgreementId, DateTimeOffset At, string By, AgreementStatus Status, string Note);

/// <summary>How an agreement may move: to in progress or done while open (with a note), cancelled only with a reason.</summary>
public static class AgreementRules
{
    public const int MaxTextLength = 1000;

    /// <summary>Null when the move is allowed, else why not (a code for the page's words).</summary>
    public static string? WhyNot(Agreement agreement, AgreementStatus to, string? note)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.OwnerKind == AgreementOwnerKind.Committees ? "AgreementFollowedByEach"
            : !agreement.IsOpen ? "AgreementClosed"
            : to == AgreementStatus.Pending ? "AgreementBackwards"
            : string.IsNullOrWhiteSpace(note) ? (to == AgreementStatus.Cancelled ? "CancelReasonRequired" : "EvidenceRequired")
            : note.Length > MaxTextLength ? "NoteTooLong"
            : null;
    }
}

/// <summary>Agreements and their follow-up.</summary>
public interface IAgreementStore
{
    /// <summary>Writes the agreements (a central one with its copies), the cases behind them, and marks the brigade findings they turn into agreements, together.</summary>
    Task InsertAsync(IReadOnlyList<Agreement> agreements, IReadOnlyList<string> caseIds, IReadOnlyList<Guid> findingIds, CancellationToken cancellationToken = default);

    Task<Agreement?> ReadByIdAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Agreement>> ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken = default);

    /// <summary>A unit's agreements, of every committee.</summary>
    Task<IReadOnlyList<Agreement>> ReadByUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    /// <summary>The copies of a central agreement issued to every committee.</summary>
    Task<IReadOnlyList<Agreement>> ReadChildrenAsync(Guid parentId, CancellationToken cancellationToken = default);

    /// <summary>How many agreements of a scope are still open after their due day (the walls' figure).</summary>
    Task<int> ReadOverdueCountAsync(ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The agreements of a scope still open after their due day, oldest first (capped); and how many in all.</summary>
    Task<(IReadOnlyList<Agreement> Items, int Total)> ReadOverdueAsync(ReadScope scope, DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Overdue agreements whose owner has not been told yet, oldest first, for the alert job.</summary>
    Task<IReadOnlyList<Agreement>> ReadOverdueUnalertedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks the owner told; false when another instance did it first.</summary>
    Task<bool> MarkOverdueAlertedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>A scope's agreements recorded in a session held within the dates or due within them, for a report.</summary>
    Task<IReadOnlyList<Agreement>> ReadForPeriodAsync(ReadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Per committee of the scope, its agreements (central originals aside) by where they stand at <paramref name="now"/>: the central view of who complies.</summary>
    Task<IReadOnlyList<CommitteeAgreementCounts>> ReadCountsByCommitteeAsync(ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Ids of the cases that motivated an agreement.</summary>
    Task<IReadOnlyList<string>> ReadCasesAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgreementNote>> ReadNotesAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Moves an open agreement and keeps the note, together; false when it was no longer open.</summary>
    Task<bool> MoveAsync(AgreementNote note, CancellationToken cancellationToken = default);
}
