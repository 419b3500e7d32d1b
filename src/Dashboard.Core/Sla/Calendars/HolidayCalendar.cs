using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Dashboard.Core.Sla.Calendars;

/// <summary>
/// A country's national holidays, written as rules because no holiday library is at hand, plus the days an
/// administrator adds. Each year is worked out once and cached, so <see cref="IsHoliday"/> stays cheap on the ingest path.
/// </summary>
/// <remarks>The rules are today's law applied to every year; older cases are not recomputed against past calendars.</remarks>
public sealed class HolidayCalendar
{
    private readonly Dictionary<int, Holiday[]> _extraDays;
    private readonly ConcurrentDictionary<int, HolidayYear> _years = new();

    // The year asked about last: nearly every lookup on the hot path is for the same year as the one before.
    private HolidayYear? _last;

    private HolidayCalendar(Country country, Dictionary<int, Holiday[]> extraDays)
    {
        Country = country;
        _extraDays = extraDays;
    }

    /// <summary>The rules of <paramref name="country"/> plus the administrator's <paramref name="extraDays"/>, of any years.</summary>
    public static HolidayCalendar For(Country country, IEnumerable<Holiday>? extraDays = null)
    {
        if (!Enum.IsDefined(country))
        {
            throw new ArgumentOutOfRangeException(nameof(country), country, "no holiday rules for this country");
        }

        var extra = (extraDays ?? [])
            .Select(h => h with { Extra = true })
            .GroupBy(h => h.Date.Year)
            .ToDictionary(g => g.Key, g => g.ToArray());
        return new HolidayCalendar(country, extra);
    }

    public Country Country { get; }

    public bool IsHoliday(DateOnly date) => Year(date.Year).Days[date.DayOfYear];

    /// <summary>The year's holidays by date; an extra day that falls on a rule's date is listed after it.</summary>
    public IReadOnlyList<Holiday> In(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        return Year(year).Holidays;
    }

    private HolidayYear Year(int year)
    {
        var last = Volatile.Read(ref _last);
        if (last?.Year == year)
        {
            return last;
        }

        var found = _years.GetOrAdd(year, static (y, self) => self.Build(y), this);
        Volatile.Write(ref _last, found);
        return found;
    }

    private HolidayYear Build(int year)
    {
        var rules = Country switch
        {
            Country.Mexico => Mexico(year),
            Country.Peru => Peru(year),
            _ => [],
        };
        var holidays = rules.Concat(_extraDays.GetValueOrDefault(year, [])).OrderBy(h => h.Date).ToArray();

        var days = new bool[367];
        foreach (var holiday in holidays)
        {
            days[holiday.Date.DayOfYear] = true;
        }

        return new HolidayYear(year, days, Array.AsReadOnly(holidays));
    }

    /// <summary>Ley Federal del Trabajo, art. 74.</summary>
    private static Holiday[] Mexico(int year)
    {
        List<Holiday> days =
        [
            new(new DateOnly(year, 1, 1), "Año Nuevo"),
            new(NthMonday(year, 2, 1), "Día de la Constitución"),
            new(NthMonday(year, 3, 3), "Natalicio de Benito Juárez"),
            new(new DateOnly(year, 5, 1), "Día del Trabajo"),
            new(new DateOnly(year, 9, 16), "Día de la Independencia"),
            new(NthMonday(year, 11, 3), "Día de la Revolución"),
            new(new DateOnly(year, 12, 25), "Navidad"),
        ];

        // The federal executive changes hands on 1 October every six years since 2024.
        if (year >= 2024 && (year - 2024) % 6 == 0)
        {
            days.Add(new(new DateOnly(year, 10, 1), "Transmisión del Poder Ejecutivo Federal"));
        }

        return [.. days];
    }

    private static Holiday[] Peru(int year)
    {
        var easter = Easter.Sunday(year);
        return
        [
            new(new DateOnly(year, 1, 1), "Año Nuevo"),
            new(easter.AddDays(-3), "Jueves Santo"),
            new(easter.AddDays(-2), "Viernes Santo"),
            new(new DateOnly(year, 5, 1), "Día del Trabajo"),
            new(new DateOnly(year, 6, 7), "Batalla de Arica y Día de la Bandera"),
            new(new DateOnly(year, 6, 29), "San Pedro y San Pablo"),
            new(new DateOnly(year, 7, 23), "Día de la Fuerza Aérea del Perú"),
            new(new DateOnly(year, 7, 28), "Fiestas Patrias"),
            new(new DateOnly(year, 7, 29), "Fiestas Patrias"),
            new(new DateOnly(year, 8, 6), "Batalla de Junín"),
            new(new DateOnly(year, 8, 30), "Santa Rosa de Lima"),
            new(new DateOnly(year, 10, 8), "Combate de Angamos"),
            new(new DateOnly(year, 11, 1), "Todos los Santos"),
            new(new DateOnly(year, 12, 8), "Inmaculada Concepción"),
            new(new DateOnly(year, 12, 9), "Batalla de Ayacucho"),
            new(new DateOnly(year, 12, 25), "Navidad"),
        ];
    }

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toMonday + (7 * (n - 1)));
    }

    /// <summary>One year worked out: <see cref="Days"/> is indexed by day of year (1..366).</summary>
    private sealed record HolidayYear(int Year, bool[] Days, ReadOnlyCollection<Holiday> Holidays);
}
