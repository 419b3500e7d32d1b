using System.Collections.Concurrent;
using System.Globalization;

namespace Dashboard.Data.Stores;

/// <summary>
/// The overview's daily counters (<c>case_days</c>): what each case adds to the days of its
/// unit's clock, and how one commit moves them. A case adds, on the day it opened, one opened case, whether it is still
/// open (at risk, overdue, escalation level) and its first-response wait as a bucket; one resolved case on the day it was
/// resolved; one breached case on each day one of its clocks went past a deadline. The same counts are kept twice: per
/// unit (regions and units read them) and per institution, in the rows of unit <see cref="Institutions"/> (national
/// reads: a few dozen rows a day instead of a row per unit). The case rows stay the truth: <see cref="CaseDaysRebuild"/> recounts from them and a test holds them equal.
/// </summary>
internal static class CaseDayCounts
{
    /// <summary>The unit code of the institutions' rows.</summary>
    public const string Institutions = "";

    /// <summary>
    /// The first-response wait buckets' lower edges in minutes (the last is open-ended). Only the bucket is kept, so a
    /// median read from the counters is a range: 5-minute steps in the first half hour, coarser as waits grow.
    /// </summary>
    public static readonly int[] WaitBucketMinutes = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320];

    // The value columns, in the order CaseDayRow.Values keeps them.
    public const int Opened = 0, OpenCases = 1, AtRisk = 2, Overdue = 3, Level1 = 4, Level2 = 5, Level3 = 6, Resolved = 7, Breached = 8, FirstWait = 9;
    public static readonly int Width = FirstWait + WaitBucketMinutes.Length;

    public static int WaitBucket(TimeSpan wait)
    {
        var minutes = Math.Max(0, (long)Math.Round(wait.TotalSeconds)) / 60;
        var bucket = Array.BinarySearch(WaitBucketMinutes, (int)Math.Min(minutes, int.MaxValue));
        return bucket >= 0 ? bucket : ~bucket - 1;
    }

    /// <summary>The day of an instant on a zone's clock, as the counters key it (ISO); an unknown zone counts in UTC.</summary>
    public static string Day(DateTimeOffset at, TimeZoneInfo? zone) =>
        (zone is null ? at.UtcDateTime : TimeZoneInfo.ConvertTime(at, zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether anything the counters keep differs between two versions of a case (most events change nothing here).</summary>
    public static bool Differ(CaseRow a, CaseRow b) =>
        a.UnitCode != b.UnitCode || a.Kind != b.Kind || a.Category != b.Category || a.Complex != b.Complex || a.IsOpen != b.IsOpen
        || a.SlaState != b.SlaState || a.EscalationLevel != b.EscalationLevel || a.OpenedAt != b.OpenedAt || a.ResolvedAt != b.ResolvedAt
        || a.FirstResponseMetAt != b.FirstResponseMetAt || a.FirstResponseBreachedAt != b.FirstResponseBreachedAt || a.ResolutionBreachedAt != b.ResolutionBreachedAt;

    /// <summary>
    /// How one commit moves the counters: each changed case takes away what its old version added and adds what its new
    /// one does, per unit and per institution.
    /// </summary>
    public static (CaseDayTally Units, CaseDayTally Institutions) Between(IReadOnlyDictionary<string, CaseRow> before, IEnumerable<CaseRow> after,
        Func<string, TimeZoneInfo?> zoneOfUnit)
    {
        var units = new CaseDayTally(perInstitution: false);
        var institutions = new CaseDayTally(perInstitution: true);
        foreach (var row in after)
        {
            if (before.TryGetValue(row.CaseId, out var old))
            {
                if (!Differ(old, row))
                {
                    continue;
                }

                Add(units, institutions, old, zoneOfUnit(old.UnitCode), -1);
            }

            Add(units, institutions, row, zoneOfUnit(row.UnitCode), +1);
        }

        return (units, institutions);
    }

    public static void Add(CaseDayTally units, CaseDayTally institutions, CaseRow row, TimeZoneInfo? zone, int sign)
    {
        Add(units, row, zone, sign);
        Add(institutions, row, zone, sign);
    }

    /// <summary>A zone by its IANA id, looked up once; null (UTC) for an id this machine does not know.</summary>
    public static TimeZoneInfo? Zone(string? id) => id is null ? null : Zones.GetOrAdd(id, static id =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null);

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>What one case adds (<paramref name="sign"/> +1) or takes away (−1) from the counters of its days.</summary>
    private static void Add(CaseDayTally tally, CaseRow row, TimeZoneInfo? zone, int sign)
    {
        var opened = tally.For(row, Day(row.OpenedAt, zone));
        opened[Opened] += sign;
        if (row.IsOpen)
        {
            opened[OpenCases] += sign;
            opened[AtRisk] += row.SlaState == "AtRisk" ? sign : 0;
            opened[Overdue] += row.SlaState == "Breached" ? sign : 0;
            opened[Level1] += row.EscalationLevel == 1 ? sign : 0;
            opened[Level2] += row.EscalationLevel == 2 ? sign : 0;
            opened[Level3] += row.EscalationLevel == 3 ? sign : 0;
        }

        if (row.FirstResponseMetAt is { } met)
        {
            opened[FirstWait + WaitBucket(met - row.OpenedAt)] += sign;
        }

        if (row.ResolvedAt is { } resolved)
        {
            tally.For(row, Day(resolved, zone))[Resolved] += sign;
        }

        // A case breaching both clocks on one day counts once that day.
        var firstBreach = row.FirstResponseBreachedAt is { } f ? Day(f, zone) : null;
        var resolutionBreach = row.ResolutionBreachedAt is { } r ? Day(r, zone) : null;
        if (firstBreach is not null)
        {
            tally.For(row, firstBreach)[Breached] += sign;
        }

        if (resolutionBreach is not null && resolutionBreach != firstBreach)
        {
            tally.For(row, resolutionBreach)[Breached] += sign;
        }
    }
}

/// <summary>
/// Counters being summed, per unit or, <paramref name="perInstitution"/>, per institution (unit
/// <see cref="CaseDayCounts.Institutions"/>), each per day and the filters' dimensions.
/// </summary>
internal sealed class CaseDayTally(bool perInstitution)
{
    private readonly Dictionary<CaseDayKey, int[]> _counts = [];

    public int[] For(CaseRow row, string day)
    {
        var key = perInstitution
            ? new CaseDayKey(day, CaseDayCounts.Institutions, "", row.Institution, row.Kind, row.Category, row.Complex)
            : new CaseDayKey(day, row.UnitCode, row.RegionCode, row.Institution, row.Kind, row.Category, row.Complex);
        if (!_counts.TryGetValue(key, out var values))
        {
            _counts[key] = values = new int[CaseDayCounts.Width];
        }

        return values;
    }

    public int Keys => _counts.Count;

    public void Clear() => _counts.Clear();

    /// <summary>The rows that changed (a key that nets to zero writes nothing).</summary>
    public IReadOnlyCollection<CaseDayRow> Rows() => [.. _counts.Where(e => e.Value.Any(v => v != 0)).Select(e => new CaseDayRow(e.Key, e.Value))];
}

internal sealed record CaseDayKey(string Day, string UnitCode, string RegionCode, string Institution, string Kind, string Category, bool Complex);

/// <summary>One counter row as the statements bind it (<c>@Day</c>, <c>@Opened</c>, <c>@W00</c> …).</summary>
internal sealed class CaseDayRow(CaseDayKey key, int[] values)
{
    public int[] Values { get; } = values;
    public string Day => key.Day;
    public string UnitCode => key.UnitCode;
    public string RegionCode => key.RegionCode;
    public string Institution => key.Institution;
    public string Kind => key.Kind;
    public string Category => key.Category;
    public bool Complex => key.Complex;
    public int Opened => Values[CaseDayCounts.Opened];
    public int OpenCases => Values[CaseDayCounts.OpenCases];
    public int AtRisk => Values[CaseDayCounts.AtRisk];
    public int Overdue => Values[CaseDayCounts.Overdue];
    public int Level1 => Values[CaseDayCounts.Level1];
    public int Level2 => Values[CaseDayCounts.Level2];
    public int Level3 => Values[CaseDayCounts.Level3];
    public int Resolved => Values[CaseDayCounts.Resolved];
    public int Breached => Values[CaseDayCounts.Breached];
    public int W00 => Values[CaseDayCounts.FirstWait + 0];
    public int W01 => Values[CaseDayCounts.FirstWait + 1];
    public int W02 => Values[CaseDayCounts.FirstWait + 2];
    public int W03 => Values[CaseDayCounts.FirstWait + 3];
    public int W04 => Values[CaseDayCounts.FirstWait + 4];
    public int W05 => Values[CaseDayCounts.FirstWait + 5];
    public int W06 => Values[CaseDayCounts.FirstWait + 6];
    public int W07 => Values[CaseDayCounts.FirstWait + 7];
    public int W08 => Values[CaseDayCounts.FirstWait + 8];
    public int W09 => Values[CaseDayCounts.FirstWait + 9];
    public int W10 => Values[CaseDayCounts.FirstWait + 10];
    public int W11 => Values[CaseDayCounts.FirstWait + 11];
    public int W12 => Values[CaseDayCounts.FirstWait + 12];
    public int W13 => Values[CaseDayCounts.FirstWait + 13];
    public int W14 => Values[CaseDayCounts.FirstWait + 14];
    public int W15 => Values[CaseDayCounts.FirstWait + 15];
    public int W16 => Values[CaseDayCounts.FirstWait + 16];
    public int W17 => Values[CaseDayCounts.FirstWait + 17];
}
