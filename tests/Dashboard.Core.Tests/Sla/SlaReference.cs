using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;

namespace Dashboard.Core.Tests.Sla;

/// <summary>
/// The SLA rules written a second time, as plainly as possible, for <see cref="SlaOracleTests"/> to hold the engine
/// against: its own copy of the policy tables, the holidays of 2026–2028 as literal dates, and working time found by
/// walking local days one at a time. It shares no code with the engine's calendars on purpose; it is slow and simple.
/// </summary>
internal static class SlaReference
{
    private const int WarningPercent = 75;
    private static readonly TimeSpan LastSecond = new(23, 59, 59);
    private static readonly DateOnly FirstKnownDay = new(2026, 1, 1);
    private static readonly DateOnly LastKnownDay = new(2028, 12, 31);

    /// <summary>Ley Federal del Trabajo, art. 74: 1 Jan, first Monday of Feb, third Monday of Mar, 1 May, 16 Sep, third Monday of Nov, 25 Dec.</summary>
    private static readonly HashSet<DateOnly> Mexico =
    [
        new(2026, 1, 1), new(2026, 2, 2), new(2026, 3, 16), new(2026, 5, 1), new(2026, 9, 16), new(2026, 11, 16), new(2026, 12, 25),
        new(2027, 1, 1), new(2027, 2, 1), new(2027, 3, 15), new(2027, 5, 1), new(2027, 9, 16), new(2027, 11, 15), new(2027, 12, 25),
        new(2028, 1, 1), new(2028, 2, 7), new(2028, 3, 20), new(2028, 5, 1), new(2028, 9, 16), new(2028, 11, 20), new(2028, 12, 25),
    ];

    /// <summary>Peru: the fixed national holidays, and Holy Thursday and Good Friday (Easter 5 Apr 2026, 28 Mar 2027, 16 Apr 2028).</summary>
    private static readonly HashSet<DateOnly> Peru =
    [
        new(2026, 1, 1), new(2026, 4, 2), new(2026, 4, 3), new(2026, 5, 1), new(2026, 6, 7), new(2026, 6, 29), new(2026, 7, 23), new(2026, 7, 28),
        new(2026, 7, 29), new(2026, 8, 6), new(2026, 8, 30), new(2026, 10, 8), new(2026, 11, 1), new(2026, 12, 8), new(2026, 12, 9), new(2026, 12, 25),
        new(2027, 1, 1), new(2027, 3, 25), new(2027, 3, 26), new(2027, 5, 1), new(2027, 6, 7), new(2027, 6, 29), new(2027, 7, 23), new(2027, 7, 28),
        new(2027, 7, 29), new(2027, 8, 6), new(2027, 8, 30), new(2027, 10, 8), new(2027, 11, 1), new(2027, 12, 8), new(2027, 12, 9), new(2027, 12, 25),
        new(2028, 1, 1), new(2028, 4, 13), new(2028, 4, 14), new(2028, 5, 1), new(2028, 6, 7), new(2028, 6, 29), new(2028, 7, 23), new(2028, 7, 28),
        new(2028, 7, 29), new(2028, 8, 6), new(2028, 8, 30), new(2028, 10, 8), new(2028, 11, 1), new(2028, 12, 8), new(2028, 12, 9), new(2028, 12, 25),
    ];

    /// <summary>imss.json, copied by hand: first match wins.</summary>
    private static readonly Policy[] Imss =
    [
        new("imss-critical", null, Priority.Critical, null, Minutes(15, Count.Calendar), Hours(24, Count.Calendar)),
        new("imss-complaint-high-complex", CaseKind.Complaint, Priority.High, true, Hours(1), Hours(48)),
        new("imss-complaint-complex", CaseKind.Complaint, null, true, Hours(2), Hours(72)),
        new("imss-complaint-high", CaseKind.Complaint, Priority.High, null, Minutes(30), Hours(12)),
        new("imss-complaint", CaseKind.Complaint, null, null, Hours(1), Hours(24)),
        new("imss-request", CaseKind.Request, null, null, Hours(2), Hours(48)),
        new("imss-orientation", CaseKind.Orientation, null, null, Minutes(30), Hours(4)),
        new("imss-suggestion", CaseKind.Suggestion, null, null, Hours(24), Hours(120)),
        new("imss-compliment", CaseKind.Compliment, null, null, Hours(24), null),
    ];

