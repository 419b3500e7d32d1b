using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;

namespace Dashboard.Web.Committees;

/// <summary>
/// Agreements (acuerdos): recorded by a committee's runners in an open session for a unit it covers, followed up to the
/// end by them or by a director whose scope covers the unit; every step checked and audited with its actor.
/// </summary>
public sealed class AgreementService(
    ICommitteeStore store, ICommitteeSessionStore sessions, IAgreementStore agreements, CatalogueService catalogue, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Records an agreement of an open session, owned by a unit the committee covers, due on or after the session;
    /// null when recorded, else what is wrong (a code for the page's words).
    /// </summary>
    public async Task<string?> AddAgreementAsync(ClaimsPrincipal who, Guid sessionId, AgreementType type, string? text, string? ownerUnit, DateOnly? dueOn,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (await sessions.ReadByIdAsync(sessionId, cancellationToken) is not { } session
            || await store.ReadByCodeAsync(session.CommitteeCode, ReadScope.All, cancellationToken) is not { } committee)
        {
            return "SessionUnknown";
        }

        var what = text?.Trim();
        var unit = ownerUnit is null ? null : catalogue.Current.FindUnit(ownerUnit);
        var problem = !await CommitteeRunners.CanRunAsync(store, who, committee.Code, cancellationToken) ? "NotSecretary"
            : SessionRules.WhyNotRecord(session)
            ?? (!Enum.IsDefined(type) ? "AgreementTypeUnknown"
            : string.IsNullOrEmpty(what) || what.Length > AgreementRules.MaxTextLength ? "AgreementTextRequired"
            : unit is null || !CommitteeAgenda.ScopeOf(committee).Allows(unit.RegionCode, unit.Code, catalogue.Current.InstitutionOfRegion) ? "OwnerNotCovered"
            : dueOn is not { } due || due < session.ScheduledOn ? "DueBeforeSession"
            : null);
        if (problem is null)
        {
            await agreements.InsertAsync(new Agreement(Guid.NewGuid(), committee.Code, session.Id, type, what!, unit!.Code, dueOn!.Value, AgreementStatus.Pending,
                time.GetUtcNow(), who.ShownName()), cancellationToken);
        }

        await audit.RecordAsync(who, AuditAction.AdminChange, null, problem is null ? AuditOutcome.Success : AuditOutcome.Failed,
            $"committee {committee.Code}: agreement for {ownerUnit} {(problem is null ? "recorded" : $"refused: {problem}")}", cancellationToken);
        return problem;
    }

    /// <summary>Who follows an agreement up: its committee's runners, or a director whose scope covers the owning unit.</summary>
    public async Task<bool> CanFollowUpAsync(ClaimsPrincipal who, Agreement agreement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(agreement);
        var unit = catalogue.Current.FindUnit(agreement.OwnerUnitCode);
        return await CommitteeRunners.CanRunAsync(store, who, agreement.CommitteeCode, cancellationToken)
            || (who.AccountRole() == Role.Director && unit is not null && who.ReadScope() is { } scope
                && scope.Allows(unit.RegionCode, unit.Code, catalogue.Current.InstitutionOfRegion));
    }

    /// <summary>Moves an agreement with its note or evidence; null when done, else what is wrong.</summary>
    public async Task<string?> FollowUpAsync(ClaimsPrincipal who, Guid id, AgreementStatus to, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (await agreements.ReadByIdAsync(id, cancellationToken) is not { } agreement)
        {
            return "AgreementUnknown";
        }

        var problem = !await CanFollowUpAsync(who, agreement, cancellationToken) ? "NotOwner"
            : AgreementRules.WhyNot(agreement, to, note)
            ?? (await agreements.MoveAsync(new AgreementNote(id, time.GetUtcNow(), who.ShownName(), to, note!.Trim()), cancellationToken) ? null : "AgreementClosed");
        await audit.RecordAsync(who, AuditAction.AdminChange, null, problem is null ? AuditOutcome.Success : AuditOutcome.Failed,
            $"agreement {id} of {agreement.CommitteeCode} → {to}{(problem is null ? "" : $" refused: {problem}")}", cancellationToken);
        return problem;
    }
}
