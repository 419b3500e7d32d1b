using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Core.Profiles;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;

namespace Dashboard.Web.Committees;

/// <summary>What a secretary types for a new agreement: the owner is a unit, an OOAD/Red or a person, or every committee (central only).</summary>
public sealed record AgreementDraft(AgreementType Type, string? Text, AgreementOwnerKind OwnerKind, string? OwnerCode, DateOnly? DueOn)
{
    /// <summary>Ids of the cases that motivated it (within the committee's scope).</summary>
    public IReadOnlyList<string> CaseIds { get; init; } = [];

    /// <summary>Brigade findings it acts on (not yet acted on, within the committee's scope).</summary>
    public IReadOnlyList<Guid> FindingIds { get; init; } = [];
}

/// <summary>A central agreement's copy and the committee that follows it: who has and has not complied.</summary>
public sealed record AgreementCompliance(Agreement Copy, Committee Committee);

/// <summary>
/// Agreements (acuerdos): recorded by a committee's runners in an open session for an owner it covers, followed up to the
/// end by them, by a director whose scope covers the owner, or by the person who owns it; every step checked and audited
/// with its actor. A central committee's agreement can be issued to every OOAD/Red and UMAE committee at once.
/// </summary>
public sealed class AgreementService(
    ICommitteeStore store, ICommitteeSessionStore sessions, IAgreementStore agreements, IBrigadeStore brigades, ICaseReader cases, IAccessStore access,
    CatalogueService catalogue, AuditTrail audit, TimeProvider time)
{
    public const int MaxCases = 20;

    /// <summary>Records an agreement of an open session; null when recorded, else what is wrong (a code for the page's words).</summary>
    public async Task<string?> AddAgreementAsync(ClaimsPrincipal who, Guid sessionId, AgreementDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(draft);
        if (await sessions.ReadByIdAsync(sessionId, cancellationToken) is not { } session
            || await store.ReadByCodeAsync(session.CommitteeCode, ReadScope.All, cancellationToken) is not { } committee)
        {
            return "SessionUnknown";
        }

        var scope = CommitteeAgenda.ScopeOf(committee);
        var what = draft.Text?.Trim();
        var owner = await OwnerAsync(committee, draft.OwnerKind, draft.OwnerCode?.Trim(), cancellationToken);
        var problem = !await CommitteeRunners.CanRunAsync(store, who, committee.Code, cancellationToken) ? "NotSecretary"
            : SessionRules.WhyNotRecord(session)
            ?? (!Enum.IsDefined(draft.Type) ? "AgreementTypeUnknown"
            : string.IsNullOrEmpty(what) || what.Length > AgreementRules.MaxTextLength ? "AgreementTextRequired"
            : owner is null ? (draft.OwnerKind == AgreementOwnerKind.Committees ? "IssueToAllCentralOnly" : "OwnerNotCovered")
            : draft.DueOn is not { } due || due < session.ScheduledOn ? "DueBeforeSession"
            : draft.CaseIds.Count > MaxCases ? "TooManyCases"
            : null)
            ?? await WhyNotLinkedAsync(draft, scope, cancellationToken);
        if (problem is null)
        {
            var now = time.GetUtcNow();
            var original = Place(new Agreement(Guid.NewGuid(), committee.Code, session.Id, draft.Type, what!, draft.OwnerKind, owner!.Value.Code, draft.DueOn!.Value,
                AgreementStatus.Pending, now, who.ShownName()), owner.Value.Region, owner.Value.Unit, committee);
            var copies = draft.OwnerKind != AgreementOwnerKind.Committees ? []
                : (await store.ReadAllAsync(ReadScope.ForInstitution(committee.Institution.Code), cancellationToken)).Where(c => c.Kind != CommitteeKind.Central)
                    .Select(c => Place(original with
                    {
                        Id = Guid.NewGuid(),
                        CommitteeCode = c.Code,
                        OwnerKind = c.Kind == CommitteeKind.Umae ? AgreementOwnerKind.Unit : AgreementOwnerKind.Region,
                        OwnerCode = c.Kind == CommitteeKind.Umae ? c.UnitCode! : c.RegionCode!,
                        ParentId = original.Id,
                    }, c.RegionCode, c.Kind == CommitteeKind.Umae ? c.UnitCode : null, c)).ToArray();
            await agreements.InsertAsync([original, .. copies], draft.CaseIds, draft.FindingIds, cancellationToken);
        }

        await audit.RecordAsync(who, AuditAction.AdminChange, null, problem is null ? AuditOutcome.Success : AuditOutcome.Failed,
            $"committee {committee.Code}: agreement for {draft.OwnerKind} {draft.OwnerCode} {(problem is null ? "recorded" : $"refused: {problem}")}", cancellationToken);
        return problem;
    }

    /// <summary>Who follows an agreement up: its committee's runners, a director whose scope covers the owner, or the person who owns it.</summary>
    public async Task<bool> CanFollowUpAsync(ClaimsPrincipal who, Agreement agreement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.OwnerKind == AgreementOwnerKind.Committees)
        {
            return false;
        }

        if (agreement.OwnerKind == AgreementOwnerKind.Person && string.Equals(agreement.OwnerCode, who.ActorName(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return await CommitteeRunners.CanRunAsync(store, who, agreement.CommitteeCode, cancellationToken)
            || (who.AccountRole() == Role.Director && who.ReadScope() is { } scope && agreement.OwnerKind != AgreementOwnerKind.Person && Covers(scope, agreement));
    }

    /// <summary>Moves an agreement with its note or evidence; null when done, else what is wrong.</summary>
    public async Task<string?> FollowUpAsync(ClaimsPrincipal who, Guid id, AgreementStatus to, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (await agreements.ReadByIdAsync(id, cancellationToken) is not { } agreement)
        {
            return "AgreementUnknown";
        }

        // A central original is followed in its copies, whoever asks: that answer comes before who may follow it.
        var problem = agreement.OwnerKind == AgreementOwnerKind.Committees ? "AgreementFollowedByEach"
            : !await CanFollowUpAsync(who, agreement, cancellationToken) ? "NotOwner"
            : AgreementRules.WhyNot(agreement, to, note)
            ?? (await agreements.MoveAsync(new AgreementNote(id, time.GetUtcNow(), who.ShownName(), to, note!.Trim()), cancellationToken) ? null : "AgreementClosed");
        await audit.RecordAsync(who, AuditAction.AdminChange, null, problem is null ? AuditOutcome.Success : AuditOutcome.Failed,
            $"agreement {id} of {agreement.CommitteeCode} → {to}{(problem is null ? "" : $" refused: {problem}")}", cancellationToken);
        return problem;
    }

    /// <summary>A central agreement's copies with their committees, those that have not complied first; empty for any other agreement.</summary>
    public async Task<IReadOnlyList<AgreementCompliance>> ReadComplianceAsync(Agreement original, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.OwnerKind != AgreementOwnerKind.Committees)
        {
            return [];
        }

        var committees = (await store.ReadAllAsync(ReadScope.All, cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        return [.. (await agreements.ReadChildrenAsync(original.Id, cancellationToken))
            .Where(c => committees.ContainsKey(c.CommitteeCode))
            .Select(c => new AgreementCompliance(c, committees[c.CommitteeCode]))
            .OrderBy(c => c.Copy.Status == AgreementStatus.Done).ThenBy(c => c.Committee.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The owner's name as a page shows it: the unit's or OOAD's name, the person's, or "every committee".</summary>
    public string OwnerName(Agreement agreement, string everyCommittee)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.OwnerKind switch
        {
            AgreementOwnerKind.Unit => catalogue.Current.FindUnit(agreement.OwnerCode)?.Name ?? agreement.OwnerCode,
            AgreementOwnerKind.Region => catalogue.Current.FindRegion(agreement.OwnerCode)?.Name ?? agreement.OwnerCode,
            AgreementOwnerKind.Committees => everyCommittee,
            _ => agreement.OwnerCode,
        };
    }

    private bool Covers(ReadScope scope, Agreement agreement) =>
        agreement.UnitCode is { } unit && agreement.RegionCode is { } region ? scope.Allows(region, unit, catalogue.Current.InstitutionOfRegion)
        : agreement.RegionCode is { } onlyRegion ? scope.Level switch
        {
            ScopeLevel.All => true,
            ScopeLevel.Institution => scope.Code == catalogue.Current.InstitutionOfRegion(onlyRegion),
            ScopeLevel.Region => scope.Code == onlyRegion,
            _ => false,
        }
        : scope.Level == ScopeLevel.All || (scope.Level == ScopeLevel.Institution && scope.Code == agreement.Institution);

    /// <summary>The owner's code and where it places the agreement (region, unit), when the committee may give it to that owner; else null.</summary>
    private async Task<(string Code, string? Region, string? Unit)?> OwnerAsync(Committee committee, AgreementOwnerKind kind, string? code, CancellationToken cancellationToken)
    {
        var scope = CommitteeAgenda.ScopeOf(committee);
        switch (kind)
        {
            case AgreementOwnerKind.Unit when code is not null && catalogue.Current.FindUnit(code) is { } unit
                && scope.Allows(unit.RegionCode, unit.Code, catalogue.Current.InstitutionOfRegion):
                return (unit.Code, unit.RegionCode, unit.Code);
            case AgreementOwnerKind.Region when code is not null && catalogue.Current.FindRegion(code) is { } region
                && committee.Kind != CommitteeKind.Umae && (committee.Kind == CommitteeKind.Central ? region.Institution == committee.Institution : region.Code == committee.RegionCode):
                return (region.Code, region.Code, null);
            case AgreementOwnerKind.Person when code is not null && await access.ReadUserByNameAsync(code, cancellationToken) is { RevokedAt: null } user:
                return (user.UserName, committee.RegionCode, committee.Kind == CommitteeKind.Umae ? committee.UnitCode : null);
            case AgreementOwnerKind.Committees when committee.Kind == CommitteeKind.Central:
                return (committee.Institution.Code, null, null);
            default:
                return null;
        }
    }

    private async Task<string?> WhyNotLinkedAsync(AgreementDraft draft, ReadScope scope, CancellationToken cancellationToken)
    {
        foreach (var caseId in draft.CaseIds)
        {
            if (await cases.ReadByIdAsync(caseId, scope, cancellationToken) is null)
            {
                return "LinkedCaseUnknown";
            }
        }

        if (draft.FindingIds.Count > 0)
        {
            var open = (await brigades.ReadOpenFindingsAsync(scope, 1000, cancellationToken)).Select(f => f.Finding.Id).ToHashSet();
            if (draft.FindingIds.Any(f => !open.Contains(f)))
            {
                return "FindingUnknown";
            }
        }

        return null;
    }

    /// <summary>Where the agreement sits (institution, region, unit) and when it becomes overdue: the end of its due day in the owner's zone.</summary>
    private Agreement Place(Agreement agreement, string? regionCode, string? unitCode, Committee committee)
    {
        var zone = unitCode is { } unit && catalogue.Current.FindUnit(unit) is { } u ? u.TimeZone
            : regionCode is { } region && catalogue.Current.FindRegion(region) is { } r ? r.TimeZone
            : InstitutionProfiles.Current.Find(committee.Institution)?.TimeZone ?? "UTC";
        var endOfDay = agreement.DueOn.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var overdueAfter = new DateTimeOffset(endOfDay, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(endOfDay)).ToUniversalTime();
        return agreement with { Institution = committee.Institution.Code, RegionCode = regionCode, UnitCode = unitCode, OverdueAfter = overdueAfter };
    }
}
