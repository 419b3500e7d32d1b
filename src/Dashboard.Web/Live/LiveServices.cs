using Dashboard.Core.Live;

namespace Dashboard.Web.Live;

/// <summary>The live feed pages subscribe to, and the public hub for other clients (spanning instances through Redis).</summary>
public static class LiveServices
{
    public static IServiceCollection AddTableroLive(this IServiceCollection services, IConfiguration configuration)
    {
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
