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
public sealed class CommitteeService(ICommitteeStore store, CatalogueService catalogue, IAccessStore access, AuditTrail audit)
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

public static class CommitteeServices
{
    public static IServiceCollection AddTableroCommittees(this IServiceCollection services)
    {
        services.AddSingleton<CommitteeService>();
        return services;
    }
}
