using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// What every page test starts from: Mexican Spanish, MudBlazor, the app's resource files, the real clock, an audit
/// log kept in memory, and a signed-in administrator of everything unless the test signs in someone else.
/// </summary>
public abstract class PageTestContext : BunitContext
{
    private readonly BunitAuthorizationContext _authorization;

    protected PageTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-MX");
        DefaultWaitTimeout = TimeSpan.FromSeconds(5);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IAuditStore>(AuditLog);
        Services.AddSingleton<AuditTrail>();
        _authorization = AddAuthorization();
        SignInAs(Role.Administrator, ReadScope.All);
    }

    protected RecordingAuditStore AuditLog { get; } = new();

    /// <summary>The signed-in person's user id, as their events' actor carries it.</summary>
    protected Guid UserId { get; } = Guid.NewGuid();

    /// <summary>The viewer as the app's sign-in makes them: role, scope and the role's permissions as claims.</summary>
    protected void SignInAs(Role role, ReadScope scope, string name = "laura.mendez", string? displayName = null, string? module = null)
    {
        var identity = TableroClaims.Identity("Test", name, role.ToString(), scope, RolePermissions.Of(role), CredentialKind.User, UserId.ToString(), 1);
        if (displayName is not null)
        {
            identity.AddClaim(new System.Security.Claims.Claim(TableroClaims.DisplayName, displayName));
        }

        if (module is not null)
        {
            identity.AddClaim(new System.Security.Claims.Claim(TableroClaims.Module, module));
        }

        _authorization.SetAuthorized(name);
        _authorization.SetRoles(role.ToString());
        _authorization.SetPolicies(RolePermissions.Of(role).Select(Policies.For).ToArray());
        // Last: the other setters rebuild the principal from what they know.
        _authorization.SetClaims(identity.Claims.Where(c => c.Type is not (System.Security.Claims.ClaimTypes.Name or System.Security.Claims.ClaimTypes.Role)).ToArray());
    }
}

/// <summary>The audit log in memory, for asserting what a page wrote to it.</summary>
public sealed class RecordingAuditStore : IAuditStore
{
    private readonly List<AuditEntry> _entries = [];

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? caseId, string? actor, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.Where(e => (caseId is null || e.CaseId == caseId) && (actor is null || e.Actor == actor)).Reverse().Take(limit).ToArray());

    public Task<IReadOnlyList<AuditEntry>> ListForInsuredAsync(string insuredId, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([]);
}
