using MudBlazor.Services;

namespace Dashboard.Web.Components;

/// <summary>The Blazor Server pages, MudBlazor and the resource files they speak from.</summary>
public static class UiServices
{
    public static IServiceCollection AddTableroUi(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Exception details reach the browser only on a developer's machine.
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = environment.IsDevelopment());
        // Notices go bottom-right, where they never cover a table's actions.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddTransient<MudBlazor.MudLocalizer, Components.Shared.MudTexts>();
        // Live pages stop redrawing while their browser is away (see CircuitPresence).
        services.AddScoped<Live.CircuitPresence>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Live.CircuitPresenceHandler>();
        return services;
    }
}
