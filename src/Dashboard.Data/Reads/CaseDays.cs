using System.Data.Common;
using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Reads;

/// <summary>
/// Reads of the daily counters the appender keeps (<c>case_days</c>; see
/// <see cref="CaseDayCounts"/>): a year of the overview or of the complaint chart sums a few thousand counter rows instead of
/// every case of the period. Only for a filter whose dimensions the counters keep (<see cref="CanCount"/>); the readers
/// count cases for any other.
/// </summary>
internal static class CaseDays
{
    /// <summary>What the counter statements bind: the scope, the filter's kept dimensions, the period, and which table.</summary>
    public sealed record Parameters
    {
        public string? ScopeInstitution { get; init; }
        public string? ScopeRegionCode { get; init; }
        public string? ScopeUnitCode { get; init; }
        public string? RegionCode { get; init; }
        public string? UnitCode { get; init; }
        public string? Kind { get; init; }
        public string? Category { get; init; }
        public bool? Complex { get; init; }
        public string OpenedFrom { get; init; } = "";
        public string OpenedTo { get; init; } = "";

        /// <summary>The units' rows: when the scope or the filter names a region or a unit (null leaves the line out).</summary>
        public bool? ByUnit { get; init; }

        /// <summary>The institutions' rows: national and institution-wide reads.</summary>
        public bool? ByInstitution => ByUnit is true ? null : true;

        /// <summary>The instant whose day on each unit's clock (<see cref="ZoneOffsets"/>) a read of today's counters asks for.</summary>
        public DateTimeOffset? Now { get; init; }

        /// <summary>Each unit clock's offset from UTC at <see cref="Now"/>, as <c>CaseFilterParameters.ZoneOffsetsJson</c> writes them.</summary>
        public string ZoneOffsets { get; init; } = "[]";
    }

    /// <summary>Whether the counters keep every dimension the filter uses (a filter without a period covers every day).</summary>
    public static bool CanCount(CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter is { Channel: null, Priority: null, StaffRole: null, ModuleCode: null };
    }

    /// <summary>
    /// Whether a read takes the units' rows: asked per unit, or the scope or the filter names a region or a unit.
    /// Otherwise the institutions' rows answer (national and institution-wide reads).
    /// </summary>
    public static bool ReadsUnitRows(CaseFilter filter, ReadScope scope, bool perUnit = false) =>
        perUnit || scope.RegionCode is not null || scope.UnitCode is not null || filter.RegionCode is not null || filter.UnitCode is not null;

    /// <summary>The statements' parameters for a filter <see cref="CanCount"/> accepts.</summary>
    public static Parameters For(CaseFilter filter, ReadScope scope, bool perUnit = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        var byUnit = ReadsUnitRows(filter, scope, perUnit);
        return new Parameters
        {
            ScopeInstitution = scope.Institution,
            ScopeRegionCode = scope.RegionCode,
            ScopeUnitCode = scope.UnitCode,
            RegionCode = filter.RegionCode,
            UnitCode = filter.UnitCode,
            Kind = filter.Kind?.ToString(),
            Category = filter.Category,
            Complex = filter.Complex,
            OpenedFrom = CaseFilterParameters.Iso(filter.OpenedFrom) ?? "0001-01-01",
            OpenedTo = CaseFilterParameters.Iso(filter.OpenedTo) ?? "9999-12-31",
            ByUnit = byUnit ? true : null,
        };
    }

    public static Task<IEnumerable<T>> QueryAsync<T>(DbConnection connection, SqlScripts sql, string statement, Parameters parameters, DbTransaction? transaction,
        CancellationToken cancellationToken) =>
        connection.QueryAsync<T>(new CommandDefinition(sql.For(statement, parameters), parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>The period's totals: open cases among those opened in it, and their first-response waits per bucket.</summary>
    public sealed class Totals
    {
        public int OpenCases { get; set; }
        public int OpenComplex { get; set; }
        public int AtRisk { get; set; }
        public int Overdue { get; set; }
        public int Level1 { get; set; }
        public int Level2 { get; set; }
        public int Level3 { get; set; }
        public long W00 { get; set; }
        public long W01 { get; set; }
        public long W02 { get; set; }
        public long W03 { get; set; }
        public long W04 { get; set; }
        public long W05 { get; set; }
        public long W06 { get; set; }
        public long W07 { get; set; }
        public long W08 { get; set; }
        public long W09 { get; set; }
        public long W10 { get; set; }
        public long W11 { get; set; }
        public long W12 { get; set; }
        public long W13 { get; set; }
        public long W14 { get; set; }
        public long W15 { get; set; }
        public long W16 { get; set; }
        public long W17 { get; set; }

        private long[] Waits => [W00, W01, W02, W03, W04, W05, W06, W07, W08, W09, W10, W11, W12, W13, W14, W15, W16, W17];

        /// <summary>
        /// The median first-response wait as far as the buckets tell: the range from the lower end of the bucket holding
        /// the middle wait (or the lower of the two middle ones) to the upper end of the bucket holding the upper middle
        /// one; the point is the mean of their lower ends. Null when no case has had its first response.
        /// </summary>
        public (TimeSpan Median, WaitRange Range)? Median()
        {
            var waits = Waits;
            var count = waits.Sum();
            if (count == 0)
            {
                return null;
            }

            var low = BucketOf(waits, (count - 1) / 2);
            var high = BucketOf(waits, count / 2);
            var edges = CaseDayCounts.WaitBucketMinutes;
            TimeSpan Lower(int bucket) => TimeSpan.FromMinutes(edges[bucket]);
            var before = high + 1 < edges.Length ? Lower(high + 1) : (TimeSpan?)null;
            return ((Lower(low) + Lower(high)) / 2, new WaitRange(Lower(low), before));
        }

        /// <summary>The bucket holding the wait of the given rank (0-based, in order).</summary>
        private static int BucketOf(long[] waits, long rank)
        {
            for (var i = 0; i < waits.Length; i++)
            {
                rank -= waits[i];
                if (rank < 0)
                {
                    return i;
                }
            }

            return waits.Length - 1;
        }
    }
}
