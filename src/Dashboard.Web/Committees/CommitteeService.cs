using System.Net.Mail;
using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Core.Profiles;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;

namespace Dashboard.Web.Committees;

/// <summary>
/// The committees of the catalogue kept in step with it, and every change to a committee — its address, its members —
/// made by an administrator, checked and audited with its actor.
/// </summary>
public sealed class CommitteeService(
    ICommitteeStore store, ICommitteeSessionStore sessions, ISessionAgendaStore curation, CommitteeAgenda agenda, CatalogueService catalogue, IAccessStore access,
    AuditTrail audit, TimeProvider time)
{
    /// <summary>Adds the committees a new region or UMAE implies (and renames a renamed one's); addresses and members stay.</summary>
    public Task SyncAsync(CancellationToken cancellationToken = default) =>
        store.SyncAsync(CommitteePlan.From(catalogue.Current.Snapshot, InstitutionProfiles.Current), cancellationToken);

    /// <summary>Null when set, else what is wrong with the address (empty clears it).</summary>
    public async Task<string?> SetEmailAsync(ClaimsPrincipal who, string code, string? email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && (address.Length > 320 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address))
        {
            return "EmailFormat";
        }

        if (!await store.SetEmailAsync(code, address, cancellationToken))
        {
            return "CommitteeUnknown";
        }

        await audit.RecordAsync(who, AuditAction.AdminChange, null, AuditOutcome.Success, $"committee {code}: address {address ?? "none"}", cancellationToken);
        return null;
    }

    /// <summary>Null when she is in the committee with that part, else what is wrong.</summary>
    public async Task<string?> SetMemberAsync(ClaimsPrincipal who, string code, string userName, CommitteeRole role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (!Enum.IsDefined(role))
        {
            return "CommitteeRoleUnknown";
        }

        var user = string.IsNullOrWhiteSpace(userName) ? null : await access.ReadUserByNameAsync(userName, cancellationToken);
        if (user is null || user.RevokedAt is not null)
        {
            return "UserUnknown";
        }

        if (!await store.SetMemberAsync(code, user.Id, role, cancellationToken))
        {
            return "CommitteeUnknown";
        }

        await audit.RecordAsync(who, AuditAction.AdminChange, null, AuditOutcome.Success, $"committee {code}: {user.UserName} as {role}", cancellationToken);
        return null;
    }

    /// <summary>Who runs a committee's sessions: an administrator, or its president or technical secretary.</summary>
    public Task<bool> CanRunSessionsAsync(ClaimsPrincipal who, string code, CancellationToken cancellationToken = default) =>
        CommitteeRunners.CanRunAsync(store, who, code, cancellationToken);

    /// <summary>Plans the year's four ordinary sessions (those already planned stay); null when done, else what is wrong.</summary>
    public async Task<string?> PlanYearAsync(ClaimsPrincipal who, string code, int year, CancellationToken cancellationToken = default)
    {
        if (!await CanRunSessionsAsync(who, code, cancellationToken))
        {
            return "NotSecretary";
        }

        if (year is < 2020 or > 2100)
        {
            return "YearRange";
        }

        var added = await sessions.PlanAsync(
            [.. SessionRules.QuarterlyCalendar(year).Select(q => new CommitteeSession(Guid.NewGuid(), code, SessionKind.Ordinary, q.On, q.Title, SessionStatus.Planned, null, [], null, null, null, null))],
            cancellationToken);
        await audit.RecordAsync(who, AuditAction.AdminChange, null, AuditOutcome.Success, $"committee {code}: {added} ordinary sessions of {year} planned", cancellationToken);
        return null;
    }

    /// <summary>Calls an extraordinary session for a date; null when done, else what is wrong.</summary>
    public async Task<string?> CallExtraordinaryAsync(ClaimsPrincipal who, string code, DateOnly on, string? reason, CancellationToken cancellationToken = default)
    {
        if (!await CanRunSessionsAsync(who, code, cancellationToken))
        {
            return "NotSecretary";
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > 150)
        {
            return "ReasonRequired";
        }

        await sessions.PlanAsync([new CommitteeSession(Guid.NewGuid(), code, SessionKind.Extraordinary, on, $"Sesión extraordinaria: {why}", SessionStatus.Planned, null, [], null, null, null, null)],
            cancellationToken);
        await audit.RecordAsync(who, AuditAction.AdminChange, null, AuditOutcome.Success, $"committee {code}: extraordinary session on {on:yyyy-MM-dd}", cancellationToken);
        return null;
    }

    /// <summary>Opens, records (attendance and minutes) or closes a session; null when done, else what is wrong (a code for the page's words).</summary>
    public async Task<string?> ChangeSessionAsync(ClaimsPrincipal who, Guid id, SessionChange change, IReadOnlyList<Guid>? attendees = null, string? minutes = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (await sessions.ReadByIdAsync(id, cancellationToken) is not { } session)
        {
            return "SessionUnknown";
        }

        if (!await CanRunSessionsAsync(who, session.CommitteeCode, cancellationToken))
        {
            return "NotSecretary";
        }

        var members = await store.ReadMembersAsync(session.CommitteeCode, cancellationToken);
        var now = time.GetUtcNow();
        var problem = change switch
        {
            SessionChange.Open => SessionRules.WhyNotOpen(session) ?? (await sessions.OpenAsync(id, who.ShownName(), now, cancellationToken) ? null : "SessionNotPlanned"),
            SessionChange.Record => SessionRules.WhyNotRecord(session)
                ?? ((minutes?.Length ?? 0) > SessionRules.MaxMinutesLength ? "MinutesTooLong" : null)
                ?? ((attendees ?? []).Any(a => members.All(m => m.UserId != a)) ? "AttendeeNotMember" : null)
                ?? (await sessions.RecordAsync(id, attendees ?? [], minutes, cancellationToken) ? null : "SessionNotOpen"),
            SessionChange.Close => SessionRules.WhyNotClose(session, members.Count)
                ?? (await sessions.CloseAsync(id, who.ShownName(), now, await HeldAsync(session, who.ShownName(), now, cancellationToken), cancellationToken) ? null : "SessionNotOpen"),
            _ => "SessionUnknown",
        };
        await audit.RecordAsync(who, AuditAction.AdminChange, null, problem is null ? AuditOutcome.Success : AuditOutcome.Failed,
            $"committee {session.CommitteeCode}: session {session.ScheduledOn:yyyy-MM-dd} {change}{(problem is null ? "" : $" refused: {problem}")}", cancellationToken);
        return problem;
    }

    /// <summary>
    /// The secretary's curation while a session is prepared or held: sets a board item aside (with why) or brings it
    /// back, adds a topic of her own or removes it. Null when done, else what is wrong.
    /// </summary>
    public async Task<string?> CurateAsync(ClaimsPrincipal who, Guid sessionId, AgendaCuration change, string itemKey, string? text, string? what = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentException.ThrowIfNullOrEmpty(itemKey);
        if (await sessions.ReadByIdAsync(sessionId, cancellationToken) is not { } session)
        {
            return "SessionUnknown";
        }

        var label = text?.Trim();
        var problem = !await CanRunSessionsAsync(who, session.CommitteeCode, cancellationToken) ? "NotSecretary"
            : session.Status == SessionStatus.Closed ? "SessionClosed"
            : change is AgendaCuration.SetAside or AgendaCuration.AddTopic && (string.IsNullOrEmpty(label) || label.Length > AgendaKeys.MaxTopicLength) ? "AgendaTextRequired"
            : null;
        if (problem is null)
        {
            // A set-aside item keeps what it was beside why, so the list of set-aside items reads without its key.
            var shown = change == AgendaCuration.SetAside && !string.IsNullOrWhiteSpace(what) ? $"{what.Trim()} — {label}" : label ?? "";
            var entry = new AgendaEntry(sessionId, itemKey, change is AgendaCuration.AddTopic or AgendaCuration.RemoveTopic ? AgendaEntryState.Added : AgendaEntryState.SetAside,
                Components.Shared.ShortText.AtWord(shown, AgendaKeys.MaxTopicLength * 2), who.ShownName(), time.GetUtcNow());
            if (change is AgendaCuration.SetAside or AgendaCuration.AddTopic)
            {
                await curation.SaveAsync(entry, cancellationToken);
            }
            else if (!await curation.RemoveAsync(sessionId, itemKey, entry.State, cancellationToken))
            {
                problem = "AgendaItemUnknown";
            }
        }

        await audit.RecordAsync(who, AuditAction.AdminChange, null, problem is null ? AuditOutcome.Success : AuditOutcome.Failed,
            $"committee {session.CommitteeCode}: session {session.ScheduledOn:yyyy-MM-dd} agenda {change} {itemKey}{(problem is null ? "" : $" refused: {problem}")}", cancellationToken);
        return problem;
    }

    /// <summary>The agenda as it stands when the session closes, to keep with its minutes.</summary>
    private async Task<IReadOnlyList<AgendaEntry>> HeldAsync(CommitteeSession session, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await store.ReadByCodeAsync(session.CommitteeCode, Core.Storage.ReadScope.All, cancellationToken) is not { } committee)
        {
            return [];
        }

        var items = await agenda.ReadAsync(committee, session, cancellationToken);
        return CommitteeAgenda.Held(items, session.Id, by, at, new AgendaLabels(catalogue.Current));
    }

    public async Task<bool> RemoveMemberAsync(ClaimsPrincipal who, string code, Guid userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var removed = await store.RemoveMemberAsync(code, userId, cancellationToken);
        if (removed)
        {
            await audit.RecordAsync(who, AuditAction.AdminChange, null, AuditOutcome.Success, $"committee {code}: member {userId} removed", cancellationToken);
        }

        return removed;
    }
}

