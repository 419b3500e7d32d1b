using Dashboard.Core.Cases;
using Dashboard.Core.Profiles;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// Repeat complaints through the writer, on every configured provider: a complaint opened within a rule's window of an
/// earlier one against the same staff role at the same unit remembers it, stored or in the same batch, and only it escalates.
/// </summary>
public sealed class RepeatComplaintsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A second complaint about a unit's pharmacy within 30 days reaches the OOAD committee at once.</summary>
    private static readonly EscalationRule PharmacyRepeat = new("farmacia-reincidente", [new EscalationStep(2, 0)])
    {
        Kinds = [CaseKind.Complaint],
        StaffRoles = ["pharmacy"],
        RepeatWithinDays = 30,
    };

    private static readonly CaseContext Watching = new(Fixtures.Index.FindUnit,
        new SlaEngine(new SlaCalendars(), EscalationLadder.FromProfiles(InstitutionProfiles.Current, [PharmacyRepeat])));

    private static CaseEvent Opened(string caseId, int daysAgo, string staffRole = "pharmacy", string unit = "UMF-JAL-023") =>
        new(Guid.NewGuid(), caseId, Now.AddDays(-daysAgo), new CaseOpenedData(unit, CaseKind.Complaint, Channel.Module, "medicine-supply", Priority.Medium,
            false, "No se surtió la receta completa en farmacia.", StaffRole: staffRole));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASecondComplaintAgainstTheSameRoleAndUnit_RemembersTheFirst_StoredOrInTheSameBatch_AndOnlyItEscalates(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(AppendOutcome.Committed, (await db.Events.AppendAsync([Opened("QJ-FAR-1", 20), Opened("QJ-FAR-OLD", 80)], Now, Watching, Ct)).Outcome);

        var second = await db.Events.AppendAsync(
        [
            Opened("QJ-FAR-2", 10),
            Opened("QJ-FAR-3", 9),
            Opened("QJ-ENF-1", 9, staffRole: "nursing"),
            Opened("QJ-FAR-NL", 9, unit: "UMF-NL-015"),
        ], Now, Watching, Ct);
        Assert.Equal(AppendOutcome.Committed, second.Outcome);

        async Task<DateTimeOffset?> PreviousOf(string caseId) => (await db.Cases.ReadByIdAsync(caseId, ReadScope.All, Ct))!.PreviousComplaintAt;
        Assert.Equal(Now.AddDays(-80), await PreviousOf("QJ-FAR-1"));
        Assert.Equal(Now.AddDays(-20), await PreviousOf("QJ-FAR-2"));
        Assert.Equal(Now.AddDays(-10), await PreviousOf("QJ-FAR-3"));
        Assert.Null(await PreviousOf("QJ-ENF-1"));
        Assert.Null(await PreviousOf("QJ-FAR-NL"));

        // Every case is long overdue now: the repeats within 30 days climb to level 2; the first (its earlier one is 60 days
        // older), the nursing complaint and the other unit's stay where they are.
        var escalated = new List<CaseEvent>();
        await db.Events.AppendDueAsync(Now, 100, c =>
        {
            var events = SlaSweep.DueEvents(c, Now, Watching);
            escalated.AddRange(events.Where(e => e.Data is CaseEscalatedData));
            return events.Select(e => EncodedEvent.Of(e, CaseActor.SlaSweep)).ToArray();
        }, Now, Watching, Ct);
        Assert.Equal(["QJ-FAR-2", "QJ-FAR-3"], escalated.Select(e => e.CaseId).Order(StringComparer.Ordinal));
    }
}
