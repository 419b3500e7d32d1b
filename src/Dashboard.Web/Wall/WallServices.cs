using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Wall;

/// <summary>The wall display. Bound from the "Wall" configuration section.</summary>
public sealed class WallOptions
{
    public const string SectionName = "Wall";

    /// <summary>The zone of the nationwide ("all") wall's clock and day, and of pages with no region or unit chosen.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Mexico_City";
}

public static class WallServices
{
    public static IServiceCollection AddTableroWall(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WallOptions>().Bind(configuration.GetSection(WallOptions.SectionName))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Wall:TimeZone must be an IANA time zone such as America/Mexico_City")
            .ValidateOnStart();
        // All walls of a scope share one board: the database is read once per scope, whatever the number of screens.
        services.AddSingleton<WallBoard>();
        services.AddSingleton<Recognition.RecognitionWallCache>();
        return services;
    }
}
