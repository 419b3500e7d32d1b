using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue.Classification;

namespace Dashboard.Data.Stores;

/// <summary>
/// The staff roles' counters (<c>complaint_staff_days</c>): each complaint adds one to its unit, the day it opened on the
/// unit's clock and its staff role (<see cref="NotSpecified"/> when it names none), and one more to the mistreatment
/// column when that is its category. A region's or a unit's "quejas por personal" sums a few rows per unit and day
/// instead of reading every complaint. The appender moves them by what each commit changed; <see cref="CaseDaysRebuild"/>
/// recounts them from the case rows, and a test holds the two equal.
/// </summary>
internal static class ComplaintStaffDays
{
    /// <summary>The staff role of a complaint that names none (a key column cannot be null).</summary>
    public const string NotSpecified = "";

    private static readonly string Complaint = nameof(CaseKind.Complaint);

    /// <summary>How one commit moves the counters: a changed complaint takes away its old version's count and adds its new one's.</summary>
    public static IReadOnlyCollection<ComplaintStaffDayRow> Between(IReadOnlyDictionary<string, CaseRow> before, IEnumerable<CaseRow> after,
        Func<string, TimeZoneInfo?> zoneOfUnit)
    {
        var tally = new ComplaintStaffDayTally();
        foreach (var row in after)
        {
            if (before.TryGetValue(row.CaseId, out var old))
            {
                if (!Differ(old, row))
                {
                    continue;
                }

                tally.Add(old, zoneOfUnit(old.UnitCode), -1);
            }

            tally.Add(row, zoneOfUnit(row.UnitCode), +1);
        }

        return tally.Rows();
    }

    /// <summary>Whether anything these counters keep differs between two versions of a case (a reclassification may change the category).</summary>
    private static bool Differ(CaseRow a, CaseRow b) =>
        a.UnitCode != b.UnitCode || a.Kind != b.Kind || a.Category != b.Category || a.StaffRole != b.StaffRole || a.OpenedAt != b.OpenedAt;

    /// <summary>Whether a case counts here at all.</summary>
    public static bool Counts(CaseRow row) => row.Kind == Complaint;

    public static bool IsMistreatment(CaseRow row) => row.Category == ClassificationCatalogue.Mistreatment;
}

/// <summary>Staff roles' counters being summed.</summary>
internal sealed class ComplaintStaffDayTally
{
    private readonly Dictionary<ComplaintStaffDayKey, (int Complaints, int Mistreatment)> _counts = [];

    /// <summary>What one complaint adds (<paramref name="sign"/> +1) or takes away (−1); other kinds add nothing.</summary>
    public void Add(CaseRow row, TimeZoneInfo? zone, int sign)
    {
        if (!ComplaintStaffDays.Counts(row))
        {
            return;
        }

        var key = new ComplaintStaffDayKey(row.RegionCode, CaseDayCounts.Day(row.OpenedAt, zone), row.UnitCode, row.StaffRole ?? ComplaintStaffDays.NotSpecified);
        var (complaints, mistreatment) = _counts.GetValueOrDefault(key);
        _counts[key] = (complaints + sign, mistreatment + (ComplaintStaffDays.IsMistreatment(row) ? sign : 0));
    }

    public int Keys => _counts.Count;

    public void Clear() => _counts.Clear();

    /// <summary>The rows that changed (a key that nets to zero writes nothing).</summary>
    public IReadOnlyCollection<ComplaintStaffDayRow> Rows() =>
        [.. _counts.Where(e => e.Value != (0, 0)).Select(e => new ComplaintStaffDayRow(e.Key, e.Value.Complaints, e.Value.Mistreatment))];
}

internal sealed record ComplaintStaffDayKey(string RegionCode, string Day, string UnitCode, string StaffRole);

/// <summary>One counter's delta as <c>ComplaintStaffDay_Add</c> binds it.</summary>
internal sealed record ComplaintStaffDayRow(ComplaintStaffDayKey Key, int Complaints, int Mistreatment)
{
    public string RegionCode => Key.RegionCode;
    public string Day => Key.Day;
    public string UnitCode => Key.UnitCode;
    public string StaffRole => Key.StaffRole;
}
