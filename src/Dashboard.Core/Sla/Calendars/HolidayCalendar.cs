using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Dashboard.Core.Sla.Calendars;

/// <summary>
/// A profile's holidays: its rules (a country's national holidays, as <c>holidays.json</c> writes them), the profile's dated
/// extra days and the days an administrator adds. Each year is worked out once and cached, so <see cref="IsHoliday"/>
/// stays cheap on the ingest path.
/// </summary>
/// <remarks>The rules are today's law applied to every year; older cases are not recomputed against past calendars.</remarks>
public sealed class HolidayCalendar
{
    private readonly IReadOnlyList<HolidayRule> _rules;
    private readonly Dictionary<int, Holiday[]> _extraDays;
    private readonly ConcurrentDictionary<int, HolidayYear> _years = new();

    // The year asked about last: nearly every lookup on the hot path is for the same year as the one before.
    private HolidayYear? _last;

    /// <summary>The <paramref name="rules"/> of <paramref name="country"/> plus <paramref name="extraDays"/> (of any years).</summary>
    public HolidayCalendar(string country, IReadOnlyList<HolidayRule> rules, IEnumerable<Holiday>? extraDays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        ArgumentNullException.ThrowIfNull(rules);
        Country = country;
        _rules = rules;
        _extraDays = (extraDays ?? [])
            .Select(h => h with { Extra = true })
            .GroupBy(h => h.Date.Year)
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The holidays of <paramref name="institution"/>'s profile (as loaded now) plus <paramref name="extraDays"/>.</summary>
    public static HolidayCalendar For(Catalogue.Institution institution, IEnumerable<Holiday>? extraDays = null)
    {
        var profile = Profiles.InstitutionProfiles.Current[institution];
        return new HolidayCalendar(profile.Country, profile.HolidayRules, profile.ExtraDays.Concat(extraDays ?? []));
    }

    /// <summary>The country whose holidays these are, as the profile names it ("Mexico", "Peru").</summary>
    public string Country { get; }
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
        var rules = _rules.Select(r => r.In(year) is { } date ? new Holiday(date, r.Name) : null).OfType<Holiday>();
        var holidays = rules.Concat(_extraDays.GetValueOrDefault(year, [])).OrderBy(h => h.Date).ToArray();

        var days = new bool[367];
        foreach (var holiday in holidays)
        {
            days[holiday.Date.DayOfYear] = true;
        }

        return new HolidayYear(year, days, Array.AsReadOnly(holidays));
    }

    /// <summary>One year worked out: <see cref="Days"/> is indexed by day of year (1..366).</summary>
    private sealed record HolidayYear(int Year, bool[] Days, ReadOnlyCollection<Holiday> Holidays);
}
