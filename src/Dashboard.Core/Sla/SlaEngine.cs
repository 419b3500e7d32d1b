using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Sla;

/// <summary>
/// Sets and moves a case's clocks as its events happen. Pure: the same events give the same deadlines, which is
/// what lets the sweep name its events deterministically and lets two sweeps agree.
/// </summary>
public sealed class SlaEngine(SlaCalendars calendars, EscalationLadder ladder, Func<Institution, SlaPolicySet>? policies = null)
{
    private readonly Func<Institution, SlaPolicySet> _policies = policies ?? SlaPolicySet.For;

    public SlaCalendars Calendars => calendars;

    public EscalationLadder Ladder => ladder;

    public SlaPolicy? PolicyFor(CaseState c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return _policies(c.Institution).Find(c.Kind, c.Priority, c.Complex);
    }

    /// <summary>The case's SLA after an accepted event (<paramref name="after"/> already carries the new status).</summary>
    public CaseSla? Advance(CaseState? before, CaseState after, CaseEvent e, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(e);
        var at = e.OccurredAt;
        if (before is null)
        {
            return Open(after, unit, at);
        }

        if (before.Sla is not { } sla)
        {
            return null;
        }

        sla = e.Data switch
        {
            CaseAssignedData or NoteAddedData => sla with { FirstResponse = Meet(sla.FirstResponse, at) },
            CaseReclassifiedData => Retarget(before, after, sla, unit, at),
            CasePausedData => sla with { PausedAt = at },
            CaseResumedData => Resume(after, sla, unit, at),
            CaseResolvedData => sla with { FirstResponse = Meet(sla.FirstResponse, at), Resolution = Meet(sla.Resolution, at), PausedAt = null },
            CaseReopenedData => Reopen(after, sla, unit, at),
            SlaWarningData w => sla.With(w.Clock, sla.Clock(w.Clock)! with { WarnedAt = at }),
            SlaBreachedData b => sla.With(b.Clock, sla.Clock(b.Clock)! with { BreachedAt = b.DueAt }),
            _ => sla,
        };
        return Settle(after, sla, unit);
    }

    /// <summary>The derived parts: the state the board shows and the next instant the sweep must look.</summary>
    private CaseSla Settle(CaseState after, CaseSla sla, Unit unit)
    {
        sla = sla with { State = StateOf(sla, after.Status) };
        return sla with { NextDeadlineAt = NextDeadline(after with { Sla = sla }, unit) };
    }

    /// <summary>Why an SLA event the sweep planned no longer applies (the case moved on meanwhile), or null if it does.</summary>
    public static string? Check(CaseState current, CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(e);
        var (kind, dueAt, warning) = e.Data switch
        {
            SlaWarningData w => (w.Clock, w.DueAt, true),
            SlaBreachedData b => (b.Clock, b.DueAt, false),
            _ => throw new ArgumentException("not an SLA event", nameof(e)),
        };

        var clock = current.Sla?.Clock(kind);
        if (clock is null || !current.Status.IsOpen() || !current.Sla!.IsTicking(kind))
        {
            return $"{e.Type} does not apply: the {kind} clock of case '{current.CaseId}' is not running";
        }

        if (clock.DueAt != dueAt)
        {
            return $"{e.Type} does not apply: the {kind} clock of case '{current.CaseId}' is now due at {clock.DueAt:O}";
        }

        var expected = warning ? clock.WarnAt : clock.DueAt;
        if (warning && clock.WarnedAt is not null || e.OccurredAt != expected)
        {
            return $"{e.Type} does not apply: case '{current.CaseId}' has no {kind} {(warning ? "warning" : "deadline")} at {e.OccurredAt:O}";
        }

        return null;
    }

    /// <summary>The next instant something is due for this case (warning, deadline or escalation step), or null.</summary>
    public DateTimeOffset? NextDeadline(CaseState c, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Sla is not { } sla || !c.Status.IsOpen())
        {
            return null;
        }

        DateTimeOffset? next = null;
        foreach (var kind in SlaClockKinds.All)
        {
            if (sla.IsTicking(kind))
            {
                next = Earliest(next, sla.Clock(kind)!.PendingAt);
            }
        }

