using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Tests.Sla.Calendars;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo MexicoCity = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");
    private static readonly TimeZoneInfo Tijuana = TimeZoneInfo.FindSystemTimeZoneById("America/Tijuana");
    private static readonly TimeZoneInfo Lima = TimeZoneInfo.FindSystemTimeZoneById("America/Lima");

    /// <summary>A módulo open Mon-Fri 08:00-20:00 in Mexico City (UTC-6 all year since 2022).</summary>
    private static readonly BusinessCalendar Module = Calendar(MexicoCity, "Mon-Fri 08:00-20:00", Institution.Imss);

    private static BusinessCalendar Calendar(TimeZoneInfo zone, string hours, Institution country) =>
        new(zone, WorkingHours.Parse(hours), HolidayCalendar.For(country));

    /// <summary>A wall-clock time in <paramref name="zone"/>, as the unit would read it.</summary>
    private static DateTimeOffset At(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Cdmx(int month, int day, int hour, int minute = 0) => At(MexicoCity, 2026, month, day, hour, minute);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Add_WithinOpeningHours_AddsPlainTime() =>
        Assert.Equal(Cdmx(3, 3, 12, 30), Module.Add(Cdmx(3, 3, 9), TimeSpan.FromHours(3.5)));

    [Fact]
    public void Add_OverAWeekend_SkipsSaturdayAndSunday() =>
        Assert.Equal(Cdmx(3, 9, 10), Module.Add(Cdmx(3, 6, 18), TimeSpan.FromHours(4)));

    [Fact]
    public void Add_OverAHoliday_SkipsIt() =>
        // Monday 16 March 2026 is Natalicio de Benito Juárez.
        Assert.Equal(Cdmx(3, 17, 10), Module.Add(Cdmx(3, 13, 18), TimeSpan.FromHours(4)));

    [Fact]
    public void Add_UsedUpExactlyAtClose_ReturnsTheCloseNotTheNextOpening()
    {
        Assert.Equal(Cdmx(3, 9, 20), Module.Add(Cdmx(3, 9, 8), TimeSpan.FromHours(12)));
        Assert.Equal(Cdmx(3, 6, 20), Module.Add(Cdmx(3, 6, 18), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Add_StartingBeforeOpening_CountsFromTheOpening() =>
        Assert.Equal(Cdmx(3, 9, 9), Module.Add(Cdmx(3, 9, 6), TimeSpan.FromHours(1)));

    [Fact]
    public void Add_StartingAfterClosing_CountsFromTheNextOpening() =>
        Assert.Equal(Cdmx(3, 10, 9), Module.Add(Cdmx(3, 9, 21), TimeSpan.FromHours(1)));

    [Fact]
    public void Add_StartingOnAHoliday_CountsFromTheNextBusinessDay() =>
        Assert.Equal(Cdmx(3, 17, 9), Module.Add(Cdmx(3, 16, 10), TimeSpan.FromHours(1)));

    [Fact]
    public void Add_SplitShift_SkipsTheMiddayBreak() =>
        Assert.Equal(Cdmx(3, 9, 17), Calendar(MexicoCity, "Mon-Fri 08:00-14:00, 16:00-20:00", Institution.Imss).Add(Cdmx(3, 9, 13), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_Zero_ReturnsStartUnchangedEvenOutsideHours()
    {
        var saturday = Cdmx(3, 7, 11);

        var result = Module.Add(saturday, TimeSpan.Zero);

        Assert.Equal(saturday, result);
        Assert.Equal(saturday.Offset, result.Offset);
    }

    [Fact]
    public void Add_ReturnsUtc() =>
        Assert.Equal(TimeSpan.Zero, Module.Add(Cdmx(3, 9, 9), TimeSpan.FromMinutes(1)).Offset);

    [Fact]
    public void Add_NegativeTime_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Module.Add(Cdmx(3, 9, 9), TimeSpan.FromTicks(-1)));

    [Fact]
    public void Add_ThirtyLegalBusinessDays_SkipsWeekendsAndTheConstitutionDay()
    {
        var legal = new BusinessCalendar(MexicoCity, WorkingHours.WeekdaysAllDay, HolidayCalendar.For(Institution.Imss));

        // 5 January 2026 is a Monday; Monday 2 February is Día de la Constitución; the 30th business day is Monday 16 February.
        Assert.Equal(Cdmx(2, 17, 0), legal.Add(Cdmx(1, 5, 0), TimeSpan.FromDays(30)));
        Assert.Equal(Cdmx(2, 17, 10), legal.Add(Cdmx(1, 5, 10), TimeSpan.FromDays(30)));
        Assert.Equal(Cdmx(1, 10, 0), legal.Add(Cdmx(1, 3, 15), TimeSpan.FromDays(5)));
    }

    [Fact]
    public void Add_AlwaysOpen_CountsThroughHolidaysAsPlainTime()
    {
        var hospital = new BusinessCalendar(MexicoCity, WorkingHours.AlwaysOpen, HolidayCalendar.For(Institution.Imss));

        Assert.Equal(Cdmx(12, 25, 2), hospital.Add(Cdmx(12, 24, 22), TimeSpan.FromHours(4)));
        Assert.Equal(TimeSpan.FromHours(72), hospital.Measure(Cdmx(12, 24, 0), Cdmx(12, 27, 0)));
    }

    [Fact]
    public void Add_InLimaOverHolyWeek_SkipsHolyThursdayAndGoodFriday() =>
        Assert.Equal(At(Lima, 2026, 4, 6, 9), Calendar(Lima, "Mon-Fri 08:00-20:00", Institution.EsSalud).Add(At(Lima, 2026, 4, 1, 19), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_AcrossSpringForwardInTijuana_OpensOnMondayAtTheNewOffset()
    {
        var office = Calendar(Tijuana, "Mon-Fri 08:00-17:00", Institution.Imss);

        // Clocks go from 02:00 PST to 03:00 PDT on Sunday 8 March 2026.
        Assert.Equal(Utc(2026, 3, 9, 16), office.Add(Utc(2026, 3, 7, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Add_AcrossFallBackInTijuana_OpensOnMondayAtTheNewOffset()
    {
        var office = Calendar(Tijuana, "Mon-Fri 08:00-17:00", Institution.Imss);

        // Clocks go from 02:00 PDT back to 01:00 PST on Sunday 1 November 2026.
        Assert.Equal(Utc(2026, 11, 2, 17), office.Add(Utc(2026, 10, 30, 23), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Measure_WholeDaysOfClockChangesInTijuana_Are23And25Hours()
    {
        var allWeek = Calendar(Tijuana, "Mon-Sun 00:00-24:00", Institution.Imss);
        var march8 = allWeek.StartOfLocalDay(new DateOnly(2026, 3, 8));
        var november1 = allWeek.StartOfLocalDay(new DateOnly(2026, 11, 1));

        Assert.Equal(TimeSpan.FromHours(23), allWeek.Measure(march8, allWeek.StartOfLocalDay(new DateOnly(2026, 3, 9))));
        Assert.Equal(TimeSpan.FromHours(25), allWeek.Measure(november1, allWeek.StartOfLocalDay(new DateOnly(2026, 11, 2))));
        Assert.Equal(allWeek.StartOfLocalDay(new DateOnly(2026, 3, 9)), allWeek.Add(march8, TimeSpan.FromHours(23)));
    }

    [Fact]
    public void Measure_OpeningSkippedBySpringForward_OpensWhenTheClocksJump()
    {
        var night = Calendar(Tijuana, "Sun 02:30-04:00", Institution.Imss);

        // 02:30 does not exist on 8 March 2026: the clock jumps at 10:00 UTC, then reads 03:00 PDT; 04:00 PDT is 11:00 UTC.
        Assert.Equal(TimeSpan.FromHours(1), night.Measure(Utc(2026, 3, 8, 0), Utc(2026, 3, 9, 0)));
        Assert.Equal(Utc(2026, 3, 8, 10, 15), night.Add(Utc(2026, 3, 8, 0), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Measure_TimesRepeatedByFallBack_UseTheirFirstOccurrence()
    {
        // 01:30 happens twice on 1 November 2026: first at 08:30 UTC (PDT), then at 09:30 UTC (PST).
        var early = Calendar(Tijuana, "Sun 00:00-01:30", Institution.Imss);
        var late = Calendar(Tijuana, "Sun 01:30-03:00", Institution.Imss);

        Assert.Equal(TimeSpan.FromHours(1.5), early.Measure(Utc(2026, 11, 1, 0), Utc(2026, 11, 2, 0)));
        Assert.Equal(TimeSpan.FromHours(2.5), late.Measure(Utc(2026, 11, 1, 0), Utc(2026, 11, 2, 0)));
        Assert.Equal(Utc(2026, 11, 1, 8, 30), early.Add(Utc(2026, 11, 1, 0), TimeSpan.FromHours(1.5)));
    }

    [Theory]
    [InlineData("America/Mexico_City", "2026-07-01", "2026-07-01T06:00:00Z")]
    [InlineData("America/Mexico_City", "2021-07-01", "2021-07-01T05:00:00Z")]
    [InlineData("America/Cancun", "2026-01-15", "2026-01-15T05:00:00Z")]
    [InlineData("America/Cancun", "2026-07-01", "2026-07-01T05:00:00Z")]
    [InlineData("America/Lima", "2026-07-01", "2026-07-01T05:00:00Z")]
    [InlineData("America/Tijuana", "2026-01-15", "2026-01-15T08:00:00Z")]
    [InlineData("America/Tijuana", "2026-07-01", "2026-07-01T07:00:00Z")]
    public void StartOfLocalDay_IsLocalMidnightAtTheOffsetOfThatDay(string zone, string date, string expected)
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone), WorkingHours.WeekdaysAllDay, HolidayCalendar.For(Institution.Imss));

        var start = calendar.StartOfLocalDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Theory]
    [InlineData("America/Tijuana")]
    [InlineData("America/Mexico_City")]
    [InlineData("America/Cancun")]
    [InlineData("America/Lima")]
    [InlineData("America/Santiago")]
    [InlineData("America/Havana")]
    public void StartOfLocalDay_EveryDayOfFiftyYears_IsTheFirstInstantOfThatLocalDate(string zone)
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone), WorkingHours.WeekdaysAllDay, HolidayCalendar.For(Institution.Imss));

        for (var date = new DateOnly(1990, 1, 1); date.Year < 2040; date = date.AddDays(1))
        {
            var start = calendar.StartOfLocalDay(date);
            Assert.Equal(date, calendar.LocalDate(start));
            Assert.Equal(date.AddDays(-1), calendar.LocalDate(start.AddTicks(-1)));
        }
    }

    [Fact]
    public void LocalDate_EveningInMexicoCity_IsTheDayBeforeTheUtcDate()
    {
        Assert.Equal(new DateOnly(2025, 12, 31), Module.LocalDate(Utc(2026, 1, 1, 3)));
        Assert.Equal(new DateOnly(2026, 1, 1), Module.LocalDate(Utc(2026, 1, 1, 6)));
    }

    [Fact]
    public void IsBusinessDay_WeekendsAndHolidaysAreNot()
    {
        Assert.True(Module.IsBusinessDay(new DateOnly(2026, 3, 17)));
        Assert.False(Module.IsBusinessDay(new DateOnly(2026, 3, 16)));
        Assert.False(Module.IsBusinessDay(new DateOnly(2026, 3, 14)));
        Assert.False(Calendar(Lima, "Mon-Sun 08:00-20:00", Institution.EsSalud).IsBusinessDay(new DateOnly(2026, 7, 28)));
        Assert.True(Calendar(Lima, "Mon-Sun 08:00-20:00", Institution.EsSalud).IsBusinessDay(new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public void Measure_OverAWeekendAndAHoliday_CountsOnlyOpenTime()
    {
        Assert.Equal(TimeSpan.FromHours(4), Module.Measure(Cdmx(3, 6, 18), Cdmx(3, 9, 10)));
        Assert.Equal(TimeSpan.FromHours(4), Module.Measure(Cdmx(3, 13, 18), Cdmx(3, 17, 10)));
        Assert.Equal(TimeSpan.FromHours(1), Module.Measure(Cdmx(3, 9, 6), Cdmx(3, 9, 9)));
    }

    [Fact]
    public void Measure_ToNotAfterFrom_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, Module.Measure(Cdmx(3, 9, 10), Cdmx(3, 9, 10)));
        Assert.Equal(TimeSpan.Zero, Module.Measure(Cdmx(3, 9, 12), Cdmx(3, 9, 10)));
    }

    public static TheoryData<string, string, Institution> RandomCalendars => new()
    {
        { "America/Tijuana", "Mon-Fri 08:00-14:00, 15:00-18:00; Sat 09:00-13:00", Institution.Imss },
        { "America/Tijuana", "Mon-Sun 01:00-03:00, 22:00-24:00", Institution.Imss },
        { "America/Mexico_City", "Mon-Fri 00:00-24:00", Institution.Imss },
        { "America/Cancun", "Mon-Fri 08:00-20:00", Institution.Imss },
        { "America/Lima", "Mon-Fri 07:30-19:30; Sat 08:00-12:00", Institution.EsSalud },
        { "America/Lima", "24x7", Institution.EsSalud },
    };

    [Theory]
    [MemberData(nameof(RandomCalendars))]
    public void Measure_OfAdd_GivesBackTheBusinessTime_AndAddIsTheEarliestSuchInstant(string zone, string hours, Institution country)
    {
        var calendar = Calendar(TimeZoneInfo.FindSystemTimeZoneById(zone), hours, country);
        var random = new Random(20260308);
        var from = Utc(2019, 1, 1, 0).UtcTicks;
        var span = Utc(2031, 1, 1, 0).UtcTicks - from;

        for (var i = 0; i < 2000; i++)
        {
            var start = new DateTimeOffset(from + random.NextInt64(span), TimeSpan.FromHours(random.Next(-12, 13)));
            var time = TimeSpan.FromTicks(random.Next(4) switch
            {
                0 => random.NextInt64(TimeSpan.TicksPerHour),
                1 => random.NextInt64(TimeSpan.TicksPerDay * 3),
                2 => TimeSpan.TicksPerHour * random.Next(1, 73),
                _ => TimeSpan.TicksPerDay * random.Next(1, 31),
            });

            var end = calendar.Add(start, time);

            Assert.True(end >= start, $"Add({start:O}, {time}) = {end:O} is before the start");
            Assert.Equal(time, calendar.Measure(start, end));
            if (time > TimeSpan.Zero)
            {
                Assert.Equal(time - TimeSpan.FromTicks(1), calendar.Measure(start, end.AddTicks(-1)));
            }
        }
    }

    [Fact]
    public void Add_FromManyThreadsOnColdCalendars_AgreesWithOneThread()
    {
        var shared = Calendar(Tijuana, "Mon-Fri 08:00-20:00; Sat 09:00-13:00", Institution.Imss);
        var starts = Enumerable.Range(0, 5000).Select(i => Utc(2000, 1, 1, 0).AddHours(i * 61.7)).ToArray();

        var parallel = new DateTimeOffset[starts.Length];
        Parallel.For(0, starts.Length, i => parallel[i] = shared.Add(starts[i], TimeSpan.FromHours(72)));

        var fresh = Calendar(Tijuana, "Mon-Fri 08:00-20:00; Sat 09:00-13:00", Institution.Imss);
        Assert.Equal(starts.Select(s => fresh.Add(s, TimeSpan.FromHours(72))), parallel);
    }
}
