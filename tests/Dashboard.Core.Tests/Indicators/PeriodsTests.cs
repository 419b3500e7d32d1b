using System.Globalization;
using Dashboard.Core.Indicators;

namespace Dashboard.Core.Tests.Indicators;

public sealed class PeriodsTests
{
    [Theory]
    [InlineData(Period.Week, "2026-12-04", "2026-11-30")] // a Friday: its Monday
    [InlineData(Period.Week, "2026-11-30", "2026-11-30")]
    [InlineData(Period.Week, "2026-12-06", "2026-11-30")] // a Sunday ends the ISO week
    [InlineData(Period.Month, "2026-12-04", "2026-12-01")]
    [InlineData(Period.Bimester, "2026-12-04", "2026-11-01")]
    [InlineData(Period.Bimester, "2026-01-31", "2026-01-01")]
    [InlineData(Period.Bimester, "2026-04-30", "2026-03-01")]
    [InlineData(Period.Quarter, "2026-12-04", "2026-10-01")]
    [InlineData(Period.Quarter, "2026-03-31", "2026-01-01")]
    public void StartOf_Day_FirstDayOfItsPeriod(Period period, string day, string start)
    {
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), Periods.StartOf(period, DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(Period.Week, "2026-11-23")]
    [InlineData(Period.Month, "2026-11-01")]
    [InlineData(Period.Bimester, "2026-09-01")]
    [InlineData(Period.Quarter, "2026-07-01")]
    public void LastCompleteStart_Today_ThePeriodBeforeTodaysOwn(Period period, string start)
    {
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), Periods.LastCompleteStart(period, new DateOnly(2026, 12, 4)));
    }

    [Fact]
    public void Bucket_DaysOfAMonthAndAGap_SummedWithEmptyMonthsAsZero()
    {
        var series = Periods.Bucket(Period.Month, new DateOnly(2026, 8, 15), new DateOnly(2026, 11, 1),
            [(new DateOnly(2026, 8, 3), 2), (new DateOnly(2026, 8, 31), 1), (new DateOnly(2026, 10, 10), 4), (new DateOnly(2026, 12, 1), 9)]);

        Assert.Equal(
            [
                new PeriodCount(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), 3),
                new PeriodCount(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), 0),
                new PeriodCount(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 4),
                new PeriodCount(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 0),
            ],
            series);
    }
}
