using System.Text.Json;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Simulator;
using Dashboard.Simulator.Catalogue;

namespace Dashboard.Core.Tests.Simulator;

public sealed class CaseSimulatorTests
{
    private static readonly CatalogueIndex Catalogue = new(DemoCatalogue.Build());
    private static readonly CaseContext Context = new(Catalogue.FindUnit, new SlaEngine(new SlaCalendars(), EscalationLadder.Default));

    private static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the simulator for a stretch of time and passes every event through the real parser and rules.</summary>
    private static (List<CaseEvent> Events, Dictionary<string, CaseState> Cases) Simulate(SimulatorOptions options, TimeSpan duration)
    {
        var start = Start;
        var simulator = new CaseSimulator(Catalogue.Snapshot, options, start);
        var events = new List<CaseEvent>();
        var cases = new Dictionary<string, CaseState>();
        for (var now = start; now <= start + duration; now += TimeSpan.FromSeconds(0.5))
        {
            foreach (var json in simulator.Tick(now))
            {
                var parsed = CaseEventParser.Parse(JsonSerializer.SerializeToElement(json), now, Catalogue.FindUnit);
                Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
                var e = Assert.Single(parsed.Events);
                var decision = CaseRules.Apply(cases.GetValueOrDefault(e.CaseId), e, Context);
                Assert.True(decision.IsAccepted, decision.Rejection);
                cases[e.CaseId] = decision.Next!;
                events.Add(e);
            }
        }

        return (events, cases);
    }

    [Fact]
    public void Tick_TenMinutes_EveryEventIsValidAndFollowsTheCaseRules()
    {
        var (events, cases) = Simulate(new SimulatorOptions { CasesPerMinute = 120, TimeScale = 120, Seed = 7, MailboxBacklog = TimeSpan.Zero }, TimeSpan.FromMinutes(10));

        // Tuesday 09:00 in Mexico City, a busy hour; the mailbox's cases wait for the 15:00 opening.
        var expected = 120 * 10 * CaseSimulator.ArrivalShape(Start) * (1 - CaseSimulator.ChannelShare(Channel.Mailbox));
        Assert.InRange(events.Count(e => e.Type == CaseEventType.CaseOpened), expected * 0.97, expected * 1.03);
        foreach (var type in new[] { CaseEventType.CaseAssigned, CaseEventType.CasePaused, CaseEventType.CaseResumed, CaseEventType.NoteAdded, CaseEventType.CaseResolved, CaseEventType.CaseClosed })
        {
            Assert.Contains(events, e => e.Type == type);
        }

        Assert.Contains(cases.Values, c => c.Status.IsOpen());
        Assert.Contains(cases.Values, c => c.Status == CaseStatus.Closed);
    }

    [Fact]
    public void Tick_ComplexShare_IsAboutTheConfiguredShare()
    {
        var (events, _) = Simulate(new SimulatorOptions { CasesPerMinute = 600, TimeScale = 1, ComplexShare = 0.12, Seed = 11 }, TimeSpan.FromMinutes(5));

        var opened = events.Select(e => e.Data).OfType<CaseOpenedData>().ToArray();
        var share = opened.Count(o => o.Complex) / (double)opened.Length;
        Assert.InRange(share, 0.09, 0.17);
    }

    [Fact]
    public void Tick_ComplaintsNameAStaffRole_MistreatmentMostlyMedicalAssistantsAndPharmacy()
    {
        var (events, _) = Simulate(new SimulatorOptions { CasesPerMinute = 600, TimeScale = 1, Seed = 13 }, TimeSpan.FromMinutes(5));

        var complaints = events.Select(e => e.Data).OfType<CaseOpenedData>().Where(o => o.Kind == CaseKind.Complaint).ToArray();
        var mistreatment = complaints.Where(o => o.Category == Dashboard.Core.Catalogue.Classification.ClassificationCatalogue.Mistreatment && o.StaffRole is not null).ToArray();

        Assert.InRange(complaints.Count(o => o.StaffRole is not null) / (double)complaints.Length, 0.8, 0.95);
        Assert.InRange(mistreatment.Count(o => o.StaffRole is "medical-assistant" or "pharmacy") / (double)mistreatment.Length, 0.45, 0.7);
        Assert.Contains(complaints, o => o.StaffRole is null);
    }

    [Fact]
    public void Tick_CasesLandInUnitsInProportionToSize()
    {
        var (events, _) = Simulate(new SimulatorOptions { CasesPerMinute = 3000, TimeScale = 1, Seed = 3 }, TimeSpan.FromMinutes(4));

        var perType = events.Select(e => e.Data).OfType<CaseOpenedData>()
            .GroupBy(o => Catalogue.FindUnit(o.UnitCode)!.Type)
            .ToDictionary(g => g.Key, g => g.Count());
        var unitsPerType = Catalogue.Snapshot.Units.GroupBy(u => u.Type).ToDictionary(g => g.Key, g => g.Count());
        // A UMAE (size 25–40) gets several times the cases of a UMF (size 2–6).
        var perUmae = perType[UnitType.Umae] / (double)unitsPerType[UnitType.Umae];
        var perUmf = perType[UnitType.Umf] / (double)unitsPerType[UnitType.Umf];
        Assert.True(perUmae > 4 * perUmf, $"per UMAE {perUmae:F1}, per UMF {perUmf:F1}");
    }

    [Fact]
    public void Tick_FirstTick_RegistersTheMailboxesDepositsWithTheTimeTheyWereDeposited()
    {
        var (events, _) = Simulate(new SimulatorOptions { CasesPerMinute = 2, Seed = 13 }, TimeSpan.Zero);

        var opened = events.Where(e => e.Data is CaseOpenedData).ToArray();
        Assert.NotEmpty(opened);
        Assert.All(opened, e => Assert.Equal(Channel.Mailbox, ((CaseOpenedData)e.Data).Channel));
        // Deposited over the last day (at 2 a minute, about 8 % of the day's cases), so their clocks started then.
        Assert.All(opened, e => Assert.InRange(e.OccurredAt, Start.AddDays(-1), Start));
        Assert.InRange(opened.Length, 2 * 1440 * 0.08 * 0.5, 2 * 1440 * 0.08 * 1.5);
    }

    [Fact]
    public void ArrivalShape_WeekdayMorningsAreBusy_NightsAndSundaysQuiet()
    {
        var mexico = TimeSpan.FromHours(-6);
        var tuesdayMorning = CaseSimulator.ArrivalShape(new DateTimeOffset(2026, 12, 1, 10, 0, 0, mexico));
        var sundayNight = CaseSimulator.ArrivalShape(new DateTimeOffset(2026, 12, 6, 3, 0, 0, mexico));

        Assert.InRange(tuesdayMorning, 2, 3.5);
        Assert.InRange(sundayNight, 0.05, 0.15);
    }

    [Fact]
    public void IsSlowUnit_AFewUnitsOfEachKind()
    {
        var slow = Catalogue.Snapshot.Units.Where(u => CaseSimulator.IsSlowUnit(u.Code)).ToArray();

        Assert.InRange(slow.Length / (double)Catalogue.Snapshot.Units.Count, 0.02, 0.09);
        Assert.Contains(slow, u => u.Type is UnitType.Hgz or UnitType.Hgr or UnitType.Umae);
    }
}
