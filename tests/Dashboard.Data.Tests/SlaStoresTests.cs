using Dashboard.Core.Alerts;
using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Sla.Calendars;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>What the sweep and the alert job need from each provider: due cases in order, clocks that survive a round trip, alerts kept unique.</summary>
public sealed class SlaStoresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaseEvent Opened(string caseId, DateTimeOffset at, string unit = "HGR-JAL-046", bool complex = false) =>
        new(Guid.NewGuid(), caseId, at, new CaseOpenedData(unit, CaseKind.Complaint, Channel.Module, "waiting-time", Priority.Medium,
            complex, "Espera de más de tres horas en urgencias.", AgentId: "TAO-104233"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadDue_ReturnsOnlyCasesWhoseNextDeadlineHasComeEarliestFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // At a 24x7 hospital a simple complaint warns at 18 h and is due at 24 h.
        var result = await db.Events.AppendAsync([Opened("QJ-LATE", Now.AddHours(-30)), Opened("QJ-WARN", Now.AddHours(-20)), Opened("QJ-FRESH", Now.AddHours(-1))], Now, Context, Ct);
        Assert.Equal(AppendOutcome.Committed, result.Outcome);

        var due = await db.Cases.ReadDueAsync(Now, 10, Ct);

        Assert.Equal(["QJ-WARN", "QJ-LATE"], due.Select(c => c.CaseId).Reverse());
        Assert.Equal(["QJ-LATE"], (await db.Cases.ReadDueAsync(Now, 1, Ct)).Select(c => c.CaseId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendDue_AppendsThePlanOfTheEarliestDueCasesAndMovesTheirDeadlines(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync([Opened("QJ-LATE", Now.AddHours(-30)), Opened("QJ-WARN", Now.AddHours(-20)), Opened("QJ-FRESH", Now.AddHours(-1))], Now, Context, Ct);
        var planned = new List<string>();

        var first = await db.Events.AppendDueAsync(Now, 1, c => Plan(c, planned), Now, Context, Ct);
        var rest = await db.Events.AppendDueAsync(Now, 10, c => Plan(c, planned), Now, Context, Ct);
        var again = await db.Events.AppendDueAsync(Now, 10, c => Plan(c, planned), Now, Context, Ct);

        Assert.Equal(["QJ-LATE", "QJ-WARN"], planned);
        Assert.Equal((1, CaseEventType.SlaBreached), (first.DueCases, Assert.Single(Assert.Single(first.Results).NewEvents).Type));
        Assert.Equal((1, CaseEventType.SlaWarning), (rest.DueCases, Assert.Single(Assert.Single(rest.Results).NewEvents).Type));
        Assert.Equal(0, again.DueCases);
        Assert.Equal(SlaState.Breached, (await db.Cases.ReadByIdAsync("QJ-LATE", ReadScope.All, Ct))!.Sla!.State);
        Assert.Equal([4L, 5L], (await db.Events.ReadAfterAsync(3, 10, ReadScope.All, Ct)).Select(e => e.Sequence));

        static IReadOnlyList<EncodedEvent> Plan(CaseState c, List<string> planned)
        {
            lock (planned)
            {
                planned.Add(c.CaseId);
            }

            return SlaSweep.DueEvents(c, Now, Context).Select(e => EncodedEvent.Of(e, CaseActor.SlaSweep)).ToArray();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendDue_AnEventAlreadyStoredIsADuplicateNotASecondBreach(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync([Opened("QJ-LATE", Now.AddHours(-30)), Opened("QJ-LATE-2", Now.AddHours(-30))], Now, Context, Ct);
        var breach = SlaSweep.DueEvents((await db.Cases.ReadByIdAsync("QJ-LATE", ReadScope.All, Ct))!, Now, Context).Select(e => EncodedEvent.Of(e, CaseActor.SlaSweep)).ToArray();
        Assert.Equal(AppendOutcome.Committed, (await db.Events.AppendGroupAsync([breach], Now, Context, Ct))[0].Outcome);

        // The other late case's plan repeats the event already stored: it is answered as a duplicate, not stored twice.
        var swept = await db.Events.AppendDueAsync(Now, 10, _ => breach, Now, Context, Ct);

        Assert.Equal(1, swept.DueCases);
        Assert.Equal([(3L, true)], Assert.Single(swept.Results).Results.Select(r => (r.Sequence, r.Duplicate)));
        Assert.Single(await db.Events.ReadAfterAsync(2, 10, ReadScope.All, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Clocks_SurviveTheRoundTripExactly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var opened = Opened("QJ-CLOCK", Now.AddHours(-2), unit: "UMF-JAL-023", complex: true);
        var expected = CaseRules.Apply(null, opened, Context).Next!.Sla!;
        await db.Events.AppendAsync([opened], Now, Context, Ct);

        var stored = (await db.Cases.ReadByIdAsync("QJ-CLOCK", ReadScope.All, Ct))!.Sla!;

        Assert.Equal(expected, stored);
        Assert.Equal(SlaState.OnTrack, stored.State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadOfTypeAfter_ReturnsOnlyThatTypeAndHowFarTheLogWasRead(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync([Opened("QJ-E1", Now.AddHours(-1)), Opened("QJ-E2", Now.AddHours(-1))], Now, Context, Ct);
        await db.Events.AppendAsync([new CaseEvent(Guid.NewGuid(), "QJ-E1", Now, new CaseEscalatedData(2, "Escalado por la dirección"))], Now, Context, Ct);
        await db.Events.AppendAsync([new CaseEvent(Guid.NewGuid(), "QJ-E2", Now, new NoteAddedData("Se llamó al derechohabiente."))], Now, Context, Ct);

        var (all, readUpTo) = await db.Events.ReadOfTypeAfterAsync(0, CaseEventType.CaseEscalated, 10, Ct);
        var (none, unchanged) = await db.Events.ReadOfTypeAfterAsync(readUpTo, CaseEventType.CaseEscalated, 10, Ct);

        Assert.Equal([3L], all.Select(e => e.Sequence));
        Assert.Equal(4, readUpTo);
        Assert.Empty(none);
        Assert.Equal(4, unchanged);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Alerts_ASecondCreateOfTheSameCaseLevelAndChannel_AddsNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var alerts = new AlertStore(db.Connections, db.Sql);
        NewAlert Alert(string channel) => new("QJ-ALERT", 1, channel, "UMF-JAL-023", "IMSS-JAL", false, 7, Now, "Plazo vencido", null, AlertStatus.Sent, null);

        await alerts.CreateAsync([Alert(AlertChannels.InApp), Alert(AlertChannels.Email)], 7, Now, Ct);
        await alerts.CreateAsync([Alert(AlertChannels.InApp), Alert(AlertChannels.Webhook("control"))], 9, Now, Ct);
        await alerts.CreateAsync([], 8, Now, Ct);

        var all = await alerts.ListAsync(ReadScope.All, unacknowledgedOnly: false, 100, Ct);
        Assert.Single(all);
        Assert.Equal(9, await alerts.ReadCheckpointAsync(Ct));
        Assert.Empty(await alerts.ListAsync(ReadScope.ForRegion("IMSS-NL"), false, 100, Ct));
        Assert.False(await alerts.AcknowledgeAsync(all[0].Id, "nl", Now, ReadScope.ForRegion("IMSS-NL"), Ct));
        Assert.True(await alerts.AcknowledgeAsync(all[0].Id, "jal", Now, ReadScope.ForRegion("IMSS-JAL"), Ct));
        Assert.Empty(await alerts.ListAsync(ReadScope.All, unacknowledgedOnly: true, 100, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Alerts_WithdrawnTwice_KeepOneFollowUpPerAlert_AndAPersonsAcknowledgementStays(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var alerts = new AlertStore(db.Connections, db.Sql);
        NewAlert Alert(string channel, int level = 1) => new("QJ-WITHDRAWN", level, channel, "UMF-JAL-023", "IMSS-JAL", false, 7, Now, "Plazo vencido", null, AlertStatus.Sent, null);
        await alerts.CreateAsync([Alert(AlertChannels.InApp), Alert(AlertChannels.Email), Alert(AlertChannels.InApp, level: 2)], 7, Now, Ct);
        var created = await alerts.ReadByCaseAsync("QJ-WITHDRAWN", Ct);
        var inApp = created.Single(a => a.Level == 2);
        Assert.True(await alerts.AcknowledgeAsync(inApp.Id, "jal", Now, ReadScope.All, Ct));
        var withdrawal = new BreachWithdrawal(12, SlaClockKind.FirstResponse, Now.AddHours(-1), CaseEventType.CaseAssigned, Now.AddHours(-2), CaseKind.Complaint);
        (BreachWithdrawal, AlertWithdrawal)[] withdrawn = [.. created.Select(a => (withdrawal, new AlertWithdrawal(a.Id, FollowUp: true, FollowUpSent: a.Channel == AlertChannels.InApp)))];

        await alerts.WithdrawAsync(withdrawn, 12, "Tablero", Now, Ct);
        await alerts.WithdrawAsync(withdrawn, 13, "Tablero", Now.AddMinutes(1), Ct);

        var after = await alerts.ReadByCaseAsync("QJ-WITHDRAWN", Ct);
        Assert.All(after, a => Assert.Equal((12L, SlaClockKind.FirstResponse, Now), (a.WithdrawnSequence!.Value, a.WithdrawnClock!.Value, a.AcknowledgedAt!.Value)));
        Assert.Equal(["Tablero", "Tablero", "jal"], after.Select(a => a.AcknowledgedBy!).Order(StringComparer.Ordinal));
        Assert.Equal(13, await alerts.ReadWithdrawnCheckpointAsync(Ct));
        // One follow-up per alert: the e-mail's waits for its delivery, the in-app ones are the alerts' own marks.
        var pending = Assert.Single(await alerts.ReadDeliverableFollowUpsAsync(Now, Ct));
        Assert.Equal((after.Single(a => a.Channel == AlertChannels.Email).Id, CaseKind.Complaint, CaseEventType.CaseAssigned), (pending.AlertId, pending.CaseKind!.Value, pending.LateEventType));
        await alerts.MarkFollowUpSentAsync(pending.Id, Now, Ct);
        Assert.Equal(AlertStatus.Sent, (await alerts.ReadFollowUpAsync(pending.Id, Ct))!.Status);
        Assert.Empty(await alerts.ReadDeliverableFollowUpsAsync(Now, Ct));
        Assert.Empty(await alerts.ReadDeliverableAsync(Now.AddDays(1), Now.AddDays(1), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LateArrivals_CountedPerSourceAndDay_InTheAppendsTransaction_AndNotForAReplay(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var source = CaseActor.Source("siq-imss");
        var opened = new CaseEvent(Guid.NewGuid(), "QJ-LATE", Now.AddDays(-45), new CaseOpenedData("UMF-JAL-023", CaseKind.Complaint, Channel.Module, "mistreatment", Priority.High, false, "Trato descortés."));
        var later = new CaseEvent(Guid.NewGuid(), "QJ-LATE", Now.AddDays(-44), new NoteAddedData("Seguimiento."));
        var late = new CaseEvent(Guid.NewGuid(), "QJ-LATE", Now.AddDays(-45).AddMinutes(20), new NoteAddedData("Se llamó al derechohabiente."));
        await db.Events.AppendGroupAsync([[EncodedEvent.Of(opened, source), EncodedEvent.Of(later, source)]], Now, Context, Ct);

        await db.Events.AppendGroupAsync([[EncodedEvent.Of(late, source)]], Now, Context, Ct);
        await db.Events.AppendGroupAsync([[EncodedEvent.Of(late, source)]], Now, Context, Ct);

        var counted = Assert.Single(await new Reads.LateArrivalReader(db.Connections, db.Sql).ReadSinceAsync(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1), Ct));
        Assert.Equal((DateOnly.FromDateTime(Now.UtcDateTime), ActorKind.Source, "siq-imss", 1, 0, 1), (counted.Day, counted.Source.Kind, counted.Source.Name, counted.Late, counted.Withdrew, counted.BeyondWindow));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Holidays_AddedRenamedAndRemoved(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var holidays = new HolidayStore(db.Connections, db.Sql);

        await holidays.UpsertAsync("Peru", new Holiday(new DateOnly(2027, 6, 25), "Día no laborable"), Ct);
        await holidays.UpsertAsync("Peru", new Holiday(new DateOnly(2027, 6, 25), "Día no laborable (DS 2027)"), Ct);
        await holidays.UpsertAsync("Mexico", new Holiday(new DateOnly(2027, 6, 6), "Jornada electoral"), Ct);

        var all = await holidays.ReadAllAsync(Ct);
        Assert.Equal([("Mexico", "Jornada electoral"), ("Peru", "Día no laborable (DS 2027)")], all.Select(h => (h.Country, h.Day.Name)));
        Assert.True(await holidays.DeleteAsync("Peru", new DateOnly(2027, 6, 25), Ct));
        Assert.False(await holidays.DeleteAsync("Peru", new DateOnly(2027, 6, 25), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadWorkload_CountsOpenCasesPerTechnicianWithinScope(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync([Opened("QJ-W1", Now.AddHours(-1), unit: "UMF-JAL-023"), Opened("QJ-W2", Now.AddDays(-10), unit: "UMF-JAL-023"),
            Opened("QJ-W3", Now.AddHours(-1), unit: "HGR-JAL-046")], Now, Context, Ct);
        await db.Events.AppendAsync([new CaseEvent(Guid.NewGuid(), "QJ-W2", Now, new CaseResolvedData("attended", "Atendido."))], Now, Context, Ct);

        var workload = await db.Cases.ReadWorkloadAsync("UMF-JAL-023", ReadScope.ForRegion("IMSS-JAL"), Ct);

        Assert.Equal([("TAO-104233", 1)], workload.Select(w => (w.AgentId, w.OpenCases)));
        Assert.Empty(await db.Cases.ReadWorkloadAsync("UMF-JAL-023", ReadScope.ForRegion("IMSS-NL"), Ct));
    }
}