    /// <summary>essalud.json, copied by hand: first match wins.</summary>
    private static readonly Policy[] EsSalud =
    [
        new("essalud-critical", null, Priority.Critical, null, Minutes(15, Count.Calendar), Hours(72, Count.Calendar)),
        new("essalud-reclamo", CaseKind.Complaint, null, null, Hours(4), new Target(Count.BusinessDays, TimeSpan.Zero, 30)),
        new("essalud-request", CaseKind.Request, null, null, Hours(4), Hours(48)),
        new("essalud-orientation", CaseKind.Orientation, null, null, Minutes(30), Hours(4)),
        new("essalud-suggestion", CaseKind.Suggestion, null, null, Hours(24), Hours(120)),
        new("essalud-compliment", CaseKind.Compliment, null, null, Hours(24), null),
    ];

    /// <summary>How a target is counted, as the policy file says it.</summary>
    public enum Count
    {
        Business,
        Calendar,
        BusinessDays,
    }

    /// <summary>Which hours a clock actually runs in for one unit.</summary>
    private enum Open
    {
        Always,
        WeekdaysEightToEight,
        WeekdaysAllDay,
    }

    /// <summary>What the engine should say about a case.</summary>
    public sealed record Deadlines(
        string Policy,
        DateTimeOffset FirstResponseDue,
        DateTimeOffset FirstResponseWarn,
        DateTimeOffset? ResolutionDue,
        DateTimeOffset? ResolutionWarn);

    public sealed record Target(Count Count, TimeSpan Time, int Days = 0);

    private sealed record Policy(string Name, CaseKind? Kind, Priority? Priority, bool? Complex, Target FirstResponse, Target? Resolution)
    {
        public bool Matches(CaseKind kind, Priority priority, bool complex) =>
            (Kind is null || Kind == kind) && (Priority is null || Priority == priority) && (Complex is null || Complex == complex);
    }

    public static IReadOnlySet<DateOnly> Holidays(Institution institution) => HolidaysOf(institution);

    /// <summary>
    /// The deadlines of a case opened at <paramref name="opened"/>, and, if it was paused at <paramref name="pausedAt"/>
    /// and resumed at <paramref name="resumedAt"/>, where its resolution deadline (and a warning still ahead) moved to.
    /// </summary>
    public static Deadlines Expect(Unit unit, CaseKind kind, Priority priority, bool complex, DateTimeOffset opened,
        DateTimeOffset? pausedAt = null, DateTimeOffset? resumedAt = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var policy = (unit.Institution == Institution.Imss ? Imss : EsSalud).First(p => p.Matches(kind, priority, complex));
        var (firstDue, firstWarn) = Schedule(unit, policy.FirstResponse, priority, opened);
        if (policy.Resolution is not { } resolution)
        {
            return new Deadlines(policy.Name, firstDue, firstWarn, null, null);
        }

        var (due, warn) = Schedule(unit, resolution, priority, opened);
        if (pausedAt is { } paused && resumedAt is { } resumed)
        {
            // Whatever working time was left at the pause is used up again from the resume.
            var clock = ClockFor(unit, resolution, priority);
            var (end, day) = clock.Add(resumed, clock.Measure(paused, due));
            due = resolution.Count == Count.BusinessDays ? clock.ToUtc(day, LastSecond) : end;
            if (warn > paused)
            {
                warn = clock.Add(resumed, clock.Measure(paused, warn)).End;
            }
        }

        return new Deadlines(policy.Name, firstDue, firstWarn, due, warn);
    }

    private static (DateTimeOffset Due, DateTimeOffset Warn) Schedule(Unit unit, Target target, Priority priority, DateTimeOffset opened)
    {
        var clock = ClockFor(unit, target, priority);
        if (target.Count != Count.BusinessDays)
        {
            return (clock.Add(opened, target.Time).End, clock.Add(opened, Percent(target.Time)).End);
        }

        // Whole business days from the day after the opening; due at the last second of the last one.
        var opening = clock.LocalDate(opened);
        var day = opening;
        for (var counted = 0; counted < target.Days;)
        {
            day = day.AddDays(1);
            if (clock.IsBusinessDay(day))
            {
                counted++;
            }
        }

        // The warning: 75 % of days × 24 h of weekday time, from the midnight that starts the count.
        var warn = clock.Add(clock.ToUtc(opening.AddDays(1), TimeSpan.Zero), Percent(TimeSpan.FromDays(target.Days))).End;
        return (clock.ToUtc(day, LastSecond), warn);
    }

