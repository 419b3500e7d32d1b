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

    /// <summary>Runs the simulator for a stretch of time and passes every event through the real parser and rules.</summary>
    private static (List<CaseEvent> Events, Dictionary<string, CaseState> Cases) Simulate(SimulatorOptions options, TimeSpan duration)
    {
        var start = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
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
        var (events, cases) = Simulate(new SimulatorOptions { CasesPerMinute = 120, TimeScale = 120, Seed = 7 }, TimeSpan.FromMinutes(10));

        Assert.InRange(events.Count(e => e.Type == CaseEventType.CaseOpened), 1190, 1210);
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
}
