using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Committees;
using Dashboard.Core.Profiles;
using Dashboard.Core.Reads;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;

namespace Dashboard.Web.Committees;

/// <summary>
/// A session's agenda as the board shows it, for the committee's own scope, curated by its secretary: the open cases
/// escalated to its level or beyond, the complex cases overdue, the cases a director flagged with institutional impact,
/// the units whose mistreatment complaints rose against the period before, the brigade findings not yet acted on, its
/// agreements still open, and the topics she added — less what she set aside. A region's committee leaves its UMAE's
/// cases to their own committee. No personal data: a case is its id, unit, category and level.
/// </summary>
public sealed class CommitteeAgenda(
    ICaseListReader cases, ICommitteeBoardReader board, IAgreementStore agreements, IBrigadeStore brigades, ISessionAgendaStore curation,
    Indicators.ComplaintIndicators indicators, CatalogueService catalogue, TimeProvider time)
{
    public const int MaxItems = 200;

    /// <summary>How far back "rose" looks: the 30 days before the session against the 30 before them (month over month).</summary>
    public static readonly TimeSpan ComparisonPeriod = TimeSpan.FromDays(30);

    /// <summary>At most this many units that rose, the largest rises first: an agenda a committee can get through.</summary>
    public const int MaxRises = 10;

    /// <summary>The agenda of a session of <paramref name="committee"/> (or of the board now, without one).</summary>
    public async Task<AgendaItems> ReadAsync(Committee committee, CommitteeSession? session = null, CancellationToken cancellationToken = default)
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
        var (from, to) = PeriodBefore(committee, session);
        var impact = await board.ReadImpactCasesAsync(scope, from, to, MaxItems, cancellationToken);
        var changes = await board.ReadComplaintChangeAsync(scope, ClassificationCatalogue.Mistreatment, from, to, cancellationToken);
        // With nothing recorded in the period before (a new deployment), every unit would "rise": there is nothing to compare.
        var comparable = changes.Any(u => u.Previous > 0);
        var rises = comparable ? changes.Where(u => u.Rose) : [];
        // Against each unit's own baseline: a special cause of deterioration in its monthly XmR chart (Making Data Count).
        var deteriorations = await indicators.UnitsWithDeteriorationAsync(scope, ClassificationCatalogue.Mistreatment, Core.Indicators.Period.Month,
            cancellationToken: cancellationToken);
        var findings = await brigades.ReadOpenFindingsAsync(scope, MaxItems, cancellationToken);
        var pending = (await agreements.ReadByCommitteeAsync(committee.Code, cancellationToken))
            .Where(a => a.IsOpen && a.OwnerKind != AgreementOwnerKind.Committees && a.SessionId != session?.Id);
        var entries = session is null ? [] : await curation.ReadAsync(session.Id, cancellationToken);
        var setAside = entries.Where(e => e.State == AgendaEntryState.SetAside).ToArray();
        bool Kept(string key) => setAside.All(e => e.ItemKey != key);

        return new AgendaItems(
            [.. escalated.Where(Belongs).Where(c => Kept(AgendaKeys.Case(c.CaseId))).OrderByDescending(c => c.EscalationLevel).ThenBy(c => c.OpenedAt)],
            [.. overdue.Where(Belongs).Where(c => escalated.All(e => e.CaseId != c.CaseId) && Kept(AgendaKeys.Case(c.CaseId))).OrderBy(c => c.OpenedAt)],
            [.. impact.Where(c => BelongsUnit(c.UnitCode) && Kept(AgendaKeys.Case(c.CaseId)))],
            [.. rises.Where(u => BelongsUnit(u.UnitCode) && Kept(AgendaKeys.Unit(u.UnitCode))).OrderByDescending(u => u.Current - u.Previous).ThenBy(u => u.UnitCode).Take(MaxRises)],
            [.. findings.Where(f => BelongsUnit(f.Brigade.UnitCode) && Kept(AgendaKeys.Finding(f.Finding.Id))).Select(f => new AgendaFinding(f.Brigade, f.Finding))],
            [.. pending.Where(a => Kept(AgendaKeys.Agreement(a.Id))).OrderBy(a => a.DueOn)],
            [.. entries.Where(e => e.State == AgendaEntryState.Added).OrderBy(e => e.At)],
            setAside,
            [.. entries.Where(e => e.State == AgendaEntryState.Held).OrderBy(e => e.Position)])
        {
            RisesComparable = comparable,
            Deteriorations = [.. deteriorations.Where(u => BelongsUnit(u.UnitCode) && Kept(AgendaKeys.Deterioration(u.UnitCode))).Take(MaxRises)],
        };

        // A UMAE has its own committee beside the OOAD's: its cases are not on the OOAD committee's agenda.
        bool Belongs(CaseState c) => BelongsUnit(c.UnitCode);
        bool BelongsUnit(string unitCode) => committee.Kind != CommitteeKind.Region || catalogue.Current.FindUnit(unitCode)?.Type != UnitType.Umae;
    }

    /// <summary>The agenda as it stands, one line per item in its order, as the session's closing keeps it (Spanish: the minutes' language).</summary>
    public static IReadOnlyList<AgendaEntry> Held(AgendaItems items, Guid sessionId, string by, DateTimeOffset at, AgendaLabels labels)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(labels);
        var lines = items.Escalated.Select(c => (AgendaKeys.Case(c.CaseId), labels.Case(c)))
            .Concat(items.ComplexOverdue.Select(c => (AgendaKeys.Case(c.CaseId), labels.Case(c))))
            .Concat(items.Impact.Select(c => (AgendaKeys.Case(c.CaseId), labels.Impact(c))))
            .Concat(items.Deteriorations.Select(u => (AgendaKeys.Deterioration(u.UnitCode), labels.Deterioration(u))))
            .Concat(items.MistreatmentRises.Select(u => (AgendaKeys.Unit(u.UnitCode), labels.Rise(u))))
            .Concat(items.Findings.Select(f => (AgendaKeys.Finding(f.Finding.Id), labels.Finding(f))))
            .Concat(items.OpenAgreements.Select(a => (AgendaKeys.Agreement(a.Id), labels.Agreement(a))))
            .Concat(items.Topics.Select(t => (t.ItemKey, t.Label)))
            .DistinctBy(l => l.Item1, StringComparer.Ordinal);
        return [.. lines.Select((l, i) => new AgendaEntry(sessionId, l.Item1, AgendaEntryState.Held, l.Item2, by, at, i))];
    }

    /// <summary>The period the agenda compares and flags within: the <see cref="ComparisonPeriod"/> up to the session's day (or now, if sooner).</summary>
    public (DateTimeOffset From, DateTimeOffset To) PeriodBefore(Committee committee, CommitteeSession? session)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var now = time.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(InstitutionProfiles.Current.Find(committee.Institution)?.TimeZone ?? "UTC");
        var to = session is null ? now : new DateTimeOffset(session.ScheduledOn.AddDays(1).ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(session.ScheduledOn.ToDateTime(TimeOnly.MinValue)));
        to = to < now ? to : now;
        return (to - ComparisonPeriod, to);
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

