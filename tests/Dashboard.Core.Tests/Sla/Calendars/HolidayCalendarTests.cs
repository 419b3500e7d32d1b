using Dashboard.Core.Catalogue;
using System.Globalization;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Tests.Sla.Calendars;

public sealed class HolidayCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2025, "2025-01-01", "2025-02-03", "2025-03-17", "2025-05-01", "2025-09-16", "2025-11-17", "2025-12-25")]
    [InlineData(2026, "2026-01-01", "2026-02-02", "2026-03-16", "2026-05-01", "2026-09-16", "2026-11-16", "2026-12-25")]
    [InlineData(2027, "2027-01-01", "2027-02-01", "2027-03-15", "2027-05-01", "2027-09-16", "2027-11-15", "2027-12-25")]
    [InlineData(2024, "2024-01-01", "2024-02-05", "2024-03-18", "2024-05-01", "2024-09-16", "2024-10-01", "2024-11-18", "2024-12-25")]
    [InlineData(2030, "2030-01-01", "2030-02-04", "2030-03-18", "2030-05-01", "2030-09-16", "2030-10-01", "2030-11-18", "2030-12-25")]
    public void In_Mexico_IsTheOfficialList(int year, params string[] expected)
    {
        var calendar = HolidayCalendar.For(Institution.Imss);

        Assert.Equal(expected.Select(D), calendar.In(year).Select(h => h.Date));
        Assert.All(calendar.In(year), h => Assert.True(calendar.IsHoliday(h.Date)));
    }

    [Theory]
    [InlineData(2024, true)]
    [InlineData(2030, true)]
    [InlineData(2036, true)]
    [InlineData(2018, false)]
    [InlineData(2025, false)]
    [InlineData(2029, false)]
    public void IsHoliday_Mexico_FirstOfOctoberOnlyInPresidentialTransitionYears(int year, bool expected) =>
        Assert.Equal(expected, HolidayCalendar.For(Institution.Imss).IsHoliday(new DateOnly(year, 10, 1)));

    [Fact]
    public void In_Mexico_NamesTheDaysInSpanish()
    {
        Assert.Equal(
            ["Año Nuevo", "Día de la Constitución", "Natalicio de Benito Juárez", "Día del Trabajo", "Día de la Independencia",
             "Transmisión del Poder Ejecutivo Federal", "Día de la Revolución", "Navidad"],
            HolidayCalendar.For(Institution.Imss).In(2030).Select(h => h.Name));
    }

    [Theory]
    [InlineData(2025, "2025-01-01", "2025-04-17", "2025-04-18", "2025-05-01", "2025-06-07", "2025-06-29", "2025-07-23", "2025-07-28",
        "2025-07-29", "2025-08-06", "2025-08-30", "2025-10-08", "2025-11-01", "2025-12-08", "2025-12-09", "2025-12-25")]
    [InlineData(2026, "2026-01-01", "2026-04-02", "2026-04-03", "2026-05-01", "2026-06-07", "2026-06-29", "2026-07-23", "2026-07-28",
        "2026-07-29", "2026-08-06", "2026-08-30", "2026-10-08", "2026-11-01", "2026-12-08", "2026-12-09", "2026-12-25")]
    [InlineData(2027, "2027-01-01", "2027-03-25", "2027-03-26", "2027-05-01", "2027-06-07", "2027-06-29", "2027-07-23", "2027-07-28",
        "2027-07-29", "2027-08-06", "2027-08-30", "2027-10-08", "2027-11-01", "2027-12-08", "2027-12-09", "2027-12-25")]
    public void In_Peru_IsTheOfficialList(int year, params string[] expected)
    {
        var calendar = HolidayCalendar.For(Institution.EsSalud);

        Assert.Equal(expected.Select(D), calendar.In(year).Select(h => h.Date));
        Assert.All(calendar.In(year), h => Assert.False(h.Extra));
    }

    [Fact]
    public void In_Peru_NamesHolyWeekFromEaster()
    {
        var holidays = HolidayCalendar.For(Institution.EsSalud).In(2026);

        Assert.Equal(new Holiday(D("2026-04-02"), "Jueves Santo"), holidays[1]);
        Assert.Equal(new Holiday(D("2026-04-03"), "Viernes Santo"), holidays[2]);
        Assert.Equal("Batalla de Arica y Día de la Bandera", holidays[4].Name);
        Assert.Equal("Inmaculada Concepción", holidays[^3].Name);
    }

    [Fact]
    public void IsHoliday_EveryDayOfSeveralYears_AgreesWithTheList()
    {
        foreach (var country in Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions)
        {
            var calendar = HolidayCalendar.For(country);
            for (var date = new DateOnly(2023, 1, 1); date.Year <= 2031; date = date.AddDays(1))
            {
                Assert.Equal(calendar.In(date.Year).Any(h => h.Date == date), calendar.IsHoliday(date));
            }
        }
    }

    [Fact]
    public void For_ExtraDaysFromAnAdministrator_AreHolidaysMarkedExtraAndListedInOrder()
    {
        var calendar = HolidayCalendar.For(Institution.Imss,
        [
            new(D("2026-12-24"), "Nochebuena"),
            new(D("2026-12-12"), "Día de la Virgen de Guadalupe"),
            new(D("2027-04-01"), "Jueves Santo", Extra: true),
        ]);

        Assert.Equal("Mexico", calendar.Country);
        Assert.True(calendar.IsHoliday(D("2026-12-12")));
        Assert.True(calendar.IsHoliday(D("2027-04-01")));
        Assert.False(calendar.IsHoliday(D("2025-12-12")));
        Assert.Equal(
            [new(D("2026-12-12"), "Día de la Virgen de Guadalupe", true), new(D("2026-12-24"), "Nochebuena", true), new Holiday(D("2026-12-25"), "Navidad")],
            calendar.In(2026).TakeLast(3));
        Assert.Equal(8, calendar.In(2027).Count);
        Assert.Equal(7, calendar.In(2025).Count);
    }

    [Fact]
    public void In_ExtraDayOnARuleDate_IsListedAfterTheRule()
    {
        var calendar = HolidayCalendar.For(Institution.EsSalud, [new(D("2026-01-01"), "Cierre anual")]);

        Assert.Equal([new(D("2026-01-01"), "Año Nuevo"), new Holiday(D("2026-01-01"), "Cierre anual", true)], calendar.In(2026).Take(2));
    }

    [Fact]
    public void IsHoliday_FromManyThreadsOnAColdCalendar_AgreesWithTheList()
    {
        var shared = HolidayCalendar.For(Institution.EsSalud);
        var dates = Enumerable.Range(0, 20_000).Select(i => new DateOnly(2000, 1, 1).AddDays(i % 9000)).ToArray();

        var answers = new bool[dates.Length];
        Parallel.For(0, dates.Length, i => answers[i] = shared.IsHoliday(dates[i]));

        var fresh = HolidayCalendar.For(Institution.EsSalud);
        Assert.Equal(dates.Select(fresh.IsHoliday), answers);
    }
}
