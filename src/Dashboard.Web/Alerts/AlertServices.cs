using Dashboard.Core.Alerts;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Alerts;

/// <summary>Escalation alerts: in-app, e-mail and signed webhooks, delivered by a recurring job with Hangfire's retries.</summary>
public static class AlertServices
{
    public static IServiceCollection AddTableroAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName))
            .Validate(o => o.Recipients.All(g => g.Level is >= 1 and <= 3 && ReadScope.Parse(g.Scope) is not null && (string.IsNullOrWhiteSpace(g.WorkingHours) || Core.Sla.Calendars.WorkingHours.Problem(g.WorkingHours) is null))
                && o.Webhooks.All(w => w.Name.Length > 0 && w.Url is { IsAbsoluteUri: true } && w.Secret.Length >= 16)
                && o.ReminderEvery > TimeSpan.Zero,
                "Alerts: recipients need Level 1–3, a scope and valid WorkingHours; webhooks need Name, an absolute Url and a Secret of 16+ characters")
            .ValidateOnStart();
        services.AddSingleton<AlertJob>();
        services.AddSingleton<AlertDelivery>();
        services.AddHttpClient(AlertDelivery.WebhookClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    public static async Task ScheduleAlertsAsync(this IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite)
        {
            // Hangfire.InMemory forgot its queue with the last process: deliveries still pending are queued again.
            await services.GetRequiredService<IAlertStore>().ForgetQueuedAsync();
        }

        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<AlertJob>(AlertJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            services.GetRequiredService<IOptions<AlertOptions>>().Value.Cron);
        // Overdue committee agreements tell their owners on the same schedule as escalations.
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Committees.AgreementDeadlineJob>(Committees.AgreementDeadlineJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None), services.GetRequiredService<IOptions<AlertOptions>>().Value.Cron);
    }
}
