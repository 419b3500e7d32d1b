using System.ComponentModel;
using Dashboard.Core.Reads;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public sealed record LateArrivalDto(
    [property: Description("The day the events arrived (UTC).")] DateOnly Day,
    [property: Description("Source (an API key), Person (the desk: people working in Tablero) or System (a history import, the demo).")] string SourceKind,
    [property: Description("The API key's name; \"desk\" for people.")] string Source,
    [property: Description("Events received late: placed behind events of their case already stored (each answered with a note).")] int Late,
    [property: Description("Of those, how many withdrew a breach.")] int Withdrew,
    [property: Description("Of those, how many had occurred beyond Sla:LateEventWindow: stored without rewriting the SLA history.")] int BeyondWindow);

/// <summary>Data quality for administrators: late arrivals per source and day, as /admin/calidad-datos shows them.</summary>
public static class DataQualityApi
{
    public static RouteGroupBuilder MapDataQualityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/late-arrivals", ListAsync).RequireAuthorization(Policies.Admin).WithName("ListLateArrivals").WithTags("Data quality")
            .WithSummary("Late arrivals per source and day over the last `days` days (1–366, 30 by default), newest day first");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<LateArrivalDto>>, ProblemHttpResult>> ListAsync(string? days, ILateArrivalReader reader, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var take = query.Int(nameof(days), days, 30, 1, 366);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await reader.ReadSinceAsync(today.AddDays(1 - take), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LateArrivalDto>>(rows.Select(r => new LateArrivalDto(r.Day, r.Source.Kind.ToString(), r.Source.Name, r.Late, r.Withdrew, r.BeyondWindow)).ToArray());
    }
}