/// <summary>A brigade's finding not yet acted on, with its brigade (unit, day).</summary>
public sealed record AgendaFinding(Brigade Brigade, BrigadeFinding Finding);

/// <summary>
/// A session's agenda: escalated open cases (highest level first, oldest first), other complex cases overdue, cases
/// flagged with institutional impact, units whose mistreatment complaints rose, brigade findings not yet acted on, the
/// committee's agreements of earlier sessions still open (soonest due first), the topics the secretary added, what she
/// set aside, and — once closed — the agenda as held.
/// </summary>
public sealed record AgendaItems(
    IReadOnlyList<CaseState> Escalated,
    IReadOnlyList<CaseState> ComplexOverdue,
    IReadOnlyList<ImpactCase> Impact,
    IReadOnlyList<UnitComplaintChange> MistreatmentRises,
    IReadOnlyList<AgendaFinding> Findings,
    IReadOnlyList<Agreement> OpenAgreements,
    IReadOnlyList<AgendaEntry> Topics,
    IReadOnlyList<AgendaEntry> SetAside,
    IReadOnlyList<AgendaEntry> Held)
{
    /// <summary>False when the period before had no complaints at all to compare with.</summary>
    public bool RisesComparable { get; init; } = true;

    /// <summary>Units whose monthly mistreatment chart shows a special cause of deterioration in its latest month, against their own baseline.</summary>
    public IReadOnlyList<Indicators.UnitDeterioration> Deteriorations { get; init; } = [];
}