    private static Clock ClockFor(Unit unit, Target target, Priority priority)
    {
        var open = target.Count switch
        {
            Count.BusinessDays => Open.WeekdaysAllDay,
            Count.Business when priority != Priority.Critical && unit.Type is UnitType.Umf or UnitType.Policlinico or UnitType.CentroAtencionPrimaria =>
                Open.WeekdaysEightToEight,
            _ => Open.Always,
        };
        return new Clock(TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone), HolidaysOf(unit.Institution), open);
    }

    private static HashSet<DateOnly> HolidaysOf(Institution institution) => institution == Institution.Imss ? Mexico : Peru;

    private static TimeSpan Percent(TimeSpan time) => TimeSpan.FromTicks(time.Ticks * WarningPercent / 100);

    private static Target Minutes(int minutes, Count count = Count.Business) => new(count, TimeSpan.FromMinutes(minutes));

    private static Target Hours(int hours, Count count = Count.Business) => new(count, TimeSpan.FromHours(hours));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Working time in one zone: each local day's opening, turned into UTC at its two ends.</summary>
    private sealed class Clock(TimeZoneInfo zone, HashSet<DateOnly> holidays, Open open)
    {
        public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone));

        public DateTimeOffset ToUtc(DateOnly day, TimeSpan timeOfDay) =>
            new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue) + timeOfDay, zone));

        public bool IsBusinessDay(DateOnly day)
        {
            if (day < FirstKnownDay || day > LastKnownDay)
            {
                throw new InvalidOperationException($"the reference knows the holidays of 2026-2028 only, not of {day:yyyy-MM-dd}");
            }

            return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
        }

        /// <summary>The instant <paramref name="time"/> of working time after <paramref name="start"/> is used up, and the local day it ends in.</summary>
        public (DateTimeOffset End, DateOnly Day) Add(DateTimeOffset start, TimeSpan time)
        {
            if (open == Open.Always || time == TimeSpan.Zero)
            {
                return (start + time, LocalDate(start + time));
            }

            // No earlier day's opening can reach past the midnight that starts the start's own day.
            var left = time;
            for (var day = LocalDate(start); ; day = day.AddDays(1))
            {
                if (Opening(day) is not { } opening)
                {
                    continue;
                }

                var from = Max(opening.Open, start);
                if (from >= opening.Close)
                {
                    continue;
                }

                if (left <= opening.Close - from)
                {
                    return (from + left, day);
                }

                left -= opening.Close - from;
            }
        }

        /// <summary>Working time in [<paramref name="from"/>, <paramref name="to"/>).</summary>
        public TimeSpan Measure(DateTimeOffset from, DateTimeOffset to)
        {
            if (to <= from)
            {
                return TimeSpan.Zero;
            }

            if (open == Open.Always)
            {
                return to - from;
            }

            var total = TimeSpan.Zero;
            for (var day = LocalDate(from); day <= LocalDate(to); day = day.AddDays(1))
            {
                if (Opening(day) is { } opening && Min(opening.Close, to) > Max(opening.Open, from))
                {
                    total += Min(opening.Close, to) - Max(opening.Open, from);
                }
            }

            return total;
        }

        /// <summary>The day's working interval in UTC, or null on a weekend or a holiday.</summary>
        private (DateTimeOffset Open, DateTimeOffset Close)? Opening(DateOnly day)
        {
            if (!IsBusinessDay(day))
            {
                return null;
            }

            return open == Open.WeekdaysEightToEight
                ? (ToUtc(day, TimeSpan.FromHours(8)), ToUtc(day, TimeSpan.FromHours(20)))
                : (ToUtc(day, TimeSpan.Zero), ToUtc(day, TimeSpan.FromHours(24)));
        }
    }
}
