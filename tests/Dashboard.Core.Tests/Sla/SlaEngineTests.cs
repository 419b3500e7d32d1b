using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using static Dashboard.Core.Tests.Sla.SlaFixtures;

namespace Dashboard.Core.Tests.Sla;

public sealed class SlaEngineTests
{
    [Fact]
    public void Opened_SimpleComplaintAtUmfOnFridayEvening_CountsOnlyWorkingHoursOverTheWeekend()
    {
        // Friday 27 Nov 2026, 19:30 in Guadalajara: half an hour of the day is left.
        var state = Play(Opened("QJ-1", Umf, new DateTimeOffset(2026, 11, 27, 19, 30, 0, Cdmx)));

        var sla = state.Sla!;
        Assert.Equal("imss-complaint", sla.Policy);
        Assert.Equal(SlaState.OnTrack, sla.State);
        // First response 1 h: 30 min on Friday, 30 min on Monday.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, Cdmx), sla.FirstResponse!.DueAt);
        // Resolution 24 h: 0.5 Friday + 12 Monday + 11.5 Tuesday.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 19, 30, 0, Cdmx), sla.Resolution!.DueAt);
        // The sweep's first stop is the first-response warning at 75 %: 45 min of working time.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, Cdmx), sla.NextDeadlineAt);
    }