        return Earliest(next, NextEscalation(c, unit)?.At);
    }

    /// <summary>The next rung of the ladder for a breached, open, unpaused case, if any is left.</summary>
    public (int Level, DateTimeOffset At)? NextEscalation(CaseState c, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Sla is not { BreachedAt: { } origin, PausedAt: null } || !c.Status.IsOpen())
        {
            return null;
        }

        // The earliest rung still above the case; of rungs due at the same time, the highest (a Critical case goes
        // straight to its start level, not through the ones below it).
        var step = ladder.StepsFor(c).Where(s => s.Level > c.EscalationLevel)
            .OrderBy(s => s.AfterBusinessDays).ThenByDescending(s => s.Level).FirstOrDefault();
        return step is null ? null : (step.Level, calendars.For(unit, TargetClock.BusinessDays).Add(origin, TimeSpan.FromDays(step.AfterBusinessDays)));
    }

    private CaseSla? Open(CaseState opened, Unit unit, DateTimeOffset at)
    {
        if (PolicyFor(opened) is not { } policy)
        {
            return null;
        }

        var firstResponse = Schedule(policy, SlaClockKind.FirstResponse, opened.Priority, unit, at);
        if (firstResponse is not null && opened.Status == CaseStatus.Assigned)
        {
            firstResponse = firstResponse with { MetAt = at };
        }

        return Settle(opened, new CaseSla(policy.Name, firstResponse, Schedule(policy, SlaClockKind.Resolution, opened.Priority, unit, at), null, SlaState.OnTrack), unit);
    }

    private CaseSla Reopen(CaseState after, CaseSla sla, Unit unit, DateTimeOffset at)
    {
        var policy = PolicyFor(after);
        return sla with
        {
            Policy = policy?.Name ?? sla.Policy,
            Resolution = policy is null ? null : Schedule(policy, SlaClockKind.Resolution, after.Priority, unit, at),
            PausedAt = null,
        };
    }

    /// <summary>Paused time does not count: the deadline moves by the working time the pause took.</summary>
    private CaseSla Resume(CaseState after, CaseSla sla, Unit unit, DateTimeOffset at)
    {
        if (sla is not { PausedAt: { } pausedAt, Resolution: { IsRunning: true } clock }
            || PolicyOf(after, sla)?.Resolution is not { } target)
        {
            return sla with { PausedAt = null };
        }

        var calendar = CalendarFor(target, after.Priority, unit);
        var due = Finish(target, calendar, calendar.Add(at, calendar.Measure(pausedAt, clock.DueAt)));
        var warn = clock is { WarnAt: { } w, WarnedAt: null } && w > pausedAt ? calendar.Add(at, calendar.Measure(pausedAt, w)) : clock.WarnAt;
        return sla with { Resolution = clock with { DueAt = due, WarnAt = warn }, PausedAt = null };
    }

    /// <summary>
    /// A new kind, priority or complexity may bring another policy: running clocks keep the time already used
    /// (measured on the old calendar) and get the rest of the new target.
    /// </summary>
    private CaseSla Retarget(CaseState before, CaseState after, CaseSla sla, Unit unit, DateTimeOffset at)
    {
        var policy = PolicyFor(after);
        if (policy is null || policy.Name == sla.Policy)
        {
            return sla;
        }

        var old = PolicyOf(before, sla);
        foreach (var kind in SlaClockKinds.All)
        {
            var clock = sla.Clock(kind);
            var from = kind == SlaClockKind.Resolution ? sla.PausedAt ?? at : at;
            if (clock is null)
            {
                var stillOwed = kind == SlaClockKind.Resolution || after.Status == CaseStatus.New;
                sla = sla.With(kind, stillOwed ? Schedule(policy, kind, after.Priority, unit, from) : null);
            }
            else if (clock.IsRunning && policy.Target(kind) is not { } target)
            {
                sla = sla.With(kind, null);
            }
            else if (clock.IsRunning && old?.Target(kind) is { } oldTarget)
            {
                var used = oldTarget.Duration - CalendarFor(oldTarget, before.Priority, unit).Measure(from, clock.DueAt);
                sla = sla.With(kind, Rest(policy, policy.Target(kind)!, clock, used, after.Priority, unit, from));
            }
        }

        return sla with { Policy = policy.Name };
    }

    private SlaClock Rest(SlaPolicy policy, SlaTarget target, SlaClock clock, TimeSpan used, Priority priority, Unit unit, DateTimeOffset from)
    {
        var calendar = CalendarFor(target, priority, unit);
        var left = target.Duration - used;
        var due = left > TimeSpan.Zero ? Finish(target, calendar, calendar.Add(from, left)) : from;
        var warnLeft = target.Duration * policy.WarningPercent / 100 - used;
        var warn = clock.WarnedAt is not null ? clock.WarnAt : warnLeft > TimeSpan.Zero ? calendar.Add(from, warnLeft) : from;
        return clock with { DueAt = due, WarnAt = warn };
    }

    private SlaClock? Schedule(SlaPolicy policy, SlaClockKind kind, Priority priority, Unit unit, DateTimeOffset from)
    {
        if (policy.Target(kind) is not { } target)
        {
            return null;
        }

        var calendar = CalendarFor(target, priority, unit);
        // A legal term counts whole days from the day after the start.
        var origin = target.Clock == TargetClock.BusinessDays ? calendar.StartOfLocalDay(calendar.LocalDate(from).AddDays(1)) : from;
        return new SlaClock(
            Finish(target, calendar, calendar.Add(origin, target.Duration)),
            calendar.Add(origin, target.Duration * policy.WarningPercent / 100));
    }

    /// <summary>Legal terms end at 23:59:59 local of their last day; other targets end when their time is used up.</summary>
    private static DateTimeOffset Finish(SlaTarget target, BusinessCalendar calendar, DateTimeOffset end) =>
        target.Clock != TargetClock.BusinessDays ? end
            : calendar.StartOfLocalDay(calendar.LocalDate(end.AddTicks(-1)).AddDays(1)).AddSeconds(-1);

    /// <summary>Critical cases run 24x7 whatever their policy says about business hours.</summary>
    private BusinessCalendar CalendarFor(SlaTarget target, Priority priority, Unit unit) =>
        calendars.For(unit, target.Clock == TargetClock.Business && priority == Priority.Critical ? TargetClock.Calendar : target.Clock);

    private SlaPolicy? PolicyOf(CaseState c, CaseSla sla) => _policies(c.Institution).Named(sla.Policy) ?? PolicyFor(c);

    private static SlaClock? Meet(SlaClock? clock, DateTimeOffset at) => clock is { MetAt: null } ? clock with { MetAt = at } : clock;

    public static SlaState StateOf(CaseSla sla, CaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (sla.BreachedAt is not null)
        {
            return SlaState.Breached;
        }

        if (!status.IsOpen())
        {
            return SlaState.Met;
        }

        if (sla.PausedAt is not null)
        {
            return SlaState.Paused;
        }

        return SlaClockKinds.All.Any(k => sla.IsTicking(k) && sla.Clock(k)!.WarnedAt is not null) ? SlaState.AtRisk : SlaState.OnTrack;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
