using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Live;
using Dashboard.Web.Live;
using Dashboard.Web.Security;
using Microsoft.Extensions.Options;
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

    /// <summary>
    /// Whether the viewer may open this region's page: everyone of all, its own region's people, and a unit's people
    /// for their unit's region (they see their unit in it). Anyone else is answered exactly as for a region that does
    /// not exist: not even its name.
    /// </summary>
    protected bool MaySee(Region region, Func<string, string?> regionOfUnit)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(regionOfUnit);
        return Scope.Level switch
        {
            ScopeLevel.All => true,
            ScopeLevel.Institution => Scope.Code == region.Institution.ToString(),
            ScopeLevel.Region => Scope.Code == region.Code,
            _ => regionOfUnit(Scope.Code!) == region.Code,
        };
    }

    /// <summary>Whether the viewer may open this unit's page; otherwise it is answered as a unit that does not exist.</summary>
    protected bool MaySee(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Scope.Allows(unit.RegionCode, unit.Code, _ => unit.Institution.ToString());
    }

    // Resolved only by pages that go live, so a page (or its test) that does not needs none of it.
    [Inject] private IServiceProvider Services { get; set; } = default!;

    /// <summary>
    /// Follows the live feed within the viewer's scope: <paramref name="load"/> re-reads the page (throttled, on this
    /// circuit, failures reported to the error boundary) whenever a relevant event arrives. The page disposes the view.
    /// </summary>
    protected LiveView Watch(Func<Task> load, Func<LiveCaseEvent, bool>? relevant = null, TimeSpan? every = null) =>
        Watch(_ => load(), relevant, every);

    /// <summary>As <see cref="Watch(Func{Task}, Func{LiveCaseEvent, bool}?, TimeSpan?)"/>, handed the relevant events that arrived.</summary>
    protected LiveView Watch(Func<IReadOnlyList<LiveCaseEvent>, Task> onEvents, Func<LiveCaseEvent, bool>? relevant = null, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(onEvents);
        var options = Services.GetService<IOptions<LiveOptions>>()?.Value ?? new LiveOptions();
        var presence = Services.GetService<CircuitPresence>();
        var skipped = 0;
        Task Refresh(IReadOnlyList<LiveCaseEvent> events)
        {
            if (presence is { IsConnected: false })
            {
                // Nobody to draw for: read once when the browser is back (never for a page closed for good).
                if (Interlocked.Exchange(ref skipped, 1) == 0)
                {
                    presence.WhenReconnected(() => _ = Refresh([]));
                }

                return Task.CompletedTask;
            }

            Interlocked.Exchange(ref skipped, 0);
            return InvokeAsync(async () =>
            {
                try
                {
                    await onEvents(events);
                    StateHasChanged();
                }
                catch (Exception ex)
                {
                    await DispatchExceptionAsync(ex);
                }
            });
        }

        var view = new LiveView(Services.GetRequiredService<ILiveFeed>(), Scope, Refresh, Services.GetRequiredService<TimeProvider>(), options.RefreshInterval, relevant, every);
        _views.Add(view);
        if (_catchUp)
        {
            view.RefreshSoon();
        }

        return view;
    }

    private readonly List<LiveView> _views = [];
    private bool _catchUp;

    /// <summary>
    /// A read made once per page load (see <see cref="PrerenderedReads"/>): the circuit draws what the prerender read,
    /// and when events were committed in between, the page's live views re-read as they do for any event.
    /// </summary>
    /// <param name="key">What was read, among the page's reads (with what it depends on: a region's code, a filter).</param>
    /// <param name="read">The read itself.</param>
    protected Task<T> ReadOncePerLoadAsync<T>(string key, Func<Task<T>> read) =>
        PrerenderedReads.ReadOnceAsync(Services, $"{GetType().Name}:{key}", () => RendererInfo.IsInteractive, read, CatchUp);

    /// <summary>
    /// True while the page reads the data of a new address in its circuit: a page reached by a link inside the app draws
    /// before its reads answer, and shows <see cref="PageLoading"/> then instead of zeros or "nothing here". A prerender,
    /// and a circuit that takes the prerender's reads, draw only once the data is there and never show it. Neither does
    /// the embedded SQLite store: its async reads complete before they return, so the page draws once, with the data;
    /// SQL Server's reads yield, and there the bar shows.
    /// </summary>
    protected bool Loading { get; private set; }

    /// <summary>The page's load for a new address, with <see cref="Loading"/> set while it reads (live refreshes load without it).</summary>
    protected async Task LoadingAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Loading = true;
        try
        {
            await load();
        }
        finally
        {
            Loading = false;
        }
    }

    private void CatchUp()
    {
        _catchUp = true;
        _views.ForEach(v => v.RefreshSoon());
    }

    protected override async Task OnInitializedAsync()
    {
        Viewer = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
    }
}
