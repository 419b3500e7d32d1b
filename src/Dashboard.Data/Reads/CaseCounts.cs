using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>
/// The counters the case-event appender keeps beside the cases (<c>case_counts</c>: cases per unit, status, complexity
/// and escalation level), read within a scope and a region or unit. The summary is made of them, and so is a case
/// list's total whenever its filters are only those dimensions: a few thousand counters instead of every case.
/// </summary>
internal static class CaseCounts
{
    public sealed class Row
    {
        public string Status { get; set; } = "";
        public bool Complex { get; set; }
        public int EscalationLevel { get; set; }

        /// <summary>An open case's SLA state ('' without an SLA); always '' for a closed one.</summary>
        public string SlaState { get; set; } = "";

        public int Cases { get; set; }

        public CaseStatus CaseStatus => Enum.Parse<CaseStatus>(Status);
    }

    public static async Task<IReadOnlyList<Row>> ReadAsync(System.Data.Common.DbConnection connection, SqlScripts sql, ReadScope scope, string? regionCode, string? unitCode,
        CancellationToken cancellationToken, System.Data.Common.DbTransaction? transaction = null)
    {
        var parameters = new { ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, RegionCode = regionCode, UnitCode = unitCode };
        return [.. await connection.QueryAsync<Row>(new CommandDefinition(sql.For("Case_ReadSummary", parameters), parameters, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>Whether the open numbers of an overview filter are the counters' (no period, no kind or category: only region, unit and complexity).</summary>
    public static bool CanCountOpen(CaseFilter filter) => CaseDays.CanCount(filter)
        && filter is { OpenedFrom: null, OpenedTo: null, Kind: null, Category: null };

    /// <summary>The open numbers of a filter <see cref="CanCountOpen"/> accepts, but for today's breaches (0: the caller reads them).</summary>
    public static OpenCaseCounts Open(IEnumerable<Row> rows, bool? complex)
    {
        int open = 0, openComplex = 0, atRisk = 0, overdue = 0, level1 = 0, level2 = 0, level3 = 0;
        foreach (var r in rows.Where(r => r.CaseStatus.IsOpen() && (complex is not { } c || r.Complex == c)))
        {
            open += r.Cases;
            openComplex += r.Complex ? r.Cases : 0;
            atRisk += r.SlaState == nameof(Core.Sla.SlaState.AtRisk) ? r.Cases : 0;
            overdue += r.SlaState == nameof(Core.Sla.SlaState.Breached) ? r.Cases : 0;
            level1 += r.EscalationLevel == 1 ? r.Cases : 0;
            level2 += r.EscalationLevel == 2 ? r.Cases : 0;
            level3 += r.EscalationLevel == 3 ? r.Cases : 0;
        }

        return new OpenCaseCounts(open, openComplex, atRisk, overdue, 0, level1, level2, level3);
    }

    /// <summary>
    /// Whether a list's filters are all dimensions the counters keep (status, open, complexity, level, region, unit, and
    /// the SLA state of open cases: a list of open cases only, as the case list's default is).
    /// </summary>
    public static bool CanCount(CaseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var f = query.Filter;
        return f.Kind is null && f.Category is null && f.Channel is null && f.Priority is null && f.StaffRole is null && f.ModuleCode is null
            && f.OpenedFrom is null && f.OpenedTo is null && !query.BreachedToday
            && (query.SlaState is null || query.Open == true || query.Status is { } status && status.IsOpen());
    }

    /// <summary>The list's total from the counters; only for a query <see cref="CanCount"/> accepts.</summary>
    public static int Total(IEnumerable<Row> rows, CaseListQuery query) => rows
        .Where(r => (query.Open is not { } open || r.CaseStatus.IsOpen() == open)
            && (query.Status is not { } status || r.CaseStatus == status)
            && (query.Filter.Complex is not { } complex || r.Complex == complex)
            && (query.EscalationLevel is not { } level || r.EscalationLevel == level)
            && (query.SlaState is not { } sla || r.SlaState == sla.ToString()))
        .Sum(r => r.Cases);
}
