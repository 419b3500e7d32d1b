namespace Dashboard.Core.Committees;

/// <summary>An ordinary session (the quarterly calendar) or an extraordinary one (called when something cannot wait).</summary>
public enum SessionKind
{
    Ordinary,
    Extraordinary,
}

/// <summary>Planned, then open while it is held (attendance and minutes written), then closed: its minutes read-only.</summary>
public enum SessionStatus
{
    Planned,
    Open,
    Closed,
}

/// <summary>A committee's session, with who opened and closed it and when; the minutes (acta) are written in the app.</summary>
public sealed record CommitteeSession(
    Guid Id,
    string CommitteeCode,
    SessionKind Kind,
    DateOnly ScheduledOn,
    string Title,
    SessionStatus Status,
    string? Minutes,
    IReadOnlyList<Guid> Attendees,
    DateTimeOffset? OpenedAt,
    string? OpenedBy,
    DateTimeOffset? ClosedAt,
    string? ClosedBy);

/// <summary>What a session may do next, and the quarterly calendar of ordinary sessions.</summary>
public static class SessionRules
{
    public const int MaxMinutesLength = 20_000;

    private static readonly int[] QuarterEnds = [3, 6, 9, 12];

    /// <summary>The four ordinary sessions of a year: the third Thursday of March, June, September and December.</summary>
    public static IReadOnlyList<(DateOnly On, string Title)> QuarterlyCalendar(int year) =>
        [.. QuarterEnds.Select((month, i) => (ThirdThursday(year, month), $"Sesión ordinaria {i + 1}.º trimestre {year}"))];

    /// <summary>More than half the members.</summary>
    public static int Quorum(int members) => (members / 2) + 1;

    /// <summary>Null when the session may be opened now, else why not (a code for the page's words).</summary>
    public static string? WhyNotOpen(CommitteeSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Status == SessionStatus.Planned ? null : "SessionNotPlanned";
    }

    /// <summary>Null when attendance or minutes may be written: only while it is open.</summary>
    public static string? WhyNotRecord(CommitteeSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Status == SessionStatus.Open ? null : "SessionNotOpen";
    }

    /// <summary>Null when the session may be closed: open, with quorum, and its minutes written.</summary>
    public static string? WhyNotClose(CommitteeSession session, int members)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Status != SessionStatus.Open ? "SessionNotOpen"
            : session.Attendees.Count < Quorum(members) ? "NoQuorum"
            : string.IsNullOrWhiteSpace(session.Minutes) ? "NoMinutes"
            : null;
    }

    private static DateOnly ThirdThursday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7) + 14);
    }
}
