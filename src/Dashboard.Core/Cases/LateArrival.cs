using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>One stored event of a case, and whether Tablero made it (the sweep's warnings, breaches, escalations, withdrawals).</summary>
public sealed record CaseHistoryEvent(CaseEvent Event, bool ByTablero);

/// <summary>
/// Clocks follow when things happened, not when they arrived. An event that occurred before the case's latest change
/// (a module on a poor connection, a source that sends in batches) is placed where it belongs: the case is played again
/// from its first event in <c>occurredAt</c> order, the sweep's events re-derived at their own instants; a breach that
/// no longer stands is withdrawn by an event of its own (its escalations stood down), and one that now stands is added.
/// Pure: the same history, event and instant give the same result, so a retry stores the same events.
/// </summary>
public static class LateArrival
{
    /// <summary>Whether <paramref name="e"/> occurred before what the case already shows (and is not the sweep's own).</summary>
    /// <remarks>Lateness is against the case's latest change, the sweep's included: a breach recorded at 11:00 makes an assignment of 10:30 late.</remarks>
    public static bool IsLate(CaseState? current, CaseEvent e) => IsLate(current?.UpdatedAt, e);

    /// <summary>As <see cref="IsLate(CaseState?, CaseEvent)"/>, against the latest change known so far (none: a new case).</summary>
    public static bool IsLate(DateTimeOffset? latest, CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return latest is { } last && !e.Type.IsSystemOnly() && e.Actor != CaseActor.SlaSweep && e.OccurredAt < last;
    }

    /// <summary>The case after late events, and the events to store for them: the arriving events first, then the sweep's.</summary>
    public sealed record Outcome(CaseState? State, IReadOnlyList<CaseEvent> Events, string? Rejection)
    {
        public bool IsAccepted => Rejection is null;
    }

    /// <summary>
    /// Places a case's arriving events (one late event, or a backlog sent together: a pause and the resume after it
    /// must arrive as one, since neither fits without the other) among its stored ones, in the order they occurred.
    /// </summary>
    public static Outcome Place(IReadOnlyList<CaseHistoryEvent> history, IReadOnlyList<CaseEvent> arriving, DateTimeOffset now, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(arriving);
        ArgumentNullException.ThrowIfNull(context);
        var late = arriving.MinBy(e => e.OccurredAt) ?? throw new ArgumentException("nothing arrives", nameof(arriving));

        // The people's and sources' events in the order they happened (ties keep their stored order; arriving ones last).
        var sources = history.Where(h => !h.ByTablero).Select(h => h.Event).Concat(arriving)
            .Select((e, i) => (e, i)).OrderBy(x => x.e.OccurredAt).ThenBy(x => x.i).Select(x => x.e).ToArray();
        var derived = new List<CaseEvent>();
        CaseState? state = null;
        foreach (var e in sources)
        {
            if (state is not null)
            {
                state = Due(state, e.OccurredAt.AddTicks(-1), context, derived);
            }

            var decision = CaseRules.Apply(state, e, context);
            if (!decision.IsAccepted)
            {
                return new Outcome(null, [], arriving.Contains(e)
                    ? $"{e.Type} occurred at {e.OccurredAt:O}, before what the case already shows, and there: {decision.Rejection}"
                    : $"placed when it occurred ({late.OccurredAt:O}), it would make the stored {e.Type} of {e.OccurredAt:O} illegal: {decision.Rejection}");
            }

            state = decision.Next!;
        }

        state = Due(state!, now, context, derived);

        var stored = history.Where(h => h.ByTablero).Select(h => h.Event).ToArray();
        var storedIds = stored.Select(e => e.EventId).ToHashSet();
        var derivedIds = derived.Select(e => e.EventId).ToHashSet();
        var alreadyWithdrawn = stored.Select(e => e.Data).OfType<SlaBreachWithdrawnData>().Select(w => w.BreachEventId).ToHashSet();
        var events = new List<CaseEvent>(arriving);
        events.AddRange(derived.Where(e => !storedIds.Contains(e.EventId)).Select(e => e with { Actor = CaseActor.SlaSweep }));
        foreach (var breach in stored.Where(e => e.Data is SlaBreachedData && !derivedIds.Contains(e.EventId) && !alreadyWithdrawn.Contains(e.EventId)))
        {
            var data = (SlaBreachedData)breach.Data;
            var withdrawal = new CaseEvent(SlaSweep.DeterministicId(now, $"{breach.EventId:N}|withdrawn|{late.EventId:N}"), late.CaseId, now,
                new SlaBreachWithdrawnData(data.Clock, data.DueAt, breach.EventId, late.EventId, late.Type, late.OccurredAt, state.EscalationLevel)) { Actor = CaseActor.SlaSweep };
            state = CaseRules.Apply(state, withdrawal, context).Next!;
            events.Add(withdrawal);
        }

        return new Outcome(state, events, null);
    }

    private static CaseState Due(CaseState state, DateTimeOffset until, CaseContext context, List<CaseEvent> derived)
    {
        var (after, due) = SlaSweep.DueThrough(state, until, context);
        derived.AddRange(due);
        return after;
    }
}
