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

/// <summary>
/// An agreement (acuerdo) of a committee's session, owned by a unit that must carry it out by a date, followed up to
/// the end with notes and evidence.
/// </summary>
public sealed record Agreement(
    Guid Id,
    string CommitteeCode,
    Guid SessionId,
    AgreementType Type,
    string Text,
    string OwnerUnitCode,
    DateOnly DueOn,
    AgreementStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public bool IsOpen => Status is AgreementStatus.Pending or AgreementStatus.InProgress;

    /// <summary>Still open after its date, on the owner's own <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;
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
        return !agreement.IsOpen ? "AgreementClosed"
            : to == AgreementStatus.Pending ? "AgreementBackwards"
            : string.IsNullOrWhiteSpace(note) ? (to == AgreementStatus.Cancelled ? "CancelReasonRequired" : "EvidenceRequired")
            : note.Length > MaxTextLength ? "NoteTooLong"
            : null;
    }
}

/// <summary>Agreements and their follow-up.</summary>
public interface IAgreementStore
{
    Task InsertAsync(Agreement agreement, CancellationToken cancellationToken = default);

    Task<Agreement?> ReadByIdAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Agreement>> ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken = default);

    /// <summary>A unit's agreements, of every committee.</summary>
    Task<IReadOnlyList<Agreement>> ReadByUnitAsync(string unitCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgreementNote>> ReadNotesAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Moves an open agreement and keeps the note, together; false when it was no longer open.</summary>
    Task<bool> MoveAsync(AgreementNote note, CancellationToken cancellationToken = default);
}
