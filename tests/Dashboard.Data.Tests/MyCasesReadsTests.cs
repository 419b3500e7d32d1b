using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Data.Reads;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>A técnica's desk read by the database: her open cases by deadline and her unit's untaken new ones, within her scope.</summary>
public sealed class MyCasesReadsTests
{
    private const string Tecnica = "TAO-104233";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaseEvent Opened(string caseId, int minute, string unit = "UMF-JAL-023", string? agent = null, Priority priority = Priority.Medium) =>
        new(Guid.NewGuid(), caseId, Now.AddMinutes(minute), new CaseOpenedData(unit, CaseKind.Complaint, Channel.Module, "waiting-time", priority,
            false, "Espera de más de tres horas en urgencias.", AgentId: agent));

    private static CaseEvent Then(string caseId, CaseEventData data, int minute) => new(Guid.NewGuid(), caseId, Now.AddMinutes(minute), data);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Desk_ReadsHerOpenCasesByDeadlinePausedLast_AndTheUnitsUntakenNewOnesOldestFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var result = await db.Events.AppendAsync([
            Opened("QJ-LATER", 20, agent: Tecnica),
            Opened("QJ-SOONER", 10, agent: Tecnica),
            Opened("QJ-PAUSED", 0, agent: Tecnica),
            Opened("QJ-CLOSED", 1, agent: Tecnica),
            Opened("QJ-OTHER-AGENT", 2, agent: "TAO-999999"),
            Opened("QJ-OTHER-UNIT", 3, unit: "UMF-NL-015", agent: Tecnica),
            Opened("QJ-NEW-2", 40),
            Opened("QJ-NEW-1", 30),
            Opened("QJ-NEW-NL", 25, unit: "UMF-NL-015"),
        ], Now, Context, Ct);
        Assert.Equal(AppendOutcome.Committed, result.Outcome);
        result = await db.Events.AppendAsync([
            Then("QJ-PAUSED", new CasePausedData(PauseReason.ThirdParty), 50),
            Then("QJ-CLOSED", new CaseResolvedData("attended", "Se atendió."), 50),
            Then("QJ-CLOSED", new CaseClosedData(4), 51),
        ], Now, Context, Ct);
        Assert.Equal(AppendOutcome.Committed, result.Outcome);
        var reader = new MyCasesReader(db.Connections, db.Sql);
        var unit = ReadScope.ForUnit("UMF-JAL-023");

        var mine = await reader.ReadAssignedOpenAsync(Tecnica, unit, Ct);
        var untaken = await reader.ReadUnassignedNewAsync(unit, Ct);
        var untakenEverywhere = await reader.ReadUnassignedNewAsync(ReadScope.All, Ct);

        Assert.Equal(["QJ-SOONER", "QJ-LATER", "QJ-PAUSED"], mine.Select(c => c.CaseId));
        Assert.Equal(["QJ-NEW-1", "QJ-NEW-2"], untaken.Select(c => c.CaseId));
        Assert.Equal(["QJ-NEW-NL", "QJ-NEW-1", "QJ-NEW-2"], untakenEverywhere.Select(c => c.CaseId));
    }
}
