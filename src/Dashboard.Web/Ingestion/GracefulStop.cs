using System.Globalization;
using Dashboard.Core.Cases;

namespace Dashboard.Web.Ingestion;

/// <summary>
/// What SIGTERM does to writes (an orchestrator rolling out a new version, an operator's <c>systemctl stop</c>). From the
/// moment the host starts stopping: every new write request is answered 503 with <c>Retry-After</c> before its body is
/// read (the proxy sends it to another instance, a source system retries with the same event ids); the case-event
/// service takes nothing more from anyone (pages, jobs) and commits and answers what is already queued; readiness turns
/// false. Requests already inside get their answer, then Kestrel ends, SignalR closes every circuit (the browser shows
/// its "reconnecting" banner and finds this or another instance), and the process exits within the host's shutdown
/// timeout. An event is acknowledged only once stored, so every event is either acknowledged and stored or refused
/// and absent, never half of a batch.
/// </summary>
public static class GracefulStop
{
    /// <summary>What a refused write is told to wait: long enough for a restart, short enough for a source system's queue.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddTableroGracefulStop(this IServiceCollection services) =>
        services.AddHostedService<StopTakingOnShutdown>();

    /// <summary>Writes arriving while the host stops are refused at the door.</summary>
    public static IApplicationBuilder UseGracefulStop(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use(async (http, next) =>
        {
            if (stopping.IsCancellationRequested && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))
            {
                await RefuseAsync(http);
                return;
            }

            await next(http);
        });
    }

    /// <summary>503, <c>Retry-After</c>, and a problem that says nothing was stored.</summary>
    public static async Task RefuseAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        // The connection is not kept: the next request should find an instance that is not stopping.
        http.Response.Headers.Connection = "close";
        await TypedResults.Problem("This instance is stopping; nothing was stored. Send the same request again (the same event ids) in a few seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service stopping").ExecuteAsync(http);
    }

    /// <summary>On the first signal to stop, the case-event service stops taking work and drains its queue.</summary>
    private sealed class StopTakingOnShutdown(IHostApplicationLifetime lifetime, CaseEventService cases, ILogger<StopTakingOnShutdown> logger) : IHostedService
    {
        private CancellationTokenRegistration _registration;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _registration = lifetime.ApplicationStopping.Register(() =>
            {
                logger.LogInformation("Stopping: new writes are refused with 503; the events already queued are committed and answered");
                _ = cases.StopTakingAsync();
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _registration.Dispose();
            return Task.CompletedTask;
        }
    }
}
