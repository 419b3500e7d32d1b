using Hangfire;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sla;

/// <summary>SLA clocks' sweep: a recurring job that records warnings, breaches and escalations through the case-event service.</summary>
public static class SlaServices
{
    public static IServiceCollection AddTableroSla(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.SectionName))
            .Validate(o => o.Problem() is null, "Sla: invalid working hours or ladder (see the README's configuration table)")
            .ValidateOnStart();
        services.AddSingleton<SlaSweepJob>();
        return services;
    }

    public static void ScheduleSlaSweep(this IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SlaSweepJob>(SlaSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            services.GetRequiredService<IOptions<SlaOptions>>().Value.SweepCron);
}