    [Fact]
    public void Opened_BeforeRevolutionDayWeekend_SkipsTheHolidayMonday()
    {
        // Monday 16 Nov 2026 is the third Monday of November, a rest day under LFT art. 74.
        var state = Play(Opened("QJ-2", Umf, new DateTimeOffset(2026, 11, 13, 19, 0, 0, Cdmx)));

        // Exactly one hour left on Friday: the first response is due at the close, not on the next working day.
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 20, 0, 0, Cdmx), state.Sla!.FirstResponse!.DueAt);
        // 1 h Friday, Monday off, 12 h Tuesday, 11 h Wednesday.
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 19, 0, 0, Cdmx), state.Sla.Resolution!.DueAt);
    }

    [Fact]
    public void Opened_AtHospital_RunsDayAndNight()
    {
        var state = Play(Opened("QJ-3", Hgr, new DateTimeOffset(2026, 11, 27, 19, 30, 0, Cdmx)));

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 19, 30, 0, Cdmx), state.Sla!.Resolution!.DueAt);
    }

    [Fact]
    public void Opened_CriticalAtUmf_Runs24x7EvenOutsideWorkingHours()
    {
        var state = Play(Opened("QJ-4", Umf, new DateTimeOffset(2026, 11, 27, 19, 30, 0, Cdmx), priority: Priority.Critical));

        Assert.Equal("imss-critical", state.Sla!.Policy);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 19, 45, 0, Cdmx), state.Sla.FirstResponse!.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 19, 30, 0, Cdmx), state.Sla.Resolution!.DueAt);
    }

    [Fact]
    public void Opened_EsSaludReclamo_IsDueAtTheEndOfThe30thBusinessDayAfterTheNextDay()
    {
        // Tuesday 24 Nov 2026 in Lima. Counting starts Wednesday; 8 and 9 Dec, 25 Dec and 1 Jan are holidays.
        var state = Play(Opened("RC-1", Rebagliati, new DateTimeOffset(2026, 11, 24, 10, 0, 0, Lima)));

        Assert.Equal("essalud-reclamo", state.Sla!.Policy);
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 23, 59, 59, Lima), state.Sla.Resolution!.DueAt);
    }

    [Fact]
    public void Opened_WithAnAgent_MeetsFirstResponseAtOnce()
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        var state = Play(Opened("QJ-5", Umf, at, agentId: "TAO-1"));

        Assert.Equal(at, state.Sla!.FirstResponse!.MetAt);
        Assert.False(state.Sla.FirstResponse.IsRunning);
    }

    [Fact]
    public void NoteAdded_MeetsFirstResponse()
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        var state = Play(Opened("QJ-6", Umf, at), At("QJ-6", at.AddMinutes(20), new NoteAddedData("Se llamó al derechohabiente.")));

        Assert.Equal(at.AddMinutes(20), state.Sla!.FirstResponse!.MetAt);
    }

    [Fact]
    public void PauseSpanningAHoliday_MovesTheDeadlineByTheWorkingTimeItTook()
    {
        // Thursday 12 Nov 09:00, assigned at once: resolution due Tuesday 17 Nov 09:00 (11 h Thu, 12 h Fri, Mon off, 1 h Tue).
        var opened = new DateTimeOffset(2026, 11, 12, 9, 0, 0, Cdmx);
        var running = Play(Opened("QJ-7", Umf, opened, agentId: "TAO-1"));
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 9, 0, 0, Cdmx), running.Sla!.Resolution!.DueAt);

        // Paused Friday 10:00 with 11 working hours left; resumed Tuesday 10:00 after the holiday.
        var paused = Play(Opened("QJ-7", Umf, opened, agentId: "TAO-1"),
            At("QJ-7", new DateTimeOffset(2026, 11, 13, 10, 0, 0, Cdmx), new CasePausedData(PauseReason.AwaitingInsured)));
        Assert.Equal(SlaState.Paused, paused.Sla!.State);
        Assert.Null(paused.Sla.NextDeadlineAt);

        var resumed = Play(Opened("QJ-7", Umf, opened, agentId: "TAO-1"),
            At("QJ-7", new DateTimeOffset(2026, 11, 13, 10, 0, 0, Cdmx), new CasePausedData(PauseReason.AwaitingInsured)),
            At("QJ-7", new DateTimeOffset(2026, 11, 17, 10, 0, 0, Cdmx), new CaseResumedData()));

        // 10 h Tuesday, 1 h Wednesday.
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 9, 0, 0, Cdmx), resumed.Sla!.Resolution!.DueAt);
        Assert.Equal(SlaState.OnTrack, resumed.Sla.State);
    }

    [Fact]
    public void Reopened_RestartsResolutionFromTheReopenTime()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        var reopenedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, Cdmx);
        var state = Play(
            Opened("QJ-8", Umf, opened, agentId: "TAO-1"),
            At("QJ-8", opened.AddHours(3), new CaseResolvedData("attended", "Se ofreció disculpa y se reprogramó la cita.")),
            At("QJ-8", opened.AddHours(4), new CaseClosedData(2)),
            At("QJ-8", reopenedAt, new CaseReopenedData("El derechohabiente volvió: la cita no se reprogramó.")));

        // 24 working hours from Thursday 12:00: 8 h Thu, 12 h Fri, 4 h Mon.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, Cdmx), state.Sla!.Resolution!.DueAt);
        Assert.True(state.Sla.Resolution.IsRunning);
        Assert.Equal(SlaState.OnTrack, state.Sla.State);
    }

    [Fact]
    public void Resolved_BeforeTheDeadline_IsMet()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        var state = Play(Opened("QJ-9", Umf, opened), At("QJ-9", opened.AddHours(2), new CaseResolvedData("attended", "Atendido en módulo.")));

        Assert.Equal(SlaState.Met, state.Sla!.State);
        Assert.Null(state.Sla.NextDeadlineAt);
        Assert.Equal(opened.AddHours(2), state.Sla.FirstResponse!.MetAt);
    }

    [Fact]
    public void Sweep_PastTheWarning_RecordsSlaWarningAndTheCaseIsAtRisk()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        var (state, events) = Sweep(Play(Opened("QJ-10", Umf, opened)), opened.AddMinutes(50));

        var warning = Assert.IsType<SlaWarningData>(Assert.Single(events).Data);
        Assert.Equal(SlaClockKind.FirstResponse, warning.Clock);
        Assert.Equal(opened.AddMinutes(45), events[0].OccurredAt);
        Assert.Equal(SlaState.AtRisk, state.Sla!.State);
        Assert.Equal(opened.AddHours(1), state.Sla.NextDeadlineAt);
    }

    [Fact]
    public void Sweep_ComplexCaseBreaches_GoesToLevelOneAtOnceThenClimbsTheLadderByBusinessDays()
    {
        // Complex complaint at a hospital, Monday 09:00: resolution due Thursday 09:00 (72 h).
        var opened = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cdmx);
        var state = Play(Opened("QJ-11", Hgr, opened, complex: true, agentId: "TAO-1"));
        var due = state.Sla!.Resolution!.DueAt;
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, Cdmx), due);

        var (breached, events) = Sweep(state, due.AddSeconds(1));
        // Past the deadline the warning is moot: the breach and the first rung, in that order.
        Assert.Equal([CaseEventType.SlaBreached, CaseEventType.CaseEscalated], events.Select(e => e.Type));
        // The reason names the clock that ran out, in the unit's time.
        Assert.Equal("Escalamiento automático al nivel 1: plazo de resolución vencido el 2026-11-26 09:00 (hora de la unidad) sin resolver",
            Assert.IsType<CaseEscalatedData>(events[^1].Data).Reason);
        Assert.Equal(1, breached.EscalationLevel);
        Assert.Equal(due, breached.Sla!.BreachedAt);
        Assert.Equal(SlaState.Breached, breached.Sla.State);

        // One business day later (Friday 09:00): the regional committee.
        var (level2, _) = Sweep(breached, due.AddDays(1));
        Assert.Equal(2, level2.EscalationLevel);
        // Three business days after the breach skip the weekend: Tuesday 1 Dec 09:00, the central committee.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Cdmx), level2.Sla!.NextDeadlineAt);
        var (level3, last) = Sweep(level2, new DateTimeOffset(2026, 12, 1, 9, 0, 0, Cdmx));
        Assert.Equal(3, level3.EscalationLevel);
        Assert.Single(last);
        Assert.Null(level3.Sla!.NextDeadlineAt);
    }

    [Fact]
    public void Sweep_CriticalCaseBreaches_GoesStraightToLevelTwo()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 23, 0, 0, Cdmx);
        var state = Play(Opened("QJ-12", Umf, opened, priority: Priority.Critical, agentId: "TAO-1"));

        var (after, events) = Sweep(state, opened.AddHours(25));

        Assert.Equal(2, after.EscalationLevel);
        var escalated = Assert.IsType<CaseEscalatedData>(events[^1].Data);
        Assert.Equal(2, escalated.Level);
        // Its first response came with the técnica at opening; what ran out is the resolution.
        Assert.Contains("plazo de resolución vencido", escalated.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_CriticalCaseNobodyAnswers_EscalatesForItsFirstResponse_NotAsUnresolved()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 23, 0, 0, Cdmx);
        var state = Play(Opened("QJ-14", Umf, opened, priority: Priority.Critical));
        var firstResponseDue = state.Sla!.FirstResponse!.DueAt;

        var (_, events) = Sweep(state, firstResponseDue.AddMinutes(1));

        var reason = Assert.IsType<CaseEscalatedData>(Assert.Single(events, e => e.Type == CaseEventType.CaseEscalated).Data).Reason;
        Assert.Contains("plazo de primera respuesta vencido", reason, StringComparison.Ordinal);
        Assert.EndsWith("sin atender", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_SimpleCaseBreaches_IsRecordedButNotEscalated()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        // A waiting-time complaint: mistreatment, however simple, reaches the unit's director (EscalationRulesTests).
        var (after, events) = Sweep(Play(Opened("QJ-13", Hgr, opened, agentId: "TAO-1", category: "waiting-time")), opened.AddDays(2));

        Assert.Contains(events, e => e.Type == CaseEventType.SlaBreached);
        Assert.DoesNotContain(events, e => e.Type == CaseEventType.CaseEscalated);
        Assert.Equal(0, after.EscalationLevel);
        Assert.Null(after.Sla!.NextDeadlineAt);
    }

    [Fact]
    public void Sweep_RunTwice_NamesTheSameEventsSoTheSecondIsADuplicate()
    {
        var opened = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cdmx);
        var state = Play(Opened("QJ-14", Hgr, opened, complex: true));
        var now = opened.AddDays(5);

        var first = SlaSweep.DueEvents(state, now, Context);
        var second = SlaSweep.DueEvents(state, now.AddSeconds(30), Context);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(e => (e.EventId, e.OccurredAt)), second.Select(e => (e.EventId, e.OccurredAt)));
        Assert.Equal(CaseEventJson.ContentHash(first[^1], CaseEventJson.SerializeData(first[^1].Data)),
            CaseEventJson.ContentHash(second[^1], CaseEventJson.SerializeData(second[^1].Data)));
    }

    [Fact]
    public void Sweep_NamesItsEventsInTheOrderTheyBecameDue()
    {
        var opened = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cdmx);
        var planned = Enumerable.Range(0, 50)
            .SelectMany(i => SlaSweep.DueEvents(Play(Opened($"QJ-ORDER-{i}", Hgr, opened.AddMinutes(-i), complex: true)), opened.AddDays(5), Context))
            .ToArray();

        // Ids sort as the database compares them (upper-case text) in time order, so a catch-up appends at one end of the index.
        var byId = planned.OrderBy(e => e.EventId.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).Select(e => e.OccurredAt.ToUnixTimeMilliseconds());
        Assert.Equal(planned.Select(e => e.OccurredAt.ToUnixTimeMilliseconds()).Order(), byId);
        Assert.All(planned, e => Assert.Equal(8, e.EventId.Version));
        Assert.Equal(planned.Length, planned.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Sweep_LeavesNothingDueBehind()
    {
        var opened = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cdmx);
        foreach (var minutes in new[] { 10, 50, 70, 60 * 30, 60 * 24 * 9 })
        {
            var now = opened.AddMinutes(minutes);
            var (after, _) = Sweep(Play(Opened("QJ-15", Umf, opened, complex: true)), now);
            Assert.True(after.Sla!.NextDeadlineAt is null || after.Sla.NextDeadlineAt > now, $"{minutes} min: next {after.Sla.NextDeadlineAt:O}");
        }
    }

    [Fact]
    public void SlaBreached_AfterTheCaseWasResolved_IsRejectedWithTheReason()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        var open = Play(Opened("QJ-16", Umf, opened, agentId: "TAO-1"));
        var planned = SlaSweep.DueEvents(open, opened.AddDays(10), Context).First(e => e.Type == CaseEventType.SlaBreached);
        var resolved = Play(Opened("QJ-16", Umf, opened, agentId: "TAO-1"), At("QJ-16", opened.AddHours(1), new CaseResolvedData("attended", "Atendido.")));

        var decision = CaseRules.Apply(resolved, planned, Context);

        Assert.False(decision.IsAccepted);
        Assert.Contains("not running", decision.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void SlaBreached_ForAMovedDeadline_IsRejected()
    {
        var opened = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Cdmx);
        var open = Play(Opened("QJ-17", Umf, opened, agentId: "TAO-1"));
        var stale = new CaseEvent(Guid.NewGuid(), "QJ-17", opened.AddHours(1), new SlaBreachedData(SlaClockKind.Resolution, opened.AddHours(1)));

        Assert.False(CaseRules.Apply(open, stale, Context).IsAccepted);
    }

    [Fact]
    public void Reclassified_ToCritical_KeepsTheTimeUsedAndShortensWhatIsLeft()
    {
        // Hospital complaint, Monday 09:00: 24 h target. Six hours later it becomes Critical (24 h, 24x7): 18 h left.
        var opened = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cdmx);
        var state = Play(Opened("QJ-18", Hgr, opened, agentId: "TAO-1"),
            At("QJ-18", opened.AddHours(6), new CaseReclassifiedData(null, Priority.Critical, null)));

        Assert.Equal("imss-critical", state.Sla!.Policy);
        Assert.Equal(opened.AddHours(24), state.Sla.Resolution!.DueAt);

        // Made complex (72 h) instead: 66 h left from the change.
        var complex = Play(Opened("QJ-18", Hgr, opened, agentId: "TAO-1"),
            At("QJ-18", opened.AddHours(6), new CaseReclassifiedData(null, null, true)));
        Assert.Equal("imss-complaint-complex", complex.Sla!.Policy);
        Assert.Equal(opened.AddHours(72), complex.Sla.Resolution!.DueAt);
    }

    [Fact]
    public void Policies_EveryInstitutionCoversEveryKindAndPriority()
    {
        foreach (var institution in Core.Profiles.InstitutionProfiles.Current.Institutions)
        {
            var set = SlaPolicySet.For(institution);
            foreach (var kind in Enum.GetValues<CaseKind>())
            {
                foreach (var priority in Enum.GetValues<Priority>())
                {
                    Assert.NotNull(set.Find(kind, priority, complex: false));
                    Assert.NotNull(set.Find(kind, priority, complex: true));
                }
            }
        }

        Assert.Contains("DS 002-2019-SA", SlaPolicySet.For(Core.Catalogue.Institution.EsSalud).Named("essalud-reclamo")!.Basis, StringComparison.Ordinal);
    }
}
