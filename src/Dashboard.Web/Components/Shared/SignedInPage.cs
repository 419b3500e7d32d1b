using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// A page read by a signed-in person or wall display: every query it makes takes <see cref="Scope"/>, the viewer's
/// own, so the filter is in the SQL and never forgotten. When the viewer's credential is revoked or changed, the
/// router replaces the page (and its live subscriptions go with it).
/// </summary>
public abstract class SignedInPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected ClaimsPrincipal Viewer { get; private set; } = new();

    protected ReadScope Scope => Viewer.ReadScope() ?? ReadScope.Nothing;

    protected bool Can(Permission permission) => Viewer.Can(permission);

    protected override async Task OnInitializedAsync()
    {
        Viewer = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
    }
}
