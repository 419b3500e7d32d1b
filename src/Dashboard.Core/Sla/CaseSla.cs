namespace Dashboard.Core.Sla;

/// <summary>
/// One clock of a case: when it is due, when it warns (the policy's percentage of the target), and what happened.
/// A clock runs until it is met or breached; a breach is never undone by meeting it late.
/// </summary>
public sealed record SlaClock(
    DateTimeOffset DueAt,
    DateTimeOffset? WarnAt,
    DateTimeOffset? WarnedAt = null,
    DateTimeOffset? MetAt = null,
    DateTimeOffset? BreachedAt = null)
{
    public bool IsRunning => MetAt is null && BreachedAt is null;

    /// <summary>The next instant the sweep must look at this clock: its warning if still ahead of it, else its deadline.</summary>
    public DateTimeOffset? PendingAt => !IsRunning ? null
        : WarnAt is { } warn && WarnedAt is null && warn < DueAt ? warn
        : DueAt;
}

/// <summary>
/// The case's SLA: the policy that set its clocks, the clocks, since when the resolution clock is paused, and the
/// next instant the sweep must look at the case (the indexed <c>next_deadline_utc</c>).
/// </summary>
public sealed record CaseSla(
    string Policy,
    SlaClock? FirstResponse,
    SlaClock? Resolution,
    DateTimeOffset? PausedAt,
    SlaState State,
    DateTimeOffset? NextDeadlineAt = null)
{
    /// <summary>When the case first went past a deadline (the start of its escalation ladder), if it has.</summary>
    public DateTimeOffset? BreachedAt => (FirstResponse?.BreachedAt, Resolution?.BreachedAt) switch
    {
        ({ } a, { } b) => a < b ? a : b,
        (var a, var b) => a ?? b,
    };

    public SlaClock? Clock(SlaClockKind kind) => kind == SlaClockKind.FirstResponse ? FirstResponse : Resolution;

    public CaseSla With(SlaClockKind kind, SlaClock? clock) =>
        kind == SlaClockKind.FirstResponse ? this with { FirstResponse = clock } : this with { Resolution = clock };

    /// <summary>Whether the sweep should watch this clock now: running, and (for resolution) not paused.</summary>
    public bool IsTicking(SlaClockKind kind) =>
        Clock(kind) is { IsRunning: true } && (kind == SlaClockKind.FirstResponse || PausedAt is null);
}
