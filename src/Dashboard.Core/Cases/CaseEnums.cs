namespace Dashboard.Core.Cases;

public enum CaseKind
{
    Complaint,
    Request,
    Orientation,
    Suggestion,
    Compliment,
}

public enum Channel
{
    Module,
    CallCenter,
    Web,
    Mailbox,
    Survey,
    Brigade,
    SocialMedia,
    Telemedicine,
}

public enum Priority
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>New → Assigned → (Paused ⇄ Assigned) → Resolved → Closed; Reopened returns to Assigned.</summary>
public enum CaseStatus
{
    New,
    Assigned,
    Paused,
    Resolved,
    Closed,
}

public enum PauseReason
{
    AwaitingInsured,
    AwaitingInformation,
    ThirdParty,
}

public enum CaseEventType
{
    CaseOpened,
    CaseAssigned,
    CaseReclassified,
    CasePaused,
    CaseResumed,
    NoteAdded,
    CaseEscalated,
    CaseResolved,
    CaseClosed,
    CaseReopened,
    SlaWarning,
    SlaBreached,
    SlaBreachWithdrawn,
    CaseImpactFlagged,
}

public static class CaseStatusExtensions
{
    /// <summary>Open means somebody still owes the insured person an answer.</summary>
    public static bool IsOpen(this CaseStatus status) => status is CaseStatus.New or CaseStatus.Assigned or CaseStatus.Paused;
}

public static class CaseEventTypeExtensions
{
    /// <summary>Events only Tablero itself records (its SLA sweep); the ingestion API refuses them from sources.</summary>
    public static bool IsSystemOnly(this CaseEventType type) => type is CaseEventType.SlaWarning or CaseEventType.SlaBreached or CaseEventType.SlaBreachWithdrawn;
}
