namespace Dashboard.Core.Sla.Calendars;

/// <summary>Business-time arithmetic on one unit's calendar. Implementations are immutable and thread-safe.</summary>
public interface IWorkCalendar
{
    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of working time has elapsed after <paramref name="start"/>.
    /// Zero returns <paramref name="start"/> unchanged. Time used up exactly at the close of a working interval
    /// returns that close, not the next opening.
    /// </summary>
    DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime);

    /// <summary>Working time within [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    TimeSpan Measure(DateTimeOffset from, DateTimeOffset to);
}