/// <summary>Who runs a committee: an administrator, or its president or technical secretary.</summary>
public static class CommitteeRunners
{
    public static async Task<bool> CanRunAsync(ICommitteeStore store, ClaimsPrincipal who, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(who);
        if (who.Can(Permission.Admin))
        {
            return true;
        }

        var name = who.ActorName();
        return (await store.ReadMembersAsync(code, cancellationToken))
            .Any(m => string.Equals(m.UserName, name, StringComparison.OrdinalIgnoreCase) && m.Role is CommitteeRole.President or CommitteeRole.TechnicalSecretary);
    }
}

/// <summary>What a secretary does to a session's agenda.</summary>
public enum AgendaCuration
{
    SetAside,
    Restore,
    AddTopic,
    RemoveTopic,
}

/// <summary>What a secretary does to a session.</summary>
public enum SessionChange
{
    Open,
    Record,
    Close,
}

public static class CommitteeServices
{
    public static IServiceCollection AddTableroCommittees(this IServiceCollection services)
    {
        services.AddSingleton<CommitteeService>();
        services.AddSingleton<CommitteeAgenda>();
        services.AddSingleton<AgreementService>();
        services.AddSingleton<BrigadeService>();
        services.AddSingleton<AgreementDeadlineJob>();
        services.AddSingleton<QuarterlyReport>();
        return services;
    }
}
