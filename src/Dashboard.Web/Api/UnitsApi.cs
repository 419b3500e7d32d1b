using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units", ListUnits).RequireAuthorization(Policies.Read).WithName("ListUnits").WithTags("Catalogue")
            .WithSummary("List the units of the catalogue within the key's scope")
            .Describe((document, operation) =>
            {
                DescribeListUnits(operation);
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A query parameter is not valid; `errors` is keyed by its name.");
            });
        api.MapGet("/classification", ListClassification).RequireAuthorization(Policies.Read).WithName("ListClassification").WithTags("Catalogue")
            .WithSummary("The case categories (HCAT-based) and staff roles each institution accepts in CaseOpened and CaseReclassified");
        return api;
    }

    private static Results<Ok<IReadOnlyList<ClassificationCatalogue>>, ProblemHttpResult> ListClassification(string? institution)
    {
        var query = new QueryReader();
        var wanted = query.Institution(nameof(institution), institution);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        return TypedResults.Ok<IReadOnlyList<ClassificationCatalogue>>(Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions
            .Where(i => wanted is null || i == wanted)
            .Select(ClassificationCatalogue.For)
            .ToArray());
    }

    /// <summary>The catalogue is held in memory, so the scope is applied here rather than in a query.</summary>
    private static Results<Ok<IReadOnlyList<UnitDto>>, ProblemHttpResult> ListUnits(
        HttpContext http, CatalogueService catalogue, string? region, string? institution, string? type)
    {
        var query = new QueryReader();
        var wantedInstitution = query.Institution(nameof(institution), institution);
        var wantedType = query.Enum<UnitType>(nameof(type), type);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        var scope = http.User.ReadScope()!;
        var regionCode = CasesApi.NullIfEmpty(region);
        var units = catalogue.Current.Snapshot.Units
            .Where(u => scope.Allows(u.RegionCode, u.Code, catalogue.Current.InstitutionOfRegion)
                && (regionCode is null || string.Equals(u.RegionCode, regionCode, StringComparison.Ordinal))
                && (wantedInstitution is null || u.Institution == wantedInstitution)
                && (wantedType is null || u.Type == wantedType))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(UnitDto.From)
            .ToArray();
        return TypedResults.Ok<IReadOnlyList<UnitDto>>(units);
    }

    private static void DescribeListUnits(OpenApiOperation operation)
    {
        OpenApiContract.Parameter(operation, "region", "Only the units of this region (OOAD / Red) code.", OpenApiContract.Text());
        OpenApiContract.Parameter(operation, "institution", "Only the units of this institution.", OpenApiContract.OneOf(Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions.Select(i => i.Code).ToArray()));
        OpenApiContract.Parameter(operation, "type", "Only units of this type.", OpenApiContract.OneOf(Enum.GetNames<UnitType>()));
    }
}
