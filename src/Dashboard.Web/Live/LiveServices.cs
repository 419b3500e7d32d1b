using Dashboard.Core.Live;

namespace Dashboard.Web.Live;

/// <summary>How live screens refresh. Bound from the "Live" configuration section.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>The least time between two redraws of a live page or wall, however many events arrive (about 4 a second).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A wall re-reads this often even when nothing happens (clocks move cases into "at risk" without an event).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The live feed pages subscribe to, and the public hub for other clients (spanning instances through Redis when configured).</summary>
public static class LiveServices
{
    public static IServiceCollection AddTableroLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.SectionName))
            .Validate(o => o.RefreshInterval >= TimeSpan.FromMilliseconds(50) && o.RefreshInterval <= TimeSpan.FromSeconds(5) && o.IdleRefresh > o.RefreshInterval,
                "Live: RefreshInterval 50 ms–5 s, IdleRefresh longer than it")
            .ValidateOnStart();
        services.AddSingleton<InProcessLiveFeed>();
        // Enums travel as their names on the hub too, as in the HTTP API.
        services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            // Scale-out: every instance hears every instance's events, in sequence order, gaps read from the log. Hub
            // groups follow this feed on each instance, so they need no SignalR backplane (which would deliver each
            // event once per instance, out of order with the gaps the feed repairs).
            services.AddOptions<ClusterFeedOptions>().Bind(configuration.GetSection(ClusterFeedOptions.SectionName))
                .Validate(o => o.CatchUpInterval >= TimeSpan.FromMilliseconds(100) && o.CatchUpInterval <= TimeSpan.FromMinutes(1), "Live:Cluster: CatchUpInterval 100 ms–1 min")
                .ValidateOnStart();
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => ConnectRedis(redis));
            services.AddSingleton<ClusterLiveFeed>();
            services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<ClusterLiveFeed>());
            services.AddHostedService(sp => sp.GetRequiredService<ClusterLiveFeed>());
        }
        else
        {
            services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<InProcessLiveFeed>());
        }

        services.AddHostedService<HubForwarder>();
        return services;
    }

    /// <summary>A connection that starts even while Redis is away and keeps reconnecting: Redis is a hint, never a reason not to serve.</summary>
    private static StackExchange.Redis.ConnectionMultiplexer ConnectRedis(string configuration)
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return StackExchange.Redis.ConnectionMultiplexer.Connect(options);
    }
}
