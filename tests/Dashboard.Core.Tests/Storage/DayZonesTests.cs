using Dashboard.Core.Storage;

namespace Dashboard.Core.Tests.Storage;

public sealed class DayZonesTests
{
    private static readonly DayZones MexicoAndPeru = DayZones.At(["America/Mexico_City", "America/Lima", "America/Tijuana"], new DateTimeOffset(2026, 12, 6, 0, 47, 0, TimeSpan.Zero));

    [Fact]
    public void TodayBegan_InTheEveningOfTheAmericas_IsTheEarliestLocalMidnightOfTheirToday()
    {
        // 00:47 UTC on the 6th is still the 5th in Lima (19:47), Mexico City (18:47) and Tijuana (16:47): Lima's 5th began first.
        var began = MexicoAndPeru.TodayBegan(new DateTimeOffset(2026, 12, 6, 0, 47, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 5, 0, 0, TimeSpan.Zero), began);
        Assert.Equal(TimeSpan.Zero, began.Offset);
    }

    [Fact]
    public void TodayBegan_AfterUtcMidnightHasPassedEveryZone_IsUtcsMidnight_ForUnitsWithoutAZone()
    {
        // 15:30 UTC: every zone is on the 6th; a unit whose zone is unknown counts in UTC, whose 6th began at 00:00.
        var began = MexicoAndPeru.TodayBegan(new DateTimeOffset(2026, 12, 6, 15, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), began);
    }

    [Theory]
    [InlineData("2026-12-06T00:47:00Z")]
    [InlineData("2026-12-06T05:10:00Z")]
    [InlineData("2026-12-06T07:59:59Z")]
    [InlineData("2026-12-06T23:59:59Z")]
    public void TodayBegan_NoZonesToday_BeganEarlier(string instant)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var began = MexicoAndPeru.TodayBegan(now);

        foreach (var minutes in MexicoAndPeru.OffsetMinutes.Values.Append(0))
        {
            var local = now.ToOffset(TimeSpan.FromMinutes(minutes));
            Assert.True(began <= new DateTimeOffset(local.Date, local.Offset), $"UTC{minutes / 60:+0;-0}'s today began before {began:O}");
        }

        Assert.True(now - began < TimeSpan.FromDays(1), "never more than a day back");
    }
}
