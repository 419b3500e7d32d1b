using MudBlazor.Services;

namespace Dashboard.Web.Components;

/// <summary>The Blazor Server pages, MudBlazor and the resource files they speak from.</summary>
public static class UiServices
{
    public static IServiceCollection AddTableroUi(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Exception details reach the browser only on a developer's machine.
        // The circuit's first message brings back what the prerender read (PrerenderedReads keeps a load's reads under
        // its budget of JSON); SignalR's 32 KB default refused a region's 92 units.
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = environment.IsDevelopment())
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 128 * 1024);
        // Notices go bottom-right, where they never cover a table's actions.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddTransient<MudBlazor.MudLocalizer, Components.Shared.MudTexts>();
        // Live pages stop redrawing while their browser is away (see CircuitPresence).
        services.AddScoped<Live.CircuitPresence>();
        services.AddScoped<Components.Shared.PrerenderedReads>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Live.CircuitPresenceHandler>();
        return services;
    }
}
