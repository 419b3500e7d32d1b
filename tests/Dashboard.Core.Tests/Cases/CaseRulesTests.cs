using Dashboard.Core.Cases;
using static Dashboard.Core.Tests.Cases.CaseFixtures;

namespace Dashboard.Core.Tests.Cases;

public sealed class CaseRulesTests
{
    [Fact]
    public void Apply_CaseOpened_CreatesNewCaseInItsUnitAndRegion()
    {
        var decision = CaseRules.Apply(null, Opened(), Context);

        Assert.True(decision.IsAccepted);
        var state = decision.Next!;
        Assert.Equal("QJ-2026-000123", state.CaseId);
        Assert.Equal(CaseStatus.New, state.Status);
        Assert.True(state.Status.IsOpen());
        Assert.Equal("UMF-JAL-023", state.UnitCode);
        Assert.Equal("IMSS-JAL", state.RegionCode);
        Assert.Equal(Core.Catalogue.Institution.Imss, state.Institution);
        Assert.True(state.Complex);
        Assert.Equal(Priority.High, state.Priority);
        Assert.Equal(0, state.EscalationLevel);
        Assert.Equal(Now, state.OpenedAt);
    }

    [Fact]
    public void Apply_CaseOpenedWithAgent_StartsAssigned()
    {
        var state = CaseRules.Apply(null, Opened(agentId: "TAO-104233"), Context).Next!;

        Assert.Equal(CaseStatus.Assigned, state.Status);
        Assert.Equal("TAO-104233", state.AgentId);
    }

    [Fact]
    public void Apply_CaseOpenedForUnknownUnit_IsRejectedWithTheUnit()
    {
        var decision = CaseRules.Apply(null, Opened(unitCode: "UMF-XXX-999"), Context);

        Assert.False(decision.IsAccepted);
        Assert.Contains("UMF-XXX-999", decision.Rejection);
    }

    [Fact]
    public void Apply_SecondCaseOpened_IsRejected()
    {
        var open = CaseRules.Apply(null, Opened(), Context).Next!;

        var decision = CaseRules.Apply(open, Opened(), Context);

        Assert.False(decision.IsAccepted);
        Assert.Contains("already open", decision.Rejection);
    }

    [Fact]
    public void Apply_EventForUnknownCase_IsRejected()
    {
        var decision = CaseRules.Apply(null, Next("QJ-404", new CaseAssignedData("TAO-1")), Context);

        Assert.False(decision.IsAccepted);
        Assert.Contains("unknown", decision.Rejection);
    }

    [Fact]
    public void Apply_FullLifecycle_FollowsStatusMachine()
    {
        var id = "QJ-2026-000124";
        var s = CaseRules.Apply(null, Opened(id), Context).Next!;
        s = CaseRules.Apply(s, Next(id, new CaseAssignedData("TAO-104233"), 5), Context).Next!;
        Assert.Equal(CaseStatus.Assigned, s.Status);
        s = CaseRules.Apply(s, Next(id, new CasePausedData(PauseReason.AwaitingInsured), 10), Context).Next!;
        Assert.Equal(CaseStatus.Paused, s.Status);
        Assert.Equal(PauseReason.AwaitingInsured, s.PauseReason);
        s = CaseRules.Apply(s, Next(id, new CaseResumedData(), 20), Context).Next!;
        Assert.Equal(CaseStatus.Assigned, s.Status);
        Assert.Null(s.PauseReason);
        s = CaseRules.Apply(s, Next(id, new CaseResolvedData("attended", "Se atendió."), 30), Context).Next!;
        Assert.Equal(CaseStatus.Resolved, s.Status);
        Assert.False(s.Status.IsOpen());
        Assert.Equal(Now.AddMinutes(30), s.ResolvedAt);
        s = CaseRules.Apply(s, Next(id, new CaseClosedData(4), 40), Context).Next!;
        Assert.Equal(CaseStatus.Closed, s.Status);
        s = CaseRules.Apply(s, Next(id, new CaseReopenedData("Persiste el problema."), 50), Context).Next!;
        Assert.Equal(CaseStatus.Assigned, s.Status);
        Assert.Null(s.ResolvedAt);
        Assert.Null(s.ClosedAt);
        Assert.Equal(Now.AddMinutes(50), s.UpdatedAt);
    }

    [Fact]
    public void Apply_ResolveWhilePaused_IsRejectedWithStatus()
    {
        var id = "QJ-1";
        var s = CaseRules.Apply(null, Opened(id, agentId: "TAO-1"), Context).Next!;
        s = CaseRules.Apply(s, Next(id, new CasePausedData(PauseReason.ThirdParty)), Context).Next!;

        var decision = CaseRules.Apply(s, Next(id, new CaseResolvedData("attended", "x")), Context);

        Assert.False(decision.IsAccepted);
        Assert.Equal("CaseResolved is not allowed while case 'QJ-1' is Paused", decision.Rejection);
    }

    [Fact]
    public void Apply_EscalationMustRaiseTheLevel()
    {
        var id = "QJ-2";
        var s = CaseRules.Apply(null, Opened(id), Context).Next!;
        s = CaseRules.Apply(s, Next(id, new CaseEscalatedData(2, "Vencido")), Context).Next!;
        Assert.Equal(2, s.EscalationLevel);

        var again = CaseRules.Apply(s, Next(id, new CaseEscalatedData(1, "Vencido")), Context);

        Assert.False(again.IsAccepted);
        Assert.Contains("already at escalation level 2", again.Rejection);
    }

    [Fact]
    public void Apply_ImpactFlag_KeepsTheReasonAndFirstFlagTime_AndAClosedCaseCannotBeFlagged()
    {
        var id = "QJ-IMP";
        var s = CaseRules.Apply(null, Opened(id, agentId: "TAO-1"), Context).Next!;
        var first = Next(id, new CaseImpactFlaggedData("Difusión en medios."));
        s = CaseRules.Apply(s, first, Context).Next!;
        s = CaseRules.Apply(s, Next(id, new CaseImpactFlaggedData("Difusión en medios y queja ante la CNDH.")), Context).Next!;

        Assert.Equal("Difusión en medios y queja ante la CNDH.", s.ImpactReason);
        Assert.Equal(first.OccurredAt, s.ImpactFlaggedAt);

        s = CaseRules.Apply(s, Next(id, new CaseResolvedData("attended", "Se atendió.")), Context).Next!;
        s = CaseRules.Apply(s, Next(id, new CaseClosedData(4)), Context).Next!;
        var closed = CaseRules.Apply(s, Next(id, new CaseImpactFlaggedData("Tarde.")), Context);
        Assert.False(closed.IsAccepted);
        Assert.Equal("CaseImpactFlagged is not allowed while case 'QJ-IMP' is Closed", closed.Rejection);
    }

    [Fact]
    public void Apply_Reclassify_ChangesOnlyGivenFields()
    {
        var id = "QJ-3";
        var s = CaseRules.Apply(null, Opened(id, complex: false), Context).Next!;

        s = CaseRules.Apply(s, Next(id, new CaseReclassifiedData(null, null, true)), Context).Next!;

        Assert.True(s.Complex);
        Assert.Equal("mistreatment", s.Category);
        Assert.Equal(Priority.High, s.Priority);
    }
}
