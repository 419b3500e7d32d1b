using Dashboard.Core.Staff;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Security;
using Dashboard.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// Staff, Buen Trato certification and training: <c>POST /api/v1/staff/import</c> stores the roster CSV, all or
/// nothing (administrators); <c>GET /api/v1/staff/coverage</c> reads the coverage within the caller's scope.
/// </summary>
public static class StaffApi
{
    /// <summary>An institution's whole roster fits well below this.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        api.MapGet("/staff/coverage", ReadAsync).RequireAuthorization(Policies.Read).WithName("ReadStaffCoverage").WithTags("Staff")
            .WithSummary("Buen Trato certification and training coverage per institution, OOAD/Red and unit, and the certifications due within the renewal notice or expired")
            .Describe((document, operation) =>
            {
                OpenApiContract.Parameter(operation, "region", OpenApiContract.RegionFilter, OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "unit", OpenApiContract.UnitFilter, OpenApiContract.Text());
            });
        api.MapPost("/staff/import", ImportAsync).RequireAuthorization(Policies.Admin).WithName("ImportStaff").WithTags("Staff")
            .WithSummary($"Store the staff roster with certifications and training (text/csv with the header {StaffCsvReader.Header}); nothing is stored unless every line is valid")
            .Describe((document, operation) =>
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A line is not valid; `errors` is keyed by `line N: column`."));
        return api;
    }

    private static async Task<Ok<StaffCoverageDto>> ReadAsync(HttpContext http, StaffTrainingService staff, string? region, string? unit, CancellationToken cancellationToken)
    {
        var view = await staff.ReadCoverageAsync(http.User.ReadScope()!, CasesApi.NullIfEmpty(region), CasesApi.NullIfEmpty(unit), cancellationToken);
        return TypedResults.Ok(StaffCoverageDto.From(view));
    }

    private static async Task<Results<Ok<StaffImportDto>, ProblemHttpResult>> ImportAsync(HttpContext http, StaffTrainingService staff, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
        }

        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return EventsApi.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send the roster as text/csv in UTF-8 with the header {StaffCsvReader.Header}");
        }

        try
        {
            if (await Imports.ImportFiles.ReadBodyTextAsync(http.Request, cancellationToken) is not { } body)
            {
                return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
            }

            using var text = new StringReader(body);
            var csv = await staff.ImportCsvAsync(text, http.User, cancellationToken);
            return csv.Records is { } stored
                ? TypedResults.Ok(new StaffImportDto(stored.Count, stored.Count(r => r.Certification is not null), stored.Sum(r => r.Sessions.Count)))
                : EventsApi.Problem(StatusCodes.Status400BadRequest, "The staff file is not valid", "nothing was stored; see errors",
                    Imports.ImportFiles.ErrorsByLine(csv.Errors));
        }
        catch (BadHttpRequestException ex)
        {
            return EventsApi.Problem(ex.StatusCode, "Unreadable body", $"the request body could not be read: {ex.Message}");
        }
    }
}

/// <summary>How many people, certifications and attended sessions were stored.</summary>
public sealed record StaffImportDto(int People, int Certifications, int Sessions);

/// <summary>Coverage of a group: staff, certified and current (a renewal due counts), due for renewal, expired, course complete; shares 0..1.</summary>
public sealed record CoverageDto(int Staff, int Certified, int RenewalDue, int Expired, int TrainingComplete, double? CertifiedShare, double? TrainingShare)
{
    public static CoverageDto From(StaffCoverage c) => new(c.Staff, c.Certified, c.RenewalDue, c.Expired, c.TrainingComplete, c.CertifiedShare, c.TrainingShare);
}

/// <summary>A unit's coverage; staff 0 is a unit without staff loaded.</summary>
public sealed record UnitCoverageDto(string UnitCode, string Name, CoverageDto Coverage);

/// <summary>An OOAD/Red's coverage with its units'.</summary>
public sealed record RegionCoverageDto(string RegionCode, string Name, string Institution, CoverageDto Coverage, IReadOnlyList<UnitCoverageDto> Units);

/// <summary>A certification due for renewal or expired. Staff numbers are the institution's, not personal data of the insured.</summary>
public sealed record DueCertificationDto(string StaffNumber, string Name, string UnitCode, string StaffRole, DateOnly CertifiedOn, DateOnly ExpiresOn, bool Expired);

/// <summary>The coverage within the caller's scope on a day.</summary>
public sealed record StaffCoverageDto(DateOnly Today, CoverageDto Total, IReadOnlyDictionary<string, CoverageDto> Institutions, IReadOnlyList<RegionCoverageDto> Regions,
    IReadOnlyList<DueCertificationDto> Due)
{
    public static StaffCoverageDto From(StaffCoverageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Today, CoverageDto.From(view.Total), view.Institutions.ToDictionary(i => i.Institution.Code, i => CoverageDto.From(i.Coverage)),
            view.Regions.Select(r => new RegionCoverageDto(r.Region.Code, r.Region.Name, r.Region.Institution.Code, CoverageDto.From(r.Coverage),
                r.Units.Select(u => new UnitCoverageDto(u.Unit.Code, u.Unit.Name, CoverageDto.From(u.Coverage))).ToArray())).ToArray(),
            view.Due.Select(p => new DueCertificationDto(p.Member.StaffNumber, p.Member.Name, p.Member.UnitCode, p.Member.StaffRole,
                p.Staff.Certification!.CertifiedOn, p.Staff.Certification.ExpiresOn, p.Status == CertificationStatus.Expired)).ToArray());
    }
}
