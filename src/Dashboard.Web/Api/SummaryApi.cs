using Dashboard.Core.Reads;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public static class SummaryApi
{
    public static RouteGroupBuilder MapSummaryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/summary", ReadSummaryAsync).RequireAuthorization(Policies.Read).WithName("ReadSummary").WithTags("Cases")
            .WithSummary("Count cases within the key's scope: open, open complex, by status and by escalation level")
            .Describe((_, operation) =>
            {
                OpenApiContract.Parameter(operation, "region", OpenApiContract.RegionFilter, OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "unit", OpenApiContract.UnitFilter, OpenApiContract.Text());
            });
        return api;
    }

    /// <summary>Region and unit narrow the key's scope, never widen it: outside it every count is zero.</summary>
    private static async Task<Ok<SummaryDto>> ReadSummaryAsync(HttpContext http, ICaseReader cases, string? region, string? unit, CancellationToken cancellationToken)
    {
        var summary = await cases.ReadSummaryAsync(CasesApi.NullIfEmpty(region), CasesApi.NullIfEmpty(unit), http.User.ReadScope()!, cancellationToken);
        return TypedResults.Ok(SummaryDto.From(summary));
    }
}
