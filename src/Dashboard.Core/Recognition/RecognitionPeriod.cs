using System.Globalization;

namespace Dashboard.Core.Recognition;

/// <summary>Why a period in a link was not taken: the query parameter at fault and a message key.</summary>
public sealed record PeriodProblem(string Parameter, string Code);

/// <summary>
/// The recognition wall's period, whole days on the scope's own calendar, both ends included. Written in the link so a
/// director can send it (<c>?periodo=trimestre</c>, <c>?desde=2026-11-01&amp;hasta=2026-11-30</c>): the last 7, 30 or 90
/// days, the quarter or the year so far, or two dates.
/// </summary>
public sealed record RecognitionPeriod(string Preset, DateOnly From, DateOnly To)
{
    public const string Default = "30d";
    public const string Custom = "fechas";
    public const string Quarter = "trimestre";
    public const string Year = "anio";

    /// <summary>A year and a day at most, so a mistyped year cannot ask for decades.</summary>
    public const int MaxDays = 366;

    public static IReadOnlyList<string> Presets { get; } = ["7d", "30d", "90d", Quarter, Year];

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static RecognitionPeriod Of(string preset, DateOnly today) => preset switch
    {
        "7d" => new(preset, today.AddDays(-6), today),
        "90d" => new(preset, today.AddDays(-89), today),
        Quarter => new(preset, new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), today),
        Year => new(preset, new DateOnly(today.Year, 1, 1), today),
        _ => new(Default, today.AddDays(-29), today),
    };

    /// <summary>
    /// Reads the link's <c>periodo</c>, <c>desde</c> and <c>hasta</c>. Dates win over a preset; a bad value gives the
    /// default period and the problem, which the page shows beside its field (never a blank wall).
    /// </summary>
    public static RecognitionPeriod Read(string? periodo, string? desde, string? hasta, DateOnly today, out PeriodProblem? problem)
    {
        problem = null;
        if (!string.IsNullOrEmpty(desde) || !string.IsNullOrEmpty(hasta))
        {
            if (!TryDate(desde, out var from))
            {
                problem = new PeriodProblem("desde", "BadDate");
                return Of(Default, today);
            }

            var to = today;
            if (!string.IsNullOrEmpty(hasta) && !TryDate(hasta, out to))
            {
                problem = new PeriodProblem("hasta", "BadDate");
                return Of(Default, today);
            }

            if (from > to)
            {
                problem = new PeriodProblem("hasta", "FromAfterTo");
                return Of(Default, today);
            }

            if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            {
                problem = new PeriodProblem("desde", "TooLong");
                return Of(Default, today);
            }

            return new RecognitionPeriod(Custom, from, to);
        }

        if (string.IsNullOrEmpty(periodo) || Presets.Contains(periodo, StringComparer.Ordinal))
        {
            return Of(periodo ?? Default, today);
        }

        problem = new PeriodProblem("periodo", "UnknownPeriod");
        return Of(Default, today);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The period as instants: from the first day's midnight to the midnight after the last, on <paramref name="zone"/>'s clock.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Bounds(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (Midnight(From, zone), Midnight(To.AddDays(1), zone));
    }

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock skips midnight (a DST change at 00:00), the day starts at the first minute that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>The query string that asks for this period ("periodo=trimestre" or "desde=…&amp;hasta=…"), empty for the default.</summary>
    public string Query => Preset switch
    {
        Default => "",
        Custom => string.Create(CultureInfo.InvariantCulture, $"desde={From:yyyy-MM-dd}&hasta={To:yyyy-MM-dd}"),
        _ => $"periodo={Preset}",
    };
}
