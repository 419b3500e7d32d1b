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

/// <summary>The live feed pages subscribe to, and the public hub for other clients (spanning instances through Redis).</summary>
public static class LiveServices
{
    public static IServiceCollection AddTableroLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.SectionName))
            .Validate(o => o.RefreshInterval >= TimeSpan.FromMilliseconds(50) && o.RefreshInterval <= TimeSpan.FromSeconds(5) && o.IdleRefresh > o.RefreshInterval,
                "Live: RefreshInterval 50 ms–5 s, IdleRefresh longer than it")
            .ValidateOnStart();
        services.AddSingleton<InProcessLiveFeed>();
        services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<InProcessLiveFeed>());
        // Enums travel as their names on the hub too, as in the HTTP API.
        var signalR = services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            // Scale-out: hub groups span instances through the Redis backplane.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("tablero"));
        }

        services.AddHostedService<HubForwarder>();
        return services;
    }
}
