using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;

namespace Dashboard.Web.Committees;

/// <summary>A finding as typed on the brigade form.</summary>
public sealed record FindingDraft(string? Category, string? StaffRole, string? Text);

/// <summary>
/// Brigades: a director (or an administrator) whose scope covers the unit records the visit, who went, the areas walked
/// and the findings by cause of mistreatment; checked whole, stored together, audited with its actor.
/// </summary>
public sealed class BrigadeService(IBrigadeStore store, CatalogueService catalogue, AuditTrail audit, TimeProvider time)
{
    /// <summary>Who records a brigade at a unit: an administrator, or a director whose scope covers it.</summary>
    public bool CanRecord(ClaimsPrincipal who, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(who);
        return catalogue.Current.FindUnit(unitCode) is { } unit
            && (who.Can(Permission.Admin)
                || (who.AccountRole() == Role.Director && who.ReadScope() is { } scope && scope.Allows(unit.RegionCode, unit.Code, catalogue.Current.InstitutionOfRegion)));
    }

    /// <summary>Records the brigade; the id when recorded, else what is wrong (a code for the page's words).</summary>
    public async Task<(Guid? Id, string? Problem)> RecordAsync(ClaimsPrincipal who, string unitCode, DateOnly? visitedOn, string? members, string? areas,
        IReadOnlyList<FindingDraft> findings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(findings);
        var unit = catalogue.Current.FindUnit(unitCode);
        var id = Guid.NewGuid();
        var typed = findings.Where(f => !string.IsNullOrWhiteSpace(f.Text) || !string.IsNullOrWhiteSpace(f.Category))
            .Select(f => new BrigadeFinding(Guid.NewGuid(), id, f.Category?.Trim() ?? "", string.IsNullOrWhiteSpace(f.StaffRole) ? null : f.StaffRole.Trim(), f.Text?.Trim() ?? "", null))
            .ToArray();
        string? problem;
        if (unit is null || !CanRecord(who, unitCode))
        {
            problem = "UnitNotCovered";
        }
        else if (visitedOn is not { } day)
        {
            problem = "BrigadeDateRequired";
        }
        else
        {
            var classification = ClassificationCatalogue.For(unit.Institution);
            var today = DateOnly.FromDateTime(catalogue.UnitTime(unit.Code, time.GetUtcNow()).DateTime);
            problem = BrigadeRules.WhyNot(day, today, BrigadeRules.Lines(members), BrigadeRules.Lines(areas), typed,
                c => classification.FindCategory(c) is not null, r => classification.FindStaffRole(r) is not null);
            if (problem is null)
            {
                await store.InsertAsync(new Brigade(id, unit.Institution, unit.RegionCode, unit.Code, day, BrigadeRules.Lines(members), BrigadeRules.Lines(areas),
                    time.GetUtcNow(), who.ShownName()) { Findings = typed }, cancellationToken);
            }
        }

        await audit.RecordAsync(who, AuditAction.AdminChange, null, problem is null ? AuditOutcome.Success : AuditOutcome.Failed,
            $"brigade at {unitCode} on {visitedOn:yyyy-MM-dd} with {typed.Length} findings {(problem is null ? "recorded" : $"refused: {problem}")}", cancellationToken);
        return problem is null ? (id, null) : (null, problem);
    }

    /// <summary>A unit's brigades of the last two years, newest first, for a reader whose scope covers it.</summary>
    public Task<IReadOnlyList<Brigade>> ReadForUnitAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var unit = catalogue.Current.FindUnit(unitCode);
        if (unit is null || !scope.Allows(unit.RegionCode, unit.Code, catalogue.Current.InstitutionOfRegion))
        {
            return Task.FromResult<IReadOnlyList<Brigade>>([]);
        }

        var today = DateOnly.FromDateTime(catalogue.UnitTime(unit.Code, time.GetUtcNow()).DateTime);
        return store.ReadAsync(ReadScope.ForUnit(unit.Code), today.AddYears(-2), today, cancellationToken);
    }
}
