using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// The recognition wall counts a compliment for the person it praises — a técnica of the catalogue, or a name and role —
/// per unit and region, over a period and within the reader's scope; never for the técnica the case was assigned to.
/// </summary>
public sealed class RecognitionReaderTests
{
    private const string Tecnica = "TAO-104233";
    private const string OtherTecnica = "TAO-555001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaseEvent Compliment(string caseId, int hoursAgo, PraisedStaff? praised, string? assignee = null, string unit = "UMF-JAL-023") =>
        new(Guid.NewGuid(), caseId, Now.AddHours(-hoursAgo),
            new CaseOpenedData(unit, CaseKind.Compliment, Channel.Mailbox, "communication", Priority.Low, false, "Excelente atención.", AgentId: assignee, PraisedStaff: praised));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadRecognition_CountsTheComplimentForThePraisedPerson_NotTheAssignee(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // The técnica who took the case is not the one praised: the nurse is.
        await db.Events.AppendAsync([Compliment("FL-1", 5, new PraisedStaff(Name: "María José López", Role: "nursing"), assignee: Tecnica)], Now, Context, Ct);

        var board = await db.Cases.ReadRecognitionAsync(ReadScope.All, Now.AddDays(-30), Now.AddMinutes(1), 10, cancellationToken: Ct);

        var praised = Assert.Single(board.People);
        Assert.Equal(((string?)null, "María José López", "nursing", 1), (praised.AgentId, praised.Name, praised.Role, praised.Compliments));
        Assert.DoesNotContain(board.People, p => p.AgentId == Tecnica);
        Assert.Equal(0, board.Unidentified);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadRecognition_CountsPerPersonUnitAndRegion_NamesNormalised_NobodyNamedApart(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync(
        [
            Compliment("FL-1", 5, new PraisedStaff(AgentId: Tecnica)),
            Compliment("FL-2", 4, new PraisedStaff(AgentId: Tecnica), assignee: OtherTecnica),
            Compliment("FL-3", 3, new PraisedStaff(Name: "María José López", Role: "nursing")),
            Compliment("FL-4", 2, new PraisedStaff(Name: "  maria   jose LÓPEZ ", Role: "nursing")),
            // The same name in another role is another person.
            Compliment("FL-5", 2, new PraisedStaff(Name: "María José López", Role: "pharmacy")),
            // Names nobody: counted apart, never for its assignee.
            Compliment("FL-6", 1, null, assignee: Tecnica),
            Compliment("FL-7", 1, new PraisedStaff(Name: "Dr. Pedro Garza", Role: "physician"), unit: "UMF-NL-015"),
        ], Now, Context, Ct);

        var board = await db.Cases.ReadRecognitionAsync(ReadScope.All, Now.AddDays(-30), Now.AddMinutes(1), 10, cancellationToken: Ct);

        Assert.Equal(
            [("UMF-JAL-023", Tecnica, (string?)null, 2), ("UMF-JAL-023", null, "nursing", 2), ("UMF-JAL-023", null, "pharmacy", 1), ("UMF-NL-015", null, "physician", 1)],
            board.People.Select(p => (p.UnitCode, p.AgentId, p.Role, p.Compliments)).OrderByDescending(p => p.Item4).ThenBy(p => p.UnitCode).ThenBy(p => p.Role));
        Assert.Equal([("UMF-JAL-023", 6, 1), ("UMF-NL-015", 1, 0)], board.Units.Select(u => (u.Code, u.Compliments, u.Unidentified)));
        Assert.Equal([("IMSS-JAL", 6, 1), ("IMSS-NL", 1, 0)], board.Regions.Select(r => (r.Code, r.Compliments, r.Unidentified)));
        Assert.Equal((7, 1), (board.Compliments, board.Unidentified));
        Assert.Equal(["FL-6", "FL-7"], board.Latest.Take(2).Select(e => e.CaseId).Order());
        Assert.Null(board.Latest.Single(e => e.CaseId == "FL-6").Praised);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadRecognition_KeepsToThePeriodAndTheScope(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync(
        [
            Compliment("FL-IN", 24, new PraisedStaff(AgentId: Tecnica)),
            Compliment("FL-OLD", 24 * 40, new PraisedStaff(AgentId: Tecnica)),
            Compliment("FL-NL", 24, new PraisedStaff(Name: "Dr. Pedro Garza", Role: "physician"), unit: "UMF-NL-015"),
        ], Now, Context, Ct);

        var jalisco = await db.Cases.ReadRecognitionAsync(ReadScope.ForRegion("IMSS-JAL"), Now.AddDays(-30), Now, 10, cancellationToken: Ct);
        var before = await db.Cases.ReadRecognitionAsync(ReadScope.All, Now.AddDays(-60), Now.AddDays(-30), 10, cancellationToken: Ct);
        var otherUnit = await db.Cases.ReadRecognitionAsync(ReadScope.ForUnit("UMF-NL-015"), Now.AddDays(-30), Now, 10, cancellationToken: Ct);

        Assert.Equal([(Tecnica, 1)], jalisco.People.Select(p => (p.AgentId, p.Compliments)));
        Assert.Equal(["IMSS-JAL"], jalisco.Regions.Select(r => r.Code));
        Assert.Equal([(Tecnica, 1)], before.People.Select(p => (p.AgentId, p.Compliments)));
        Assert.Equal(["Dr. Pedro Garza"], otherUnit.People.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadRecognition_AgentsOnly_LeavesOutNamesNotInTheCatalogue(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync([Compliment("FL-1", 5, new PraisedStaff(AgentId: Tecnica)), Compliment("FL-2", 4, new PraisedStaff(Name: "María José López", Role: "nursing"))], Now, Context, Ct);

        var board = await db.Cases.ReadRecognitionAsync(ReadScope.All, Now.AddDays(-30), Now.AddMinutes(1), 10, agentsOnly: true, Ct);

        Assert.Equal([Tecnica], board.People.Select(p => p.AgentId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PraisedStaff_IsStoredOnTheCase_AndSurvivesThePersonalDataPurge(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Events.AppendAsync([Compliment("FL-1", 24 * 200, new PraisedStaff(Name: "María José López", Role: "nursing"))], Now.AddDays(-200), Context, Ct);
        await db.Events.AppendAsync([new CaseEvent(Guid.NewGuid(), "FL-1", Now.AddDays(-199), new CaseResolvedData("attended", "Gracias.")),
            new CaseEvent(Guid.NewGuid(), "FL-1", Now.AddDays(-199), new CaseClosedData(null))], Now.AddDays(-199), Context, Ct);

        Assert.Equal(["FL-1"], await new PersonalDataPurge(db.Connections, db.Sql).PurgePersonalDataAsync(Now.AddDays(-100), Now, 10, Ct));

        var stored = await db.Cases.ReadByIdAsync("FL-1", ReadScope.All, Ct);
        Assert.Equal(new PraisedStaff(Name: "María José López", Role: "nursing"), stored!.PraisedStaff);
        var events = await db.Events.ReadByCaseAsync("FL-1", ReadScope.All, Ct);
        var opened = Assert.IsType<CaseOpenedData>(CaseEventJson.DeserializeData(events[0].Type, events[0].DataJson));
        Assert.Equal(("", new PraisedStaff(Name: "María José López", Role: "nursing")), (opened.Summary, opened.PraisedStaff));
    }
}
