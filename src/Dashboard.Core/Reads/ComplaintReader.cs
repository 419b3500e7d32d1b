using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>
/// Complaints opened per local day (each case on its own unit's clock), for the control charts of complaints against a
/// baseline: whatever the filter says, only cases of kind Complaint are counted. The filter's period
/// (<see cref="CaseFilter.OpenedFrom"/> to <see cref="CaseFilter.OpenedTo"/>) is required; days without complaints are absent.
/// </summary>
public interface IComplaintReader
{
    /// <summary>Complaints per day over the whole scope and filter.</summary>
    Task<IReadOnlyList<DayComplaints>> ReadPerDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default);

    /// <summary>
    /// When the records of the scope begin: the earliest case opened in it, of any kind, or null when it has none.
    /// Months before it are unknown, not months without complaints.
    /// </summary>
    Task<DateTimeOffset?> ReadFirstOpenedAsync(ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>Complaints per unit and day, so each unit gets a chart of its own.</summary>
    Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default);

    /// <summary>
    /// Complaints per unit and month (each row's <see cref="UnitDayComplaints.Day"/> is the month's first day), for a
    /// filter whose period is whole months. By default the days summed; a store may keep the months themselves.
    /// </summary>
    async Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitMonthAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        UnitDayComplaints.Per(Period.Month, await ReadPerUnitDayAsync(filter, scope, days, cancellationToken));

    /// <summary>
    /// Complaints per unit and ISO week (each row's <see cref="UnitDayComplaints.Day"/> is the week's Monday), for a
    /// filter whose period is whole weeks. By default the days summed; a store may keep the weeks themselves.
    /// </summary>
    async Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitWeekAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        UnitDayComplaints.Per(Period.Week, await ReadPerUnitDayAsync(filter, scope, days, cancellationToken));

    /// <summary>
    /// Complaints per period over the whole scope and filter, each row dated on its period's first day (a week's
    /// Monday, a month's first day), for a filter whose period is whole periods. By default the days summed; a store may
    /// sum the weeks or months it keeps.
    /// </summary>
    async Task<IReadOnlyList<DayComplaints>> ReadPerPeriodAsync(Period period, CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        DayComplaints.Per(period, await ReadPerDayAsync(filter, scope, days, cancellationToken));
}

/// <summary>Complaints opened on one local day.</summary>
public sealed record DayComplaints(DateOnly Day, int Complaints)
{
    /// <summary>Days summed per period, each dated on its period's first day, in order.</summary>
    public static IReadOnlyList<DayComplaints> Per(Period period, IEnumerable<DayComplaints> days) =>
        [.. days.GroupBy(d => Periods.StartOf(period, d.Day)).Select(g => new DayComplaints(g.Key, g.Sum(d => d.Complaints))).OrderBy(d => d.Day)];
}

/// <summary>Complaints opened in one unit on one local day.</summary>
public sealed record UnitDayComplaints(string UnitCode, DateOnly Day, int Complaints)
{
    /// <summary>Days summed per unit and period, each dated on its period's first day (a month's first day, a week's Monday).</summary>
    public static IReadOnlyList<UnitDayComplaints> Per(Period period, IEnumerable<UnitDayComplaints> days) =>
        [.. days.GroupBy(d => (d.UnitCode, Start: Periods.StartOf(period, d.Day)))
            .Select(g => new UnitDayComplaints(g.Key.UnitCode, g.Key.Start, g.Sum(d => d.Complaints)))];
}
