using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Reads;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;

namespace Dashboard.Web.Committees;

/// <summary>
/// A session's agenda as the board shows it, for the committee's own scope: the open cases escalated to its level or
/// beyond, the complex cases overdue, and its agreements still open. A region's committee leaves its UMAE's cases to their own committee. No
/// personal data: a case is its id, unit, category and level.
/// </summary>
public sealed class CommitteeAgenda(ICaseListReader cases, IAgreementStore agreements, CatalogueService catalogue)
{
    public const int MaxItems = 200;

    /// <summary>The agenda of a session of <paramref name="committee"/>: the board's cases, and the agreements of its other sessions still open.</summary>
    public async Task<AgendaItems> ReadAsync(Committee committee, Guid? sessionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var scope = ScopeOf(committee);
        var escalated = new List<CaseState>();
        for (var level = committee.Level; level <= 3; level++)
        {
            escalated.AddRange((await cases.ReadPageAsync(new CaseListQuery(CaseFilter.None, 1, MaxItems) { Open = true, EscalationLevel = level }, scope, cancellationToken)).Items);
        }

        var overdue = (await cases.ReadPageAsync(new CaseListQuery(CaseFilter.None with { Complex = true }, 1, MaxItems) { Open = true, SlaState = SlaState.Breached },
            scope, cancellationToken)).Items;
        var pending = (await agreements.ReadByCommitteeAsync(committee.Code, cancellationToken)).Where(a => a.IsOpen && a.SessionId != sessionId);
        return new AgendaItems(
            [.. escalated.Where(Belongs).OrderByDescending(c => c.EscalationLevel).ThenBy(c => c.OpenedAt)],
            [.. overdue.Where(Belongs).Where(c => escalated.All(e => e.CaseId != c.CaseId)).OrderBy(c => c.OpenedAt)],
            [.. pending.OrderBy(a => a.DueOn)]);

        // A UMAE has its own committee beside the OOAD's: its cases are not on the OOAD committee's agenda.
        bool Belongs(CaseState c) => committee.Kind != CommitteeKind.Region || catalogue.Current.FindUnit(c.UnitCode)?.Type != UnitType.Umae;
    }

    /// <summary>What a committee covers: its institution, its region, or its UMAE.</summary>
    public static ReadScope ScopeOf(Committee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return committee.Kind switch
        {
            CommitteeKind.Central => ReadScope.ForInstitution(committee.Institution.Code),
            CommitteeKind.Umae => ReadScope.ForUnit(committee.UnitCode!),
            _ => ReadScope.ForRegion(committee.RegionCode!),
        };
    }
}

/// <summary>
/// A session's agenda: escalated open cases (highest level first, oldest first), other complex cases overdue, and the
/// committee's agreements of earlier sessions still open (soonest due first).
/// </summary>
public sealed record AgendaItems(IReadOnlyList<CaseState> Escalated, IReadOnlyList<CaseState> ComplexOverdue, IReadOnlyList<Agreement> OpenAgreements);
