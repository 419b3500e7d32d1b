using Dashboard.Simulator;

namespace Dashboard.Web.Simulation;

/// <summary>The demo feed: the simulator as a hosted service when enabled.</summary>
public static class SimulatorServices
{
    public static IServiceCollection AddTableroSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.SectionName))
            .Validate(o => o.CasesPerMinute >= 0 && o.TimeScale > 0 && o.ComplexShare is >= 0 and <= 1, "Simulator: CasesPerMinute ≥ 0, TimeScale > 0, ComplexShare 0–1")
            .ValidateOnStart();
        services.AddSingleton<SimulatorHandover>();
        services.AddHostedService<SimulatorHostedService>();
        return services;
    }
}
