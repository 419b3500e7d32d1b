using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Tests.Sla.Calendars;

public sealed class WorkingHoursTests
{
    private static (TimeSpan, TimeSpan) Hours(int open, int close) => (TimeSpan.FromHours(open), TimeSpan.FromHours(close));

    [Fact]
    public void Parse_WeekdaysAndSaturday_OpensEachDayNamedAndClosesTheRest()
    {
        var hours = WorkingHours.Parse("Mon-Fri 08:00-20:00; Sat 08:00-14:00");

        Assert.False(hours.IsAlwaysOpen);
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })
        {
            Assert.Equal([Hours(8, 20)], hours.On(day));
        }

        Assert.Equal([Hours(8, 14)], hours.On(DayOfWeek.Saturday));
        Assert.Empty(hours.On(DayOfWeek.Sunday));
    }

    [Fact]
    public void Parse_SplitShiftsDayListsAnyCase_ReadsEveryInterval()
    {
        var hours = WorkingHours.Parse("mon, WED 16:00-20:00,08:00-14:30 ; tue 09:00-24:00;");

        Assert.Equal([(TimeSpan.FromHours(8), new TimeSpan(14, 30, 0)), Hours(16, 20)], hours.On(DayOfWeek.Monday));
        Assert.Equal(hours.On(DayOfWeek.Monday), hours.On(DayOfWeek.Wednesday));
        Assert.Equal([Hours(9, 24)], hours.On(DayOfWeek.Tuesday));
        Assert.Empty(hours.On(DayOfWeek.Thursday));
    }

    [Fact]
    public void Parse_TouchingIntervals_BecomeOneOpening()
    {
        Assert.Equal([Hours(8, 20)], WorkingHours.Parse("Mon 08:00-14:00, 14:00-20:00").On(DayOfWeek.Monday));
    }

    [Theory]
    [InlineData("24x7")]
    [InlineData(" 24X7 ")]
    public void Parse_24x7_IsAlwaysOpen(string text)
    {
        var hours = WorkingHours.Parse(text);

        Assert.Same(WorkingHours.AlwaysOpen, hours);
        Assert.True(hours.IsAlwaysOpen);
        Assert.Equal([Hours(0, 24)], hours.On(DayOfWeek.Sunday));
        Assert.Equal("24x7", hours.ToString());
    }

    [Fact]
    public void WeekdaysAllDay_IsMondayToFridayWholeDays_AndNotAlwaysOpen()
    {
        var hours = WorkingHours.WeekdaysAllDay;

        Assert.False(hours.IsAlwaysOpen);
        Assert.Equal([Hours(0, 24)], hours.On(DayOfWeek.Friday));
        Assert.Empty(hours.On(DayOfWeek.Saturday));
        Assert.Equal("Mon-Fri 00:00-24:00", hours.ToString());
    }

    [Theory]
    [InlineData("Sat 08:00-14:00; Mon-Fri 08:00-20:00", "Mon-Fri 08:00-20:00; Sat 08:00-14:00")]
    [InlineData("Mon,Wed,Fri 9:00-17:00", "Mon 09:00-17:00; Wed 09:00-17:00; Fri 09:00-17:00")]
    [InlineData("Mon-Sun 00:00-24:00", "Mon-Sun 00:00-24:00")]
    [InlineData("Sat 07:00-13:00; Mon-Thu 08:00-14:00,15:00-18:00; Fri 08:00-14:00, 15:00-18:00", "Mon-Fri 08:00-14:00, 15:00-18:00; Sat 07:00-13:00")]
    public void ToString_GroupsConsecutiveDaysWithTheSameHours(string text, string expected) =>
        Assert.Equal(expected, WorkingHours.Parse(text).ToString());

    [Theory]
    [InlineData("24x7")]
    [InlineData("Mon-Fri 08:00-20:00")]
    [InlineData("Mon-Fri 08:00-20:00; Sat 08:00-14:00")]
    [InlineData("Mon 06:30-14:00, 22:00-24:00; Tue-Thu 00:00-06:00; Sun 10:15-10:45")]
    [InlineData("Fri 00:00-24:00; Sat-Sun 12:00-13:00")]
    public void ToString_RoundTripsThroughParse(string text)
    {
        var hours = WorkingHours.Parse(text);
        var again = WorkingHours.Parse(hours.ToString());

        Assert.Equal(hours.ToString(), again.ToString());
        Assert.Equal(hours.IsAlwaysOpen, again.IsAlwaysOpen);
        Assert.All(Enum.GetValues<DayOfWeek>(), day => Assert.Equal(hours.On(day), again.On(day)));
    }

    [Theory]
    [InlineData("", "there are no opening hours")]
    [InlineData(" ; ", "there are no opening hours")]
    [InlineData("Mon-Fri", "'Mon-Fri' needs days and then hours")]
    [InlineData("08:00-20:00", "needs days and then hours")]
    [InlineData("Mon-Fry 08:00-20:00", "'Fry' is not a day")]
    [InlineData("Lun-Vie 08:00-20:00", "'Lun' is not a day")]
    [InlineData("Sun-Mon 08:00-12:00", "'Sun-Mon' runs backwards")]
    [InlineData("Mon 08:00", "'08:00' is not an interval")]
    [InlineData("Mon-Fri 8-20", "'8' is not a time of day")]
    [InlineData("Mon-Fri 08:00-24:30", "'24:30' is not a time of day")]
    [InlineData("Mon-Fri 08:60-20:00", "'08:60' is not a time of day")]
    [InlineData("Mon-Fri 20:00-08:00", "an interval cannot cross midnight")]
    [InlineData("Mon 08:00-08:00", "does not close after it opens")]
    [InlineData("Mon 08:00-12:00, 11:00-14:00", "08:00-12:00 and 11:00-14:00 overlap")]
    [InlineData("Mon-Fri 08:00-20:00; Fri 09:00-10:00", "Fri is given more than once")]
    public void Parse_BadText_ThrowsFormatExceptionSayingWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => WorkingHours.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Working hours \"{text}\":", error.Message, StringComparison.Ordinal);
    }
}
