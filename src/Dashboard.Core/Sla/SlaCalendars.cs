using System.Collections.Concurrent;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Sla;

/// <summary>
/// The calendars a unit's clocks run on: its working hours in its own time zone with its country's holidays,
/// the legal business days of its institution's country, and plain elapsed time. Built once per unit and shared.
/// </summary>
public sealed class SlaCalendars
{
    private readonly IReadOnlyDictionary<UnitType, WorkingHours> _hours;
    private readonly IReadOnlyDictionary<Institution, HolidayCalendar> _holidays;
    private readonly ConcurrentDictionary<(string Unit, TargetClock Clock), BusinessCalendar> _cache = new();

    /// <summary>
    /// Calendars for every institution of <paramref name="profiles"/> (those in use by default); <paramref name="extraHolidays"/>
    /// are the days administrators added for a country ("Peru"), which every institution of that country keeps.
    /// </summary>
    public SlaCalendars(
        IReadOnlyDictionary<UnitType, WorkingHours>? hoursByType = null,
        IEnumerable<(string Country, Holiday Day)>? extraHolidays = null,
        Profiles.InstitutionProfiles? profiles = null)
    {
        _hours = hoursByType ?? DefaultHours;
        var extra = (extraHolidays ?? []).ToLookup(x => x.Country, x => x.Day, StringComparer.OrdinalIgnoreCase);
        _holidays = (profiles ?? Profiles.InstitutionProfiles.Current).All.ToDictionary(
            p => p.Institution,
            p => new HolidayCalendar(p.Country, p.HolidayRules, p.ExtraDays.Concat(extra[p.Country])));
    }

    /// <summary>Family-medicine and primary-care units open on weekdays; hospitals and UMAE never close.</summary>
    public static IReadOnlyDictionary<UnitType, WorkingHours> DefaultHours { get; } = Enum.GetValues<UnitType>().ToDictionary(
        t => t,
        t => t is UnitType.Umf or UnitType.Policlinico or UnitType.CentroAtencionPrimaria
            ? WorkingHours.Parse("Mon-Fri 08:00-20:00")
            : WorkingHours.AlwaysOpen);

    /// <summary>The holidays of an institution's units.</summary>
    public HolidayCalendar Holidays(Institution institution) =>
        _holidays.GetValueOrDefault(institution) ?? new HolidayCalendar(institution.Code.Length > 0 ? institution.Code : "none", []);

    /// <summary>The calendar a target on <paramref name="clock"/> is counted in for this unit.</summary>
    public BusinessCalendar For(Unit unit, TargetClock clock)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _cache.GetOrAdd((unit.Code, clock), static (key, arg) =>
        {
            var (u, self) = arg;
            var hours = key.Clock switch
            {
                TargetClock.Calendar => WorkingHours.AlwaysOpen,
                TargetClock.BusinessDays => WorkingHours.WeekdaysAllDay,
                _ => self._hours.GetValueOrDefault(u.Type, WorkingHours.AlwaysOpen),
            };
            return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(u.TimeZone), hours, self.Holidays(u.Institution));
        }, (unit, this));
    }
}
