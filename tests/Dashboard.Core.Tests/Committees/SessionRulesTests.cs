using Dashboard.Core.Committees;

namespace Dashboard.Core.Tests.Committees;

/// <summary>The quarterly calendar, the quorum, and what a session may do next.</summary>
public sealed class SessionRulesTests
{
    private static CommitteeSession Session(SessionStatus status, int attendees = 0, string? minutes = null) =>
        new(Guid.NewGuid(), "R-IMSS-JAL", SessionKind.Ordinary, new DateOnly(2027, 3, 18), "Sesión ordinaria 1.º trimestre 2027", status, minutes,
            [.. Enumerable.Range(0, attendees).Select(_ => Guid.NewGuid())], null, null, null, null);

    [Fact]
    public void QuarterlyCalendar_IsTheThirdThursdayOfEachQuartersLastMonth()
    {
        Assert.Equal(
            [new DateOnly(2027, 3, 18), new DateOnly(2027, 6, 17), new DateOnly(2027, 9, 16), new DateOnly(2027, 12, 16)],
            SessionRules.QuarterlyCalendar(2027).Select(q => q.On));
        Assert.All(SessionRules.QuarterlyCalendar(2027), q => Assert.Equal(DayOfWeek.Thursday, q.On.DayOfWeek));
        Assert.Equal("Sesión ordinaria 4.º trimestre 2027", SessionRules.QuarterlyCalendar(2027)[3].Title);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(9, 5)]
    public void Quorum_IsMoreThanHalfTheMembers(int members, int quorum) => Assert.Equal(quorum, SessionRules.Quorum(members));

    [Fact]
    public void ASession_OpensOnceIsRecordedWhileOpen_AndClosesOnlyWithQuorumAndMinutes()
    {
        Assert.Null(SessionRules.WhyNotOpen(Session(SessionStatus.Planned)));
        Assert.Equal("SessionNotPlanned", SessionRules.WhyNotOpen(Session(SessionStatus.Open)));
        Assert.Equal("SessionNotOpen", SessionRules.WhyNotRecord(Session(SessionStatus.Closed)));
        Assert.Equal("NoQuorum", SessionRules.WhyNotClose(Session(SessionStatus.Open, attendees: 2, minutes: "Acuerdos…"), members: 5));
        Assert.Equal("NoMinutes", SessionRules.WhyNotClose(Session(SessionStatus.Open, attendees: 3, minutes: " "), members: 5));
        Assert.Null(SessionRules.WhyNotClose(Session(SessionStatus.Open, attendees: 3, minutes: "Se revisaron 4 quejas escaladas."), members: 5));
        Assert.Equal("SessionNotOpen", SessionRules.WhyNotClose(Session(SessionStatus.Closed, attendees: 5, minutes: "x"), members: 5));
    }
}
