using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>The board as a committee reads it: flagged cases, complaint changes per unit, a report's figures.</summary>
public sealed class CommitteeBoardReader(ConnectionFactory connections, SqlScripts sql) : ICommitteeBoardReader
{
    public async Task<IReadOnlyList<ImpactCase>> ReadImpactCasesAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<ImpactRow>("Case_ReadImpactFlagged", scope, new { From = from, To = to, Max = max }, cancellationToken);
        return [.. rows.Select(r => new ImpactCase(r.CaseId, r.UnitCode, r.Category, Enum.Parse<CaseStatus>(r.Status), r.EscalationLevel, r.FlaggedAt, r.Reason))];
    }

    public async Task<IReadOnlyList<UnitComplaintChange>> ReadComplaintChangeAsync(ReadScope scope, string category, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<ChangeRow>("Case_ReadComplaintChangeByUnit", scope, new { Category = category, From = from, To = to, PreviousFrom = from - (to - from) },
            cancellationToken);
        return [.. rows.Select(r => new UnitComplaintChange(r.UnitCode, r.InPeriod, r.InPrevious))];
    }

    public async Task<IReadOnlyList<UnitIndicators>> ReadUnitIndicatorsAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<IndicatorRow>("Case_ReadUnitIndicators", scope, new { From = from, To = to, MistreatmentCategory = ClassificationCatalogue.Mistreatment },
            cancellationToken);
        return [.. rows.Select(r => new UnitIndicators(r.UnitCode, r.Opened, r.Complaints, r.Mistreatment, r.Resolved, r.Open, r.ResolutionBreached, r.Escalated))];
    }

    public async Task<IReadOnlyList<EscalationOutcome>> ReadEscalationOutcomesAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<OutcomeRow>("Case_ReadEscalationOutcomes", scope, new { From = from, To = to }, cancellationToken);
        return [.. rows.Select(r => new EscalationOutcome(r.Level, Enum.Parse<CaseStatus>(r.Status), r.Cases))];
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string statement, ReadScope scope, object values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(new { ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode });
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QueryAsync<T>(new CommandDefinition(sql[statement], parameters, cancellationToken: cancellationToken));
    }

    private sealed class ImpactRow
    {
        public string CaseId { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string Category { get; set; } = "";
        public string Status { get; set; } = "";
        public int EscalationLevel { get; set; }
        public DateTimeOffset FlaggedAt { get; set; }
        public string Reason { get; set; } = "";
    }

    private sealed class ChangeRow
    {
        public string UnitCode { get; set; } = "";
        public int InPeriod { get; set; }
        public int InPrevious { get; set; }
    }

    private sealed class IndicatorRow
    {
        public string UnitCode { get; set; } = "";
        public int Opened { get; set; }
        public int Complaints { get; set; }
        public int Mistreatment { get; set; }
        public int Resolved { get; set; }
        public int Open { get; set; }
        public int ResolutionBreached { get; set; }
        public int Escalated { get; set; }
    }

    private sealed class OutcomeRow
    {
        public int Level { get; set; }
        public string Status { get; set; } = "";
        public int Cases { get; set; }
    }
}
