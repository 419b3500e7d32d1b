using Dashboard.Web.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// OpenTelemetry for operations: ASP.NET Core, HttpClient and runtime metrics beside the product's own
/// (<see cref="TableroMetrics"/>), scraped by Prometheus at <c>/metrics</c> (administrators of everything: an API key
/// with Admin permission for the scraper), and sent with traces over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
/// set (the exporter reads the standard OTEL_* variables). Traces are collected only then: without a collector they
/// would cost every request for nothing.
/// </summary>
public static class TelemetryServices
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddTableroTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TableroMetrics>();
        services.AddScoped<CircuitHandler, CircuitCounter>();
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tablero"))
            .WithMetrics(m => m
                .AddMeter(TableroMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
        {
            otel.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()).UseOtlpExporter();
        }

        return services;
    }

    public static void MapTableroTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.JobDashboard);
    }

    /// <summary>Counts this instance's open circuits for the gauge.</summary>
    private sealed class CircuitCounter(TableroMetrics metrics) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            metrics.CircuitOpened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            metrics.CircuitClosed();
            return Task.CompletedTask;
        }
    }
}
