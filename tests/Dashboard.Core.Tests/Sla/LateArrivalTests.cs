using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using static Dashboard.Core.Tests.Sla.SlaFixtures;

namespace Dashboard.Core.Tests.Sla;

/// <summary>
/// Clocks follow when things happened: thousands of random cases whose events arrive in random order, late, after the
/// sweep has run, end with exactly the clocks, status and escalation of the same events played in the order they occurred.
/// </summary>
public sealed class LateArrivalTests
{
    private const int Seed = 20261204;
    private const int CaseCount = 3000;

    [Fact]
    public void AnyArrivalOrder_EndsWithTheClocksOfTheOrderTheEventsOccurred()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var withdrawals = 0;
        for (var i = 0; i < CaseCount; i++)
        {
            var events = Generate(random, $"QJ-LATE-{i:D5}");
            var now = events[^1].OccurredAt.AddDays(20);
            var expected = InOrder(events, now);
            var (actual, withdrawn) = Arriving(events, random, now, Context);

            withdrawals += withdrawn;
            var difference = Differences(expected, actual);
            if (difference is not null && failures.Count < 5)
            {
                failures.Add($"{events[0].CaseId}: {difference}\n  events: {string.Join(", ", events.Select(e => $"{e.Type}@{e.OccurredAt:MM-dd HH:mm}"))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The corner the test is about was reached: breaches recorded and then withdrawn by a late event.
        Assert.True(withdrawals > 50, $"only {withdrawals} breaches withdrawn");
    }

    [Fact]
    public void LateAssignment_BeforeTheFirstResponseDeadline_WithdrawsTheBreachAndItsEscalation()
    {
        // A simple mistreatment complaint at 09:00; the sweep breaches its first response and escalates it to the
        // unit's director; then a CaseAssigned that occurred at 10:30, before the deadline, arrives.
        var opened = new DateTimeOffset(2026, 12, 1, 9, 0, 0, Cdmx);
        var open = Opened("QJ-LATE-A", Hgr, opened);
        var state = Play(open);
        var due = state.Sla!.FirstResponse!.DueAt;
        var (swept, sweepEvents) = Sweep(state, due.AddHours(3));
        Assert.Equal(1, swept.EscalationLevel);
        var history = new List<CaseHistoryEvent> { new(open, false) };
        history.AddRange(sweepEvents.Select(e => new CaseHistoryEvent(e, true)));
        var assigned = At("QJ-LATE-A", due.AddMinutes(-30), new CaseAssignedData("TAO-104233"));

        Assert.True(LateArrival.IsLate(swept, assigned));
        var outcome = LateArrival.Place(history, [assigned], due.AddHours(3), Context);

        Assert.True(outcome.IsAccepted, outcome.Rejection);
        Assert.Equal(assigned, outcome.Events[0]);
        var withdrawn = Assert.IsType<SlaBreachWithdrawnData>(Assert.Single(outcome.Events, e => e.Type == CaseEventType.SlaBreachWithdrawn).Data);
        Assert.Equal((SlaClockKind.FirstResponse, due, 0), (withdrawn.Clock, withdrawn.DueAt, withdrawn.EscalationLevel));
        Assert.Equal((CaseStatus.Assigned, 0, due.AddMinutes(-30)), (outcome.State!.Status, outcome.State.EscalationLevel, outcome.State.Sla!.FirstResponse!.MetAt));
        Assert.Null(outcome.State.Sla.FirstResponse.BreachedAt);
        Assert.NotEqual(SlaState.Breached, outcome.State.Sla.State);
    }

    [Fact]
    public void LateEvent_ThatWouldMakeAStoredOneIllegal_IsRefusedWithBoth()
    {
        var opened = new DateTimeOffset(2026, 12, 1, 9, 0, 0, Cdmx);
        var open = Opened("QJ-LATE-B", Hgr, opened, agentId: "TAO-1");
        var resolved = At("QJ-LATE-B", opened.AddHours(2), new CaseResolvedData("attended", "Se atendió."));
        var closed = At("QJ-LATE-B", opened.AddHours(3), new CaseClosedData(5));
        var lateNote = At("QJ-LATE-B", opened.AddHours(1), new CasePausedData(PauseReason.AwaitingInsured));
        var history = new[] { open, resolved, closed }.Select(e => new CaseHistoryEvent(e, false)).ToArray();

        // Paused at 10:00, then resolved at 11:00 while paused: not a move the rules allow.
        var outcome = LateArrival.Place(history, [lateNote], opened.AddHours(4), Context);

        Assert.False(outcome.IsAccepted);
        Assert.Contains("CaseResolved", outcome.Rejection, StringComparison.Ordinal);
    }

    /// <summary>A legal history: opened, then 3–9 changes hours or days apart, each allowed by the rules at its time.</summary>
    private static CaseEvent[] Generate(Random random, string caseId)
    {
        var at = new DateTimeOffset(2026, 1, 5, 7, 0, 0, Cdmx).AddMinutes(random.Next(0, 60 * 24 * 300));
        var unit = random.Next(3) switch { 0 => Hgr, 1 => Umf, _ => Rebagliati };
        var category = unit.Institution == Dashboard.Core.Catalogue.Institution.Imss ? (random.Next(2) == 0 ? "mistreatment" : "waiting-time") : "waiting-time";
        var events = new List<CaseEvent> { Opened(caseId, unit, at, complex: random.Next(3) == 0, priority: random.Next(10) == 0 ? Priority.Critical : Priority.Medium, category: category) };
        var state = Play(events[0]);
        var count = random.Next(3, 10);
        for (var attempts = 0; events.Count <= count && attempts < 50; attempts++)
        {
            at = at.AddMinutes(random.Next(5, 60 * 24 * 4));
            CaseEventData data = random.Next(8) switch
            {
                0 => new CaseAssignedData("TAO-" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture)),
                1 => new NoteAddedData("Se llamó al derechohabiente."),
                2 => new CasePausedData(PauseReason.AwaitingInsured),
                3 => new CaseResumedData(),
                4 => new CaseResolvedData("attended", "Se atendió."),
                5 => new CaseClosedData(4),
                6 => new CaseReopenedData("Persiste el problema."),
                _ => new CaseAssignedData("TAO-104233"),
            };
            var e = At(caseId, at, data);
            var decision = CaseRules.Apply(state, e, Context);
            if (decision.IsAccepted)
            {
                events.Add(e);
                state = decision.Next!;
            }
        }

        return [.. events];
    }

    /// <summary>The reference: every event played in the order it occurred, the sweep at each deadline on the way.</summary>
    private static CaseState InOrder(CaseEvent[] events, DateTimeOffset now)
    {
        var outcome = LateArrival.Place(events[..^1].Select(e => new CaseHistoryEvent(e, false)).ToArray(), [events[^1]], now, Context);
        Assert.True(outcome.IsAccepted, outcome.Rejection);
        return outcome.State!;
    }

    /// <summary>
    /// The events arrive at <paramref name="now"/>, the sweep having run through every deadline before: most one by one
    /// in the order they occurred, a random third held back (a module offline, a source's backlog) and sent afterwards
    /// as one batch in random order, with any the rules refused on the way (a resume whose pause is in the backlog).
    /// </summary>
    /// <summary>
    /// The events as a poor connection delivers them: about a third held back and sent at the end as one backlog in
    /// random order, the rest in order, the sweep run through <paramref name="now"/> before each arrival.
    /// </summary>
    internal static (CaseState State, int Withdrawn) Arriving(CaseEvent[] events, Random random, DateTimeOffset now, CaseContext context)
    {
        var held = events[1..].Where(_ => random.Next(3) == 0).ToList();
        var history = new List<CaseHistoryEvent>();
        CaseState? state = null;
        void SweepToNow()
        {
            if (state is not null)
            {
                var (swept, due) = SlaSweep.DueThrough(state, now, context);
                state = swept;
                history.AddRange(due.Select(e => new CaseHistoryEvent(e, true)));
            }
        }

        foreach (var e in events.Where(e => !held.Contains(e)))
        {
            SweepToNow();
            var outcome = LateArrival.IsLate(state, e) ? LateArrival.Place(history, [e], now, context) : null;
            var decision = outcome is null ? CaseRules.Apply(state, e, context) : null;
            if (outcome is { IsAccepted: true })
            {
                state = outcome.State;
                history.AddRange(outcome.Events.Select((x, i) => new CaseHistoryEvent(x, i > 0)));
            }
            else if (decision is { IsAccepted: true })
            {
                state = decision.Next;
                history.Add(new CaseHistoryEvent(e, false));
            }
            else
            {
                held.Add(e);
            }
        }

        var withdrawn = history.Count(h => h.Event.Type == CaseEventType.SlaBreachWithdrawn);
        if (held.Count > 0)
        {
            SweepToNow();
            var backlog = held.OrderBy(_ => random.Next()).ToArray();
            var outcome = LateArrival.Place(history, backlog, now, context);
            Assert.True(outcome.IsAccepted, outcome.Rejection);
            state = outcome.State;
            withdrawn += outcome.Events.Count(x => x.Type == CaseEventType.SlaBreachWithdrawn);
        }

        return (SlaSweep.DueThrough(state!, now, context).State, withdrawn);
    }

    private static string? Differences(CaseState expected, CaseState actual)
    {
        var a = (expected.Status, expected.EscalationLevel, expected.Sla);
        var b = (actual.Status, actual.EscalationLevel, actual.Sla);
        return a == b ? null : $"expected {a}\n  actual   {b}";
    }
}
