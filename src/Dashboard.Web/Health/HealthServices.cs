using System.Text.Json;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Health;

/// <summary>What "ready" demands. Bound from the "Health" configuration section.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Below this much free space on the SQLite data folder's disk the instance stops calling itself ready.</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 256;

    /// <summary>A commit that has not finished after this long means the writer is stuck (a hung disk, a lock held elsewhere).</summary>
    public TimeSpan StuckCommitAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// <c>/health/live</c>: the process answers (restart it when it does not). <c>/health/ready</c>: it can do its work — the
/// database is the one it opened, reachable, migrated and has room, the writer is not stuck, Redis answers when
/// configured (send it traffic only then). Anonymous, as load balancers and orchestrators call them; no secret in the answer.
/// </summary>
public static class HealthServices
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static IServiceCollection AddTableroHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName))
            .Validate(o => o.MinimumFreeDiskMegabytes >= 0 && o.StuckCommitAfter > TimeSpan.Zero, "Health: MinimumFreeDiskMegabytes ≥ 0, StuckCommitAfter > 0")
            .ValidateOnStart();
        var checks = services.AddHealthChecks()
            .AddCheck<StorageReadyCheck>("storage", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<WriterCheck>("writer", tags: [Ready])
            .AddCheck<StoppingCheck>("stopping", tags: [Ready]);
        if (configuration.GetConnectionString("Redis") is { Length: > 0 })
        {
            // The live feed's own connection: ready means the feed can reach the other instances.
            checks.AddRedis(sp => sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), name: "redis", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        }

        return services;
    }

    public static void MapTableroHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).ExcludeFromDescription();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).ExcludeFromDescription();
    }

    /// <summary><c>{"status":"Unhealthy","checks":{"storage":{"status":"Unhealthy","description":"the disk … is full"}}}</c></summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: http.RequestAborted);
    }
}

/// <summary>The database: still the file that was opened, reachable, every migration applied, room on its disk.</summary>
public sealed class StorageReadyCheck(ConnectionFactory connections, IOptions<DatabaseOptions> database, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await connections.CheckDatabaseFileAsync(cancellationToken);
            await using var connection = await connections.OpenAsync(cancellationToken);
            var applied = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM {DatabaseMigrator.JournalTable}", cancellationToken: cancellationToken));
            var expected = DatabaseMigrator.ScriptCount(connections.Provider);
            if (applied < expected)
            {
                return HealthCheckResult.Unhealthy($"{applied} of {expected} migrations applied");
            }

            if (connections.Provider == DatabaseProvider.Sqlite)
            {
                var freeMegabytes = new DriveInfo(database.Value.ResolveDataFolder()).AvailableFreeSpace / (1024 * 1024);
                if (freeMegabytes < options.Value.MinimumFreeDiskMegabytes)
                {
                    return HealthCheckResult.Unhealthy($"{freeMegabytes} MB free on the data folder's disk; at least {options.Value.MinimumFreeDiskMegabytes} MB wanted");
                }
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (StorageFaults.Describe(ex) is { } fault)
        {
            return HealthCheckResult.Unhealthy(fault.Reason);
        }
    }
}

/// <summary>The case-event service's writer: inside one commit for longer than it should ever take means it is stuck.</summary>
public sealed class WriterCheck(CaseEventService cases, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var age = cases.CurrentCommitAge;
        return Task.FromResult(age < options.Value.StuckCommitAfter
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"one commit has been running for {age.TotalSeconds:N0} s"));
    }
}

/// <summary>A stopping instance takes no more writes (GracefulStop): the proxy should send nothing more its way.</summary>
public sealed class StoppingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("the instance is stopping") : HealthCheckResult.Healthy());
}
