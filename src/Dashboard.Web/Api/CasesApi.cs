using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId}", ReadCaseAsync).RequireAuthorization(ApiPolicies.Read).WithName("ReadCase");
        return api;
    }

    /// <summary>A case outside the caller's scope is answered exactly like a missing one: its existence is not leaked.</summary>
    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> ReadCaseAsync(
        string caseId, string? include, HttpContext http, ICaseStore cases, ICaseEventStore events, CancellationToken cancellationToken)
    {
        var scope = http.User.ReadScope()!;
        var state = await cases.ReadByIdAsync(caseId, scope, cancellationToken);
        if (state is null)
        {
            return EventsApi.Problem(StatusCodes.Status404NotFound, "Case not found", $"no case '{caseId}' within this key's scope");
        }

        IReadOnlyList<EventDto>? timeline = null;
        if (string.Equals(include, "events", StringComparison.OrdinalIgnoreCase))
        {
            timeline = (await events.ReadByCaseAsync(caseId, scope, cancellationToken)).Select(EventDto.From).ToArray();
        }

        return TypedResults.Ok(CaseDto.From(state, timeline));
    }
}
