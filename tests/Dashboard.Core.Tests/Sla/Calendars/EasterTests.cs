using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Tests.Sla.Calendars;

public sealed class EasterTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(1943, "1943-04-25")]
    public void Sunday_KnownYears_MatchesTheChurchCalendar(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Easter.Sunday(year));

    [Fact]
    public void Sunday_AnyYear_IsASundayBetweenMarch22AndApril25()
    {
        for (var year = 1583; year <= 4099; year++)
        {
            var sunday = Easter.Sunday(year);
            Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
            Assert.InRange(sunday, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }
}
