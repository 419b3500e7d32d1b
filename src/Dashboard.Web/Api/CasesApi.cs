using System.Globalization;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

public static class CasesApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", ListCasesAsync).RequireAuthorization(Policies.Read).WithName("ListCases").WithTags("Cases")
            .WithSummary("List cases within the key's scope, newest opened first, a page at a time")
            .Describe((document, operation) =>
            {
                DescribeListCases(operation);
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A query parameter is not valid; `errors` is keyed by its name.");
            });
        api.MapGet("/cases/{caseId}", ReadCaseAsync).RequireAuthorization(Policies.Read).WithName("ReadCase").WithTags("Cases")
            .WithSummary("Read one case (with its timeline when include=events)")
            .Describe((document, operation) =>
            {
                OpenApiContract.Parameter(operation, "include", "events: add the case's timeline, oldest first.", OpenApiContract.OneOf("events"));
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status404NotFound, "No such case within the key's scope.");
            });
        return api;
    }

    /// <summary>A case outside the caller's scope is answered exactly like a missing one: its existence is not leaked.</summary>
    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> ReadCaseAsync(
        string caseId, string? include, HttpContext http, ICaseReader cases, ICaseEventLog events, AuditTrail audit, CancellationToken cancellationToken)
    {
        // A case id may hold '/' (QJ-2026/000123, even ../x): clients send it escaped, and the server leaves %2F in the
        // path so it never separates segments. No other '%' can be part of an id, so this is the id, not a path.
        caseId = caseId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var scope = http.User.ReadScope()!;
        var state = await cases.ReadByIdAsync(caseId, scope, cancellationToken);
        if (state is null)
        {
            return EventsApi.Problem(StatusCodes.Status404NotFound, "Case not found", $"no case '{caseId}' within this key's scope");
        }

        await audit.RecordAsync(http.User, Core.Access.AuditAction.CaseViewed, caseId, Core.Access.AuditOutcome.Success, "API", cancellationToken);
        IReadOnlyList<EventDto>? timeline = null;
        if (string.Equals(include, "events", StringComparison.OrdinalIgnoreCase))
        {
            timeline = (await events.ReadByCaseAsync(caseId, scope, cancellationToken)).Select(EventDto.From).ToArray();
        }

        return TypedResults.Ok(CaseDto.From(state, timeline));
    }

    /// <summary>
    /// Region and unit narrow the key's scope in the query itself: a Jalisco key asking for Nuevo León gets an
    /// empty page, the same answer as a region without cases.
    /// </summary>
    private static async Task<Results<Ok<CasePageDto>, ProblemHttpResult>> ListCasesAsync(
        HttpContext http, ICaseListReader cases, string? region, string? unit, string? status, string? complex, string? staffRole, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var open = query.Choice(nameof(status), status, "open", "closed") is { } index ? index == 0 : (bool?)null;
        var isComplex = query.Bool(nameof(complex), complex);
        var role = query.StaffRole(nameof(staffRole), staffRole);
        var pageNumber = query.Int(nameof(page), page, 1, 1, int.MaxValue);
        var size = query.Int(nameof(pageSize), pageSize, DefaultPageSize, 1, MaxPageSize);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var result = await cases.ReadPageAsync(
            new CaseListQuery(new CaseFilter { RegionCode = NullIfEmpty(region), UnitCode = NullIfEmpty(unit), Complex = isComplex, StaffRole = role }, pageNumber, size) { Open = open }, http.User.ReadScope()!, cancellationToken);
        return TypedResults.Ok(new CasePageDto(result.Items.Select(c => CaseDto.From(c, null)).ToArray(), pageNumber, size, result.Total));
    }

    private static string[] StaffRoleCodes => Core.Profiles.InstitutionProfiles.Current.All
        .SelectMany(p => p.Classification.StaffRoles).Select(r => r.Code).Distinct(StringComparer.Ordinal).ToArray();

    internal static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void DescribeListCases(OpenApiOperation operation)
    {
        OpenApiContract.Parameter(operation, "region", OpenApiContract.RegionFilter, OpenApiContract.Text());
        OpenApiContract.Parameter(operation, "unit", OpenApiContract.UnitFilter, OpenApiContract.Text());
        OpenApiContract.Parameter(operation, "status", "open: New, Assigned or Paused; closed: Resolved or Closed. Both when absent.", OpenApiContract.OneOf("open", "closed"));
        OpenApiContract.Parameter(operation, "complex", "Only complex (true) or only other (false) cases.", new OpenApiSchema { Type = JsonSchemaType.Boolean });
        OpenApiContract.Parameter(operation, "staffRole", "Only cases about this staff role: a code of the institution's classification (GET /api/v1/classification), e.g. medical-assistant, pharmacy.",
            OpenApiContract.OneOf(StaffRoleCodes));
        OpenApiContract.Parameter(operation, "page", "Page number, from 1.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Default = 1 });
        OpenApiContract.Parameter(operation, "pageSize", $"Cases per page, 1–{CasesApi.MaxPageSize}.",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = CasesApi.MaxPageSize.ToString(CultureInfo.InvariantCulture), Default = CasesApi.DefaultPageSize });
    }
}
