using System.Globalization;
using Dashboard.Core.Sla.Calendars;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public sealed record HolidayDto(DateOnly Date, string Name, bool Extra);

public sealed record HolidayRequest(string? Name);

/// <summary>
/// The holidays SLA clocks skip: each country's rules, plus the days an administrator adds (a decreed day off).
/// A change applies to deadlines computed from then on; clocks already set keep theirs.
/// </summary>
public static class HolidaysApi
{
    public const int MaxNameLength = 200;

    public static RouteGroupBuilder MapHolidaysApi(this RouteGroupBuilder api)
    {
        api.MapGet("/holidays/{country}", ListAsync).RequireAuthorization(Policies.Read).WithName("ListHolidays").WithTags("Calendars")
            .WithSummary("A country's holidays in one year: its rules and the extra days added by administrators");
        api.MapPut("/holidays/{country}/{date}", PutAsync).RequireAuthorization(Policies.Admin).WithName("PutHoliday").WithTags("Calendars")
            .WithSummary("Add (or rename) an extra day off for a country");
        api.MapDelete("/holidays/{country}/{date}", DeleteAsync).RequireAuthorization(Policies.Admin).WithName("DeleteHoliday").WithTags("Calendars")
            .WithSummary("Remove an extra day off (the country's own holidays cannot be removed)");
        return api;
    }

    private static Results<Ok<IReadOnlyList<HolidayDto>>, ProblemHttpResult> ListAsync(string country, string? year, CatalogueService catalogue, TimeProvider time)
    {
        var query = new QueryReader();
        var y = query.Int(nameof(year), year, time.GetUtcNow().Year, 1900, 2200);
        var errors = new Dictionary<string, string[]>();
        var c = CountryOf(country, errors);
        if (c is null)
        {
            return EventsApi.Problem(StatusCodes.Status400BadRequest, "Bad query", "the query is not valid; see errors", errors);
        }

        if (!query.IsValid)
        {
            return query.Problem();
        }

        // The first institution of the country speaks for it (its profile's rules and dated days, and the administrators').
        var institution = Core.Profiles.InstitutionProfiles.Current.All.First(p => p.Country == c).Institution;
        var days = catalogue.Context.Sla.Calendars.Holidays(institution).In(y);
        return TypedResults.Ok<IReadOnlyList<HolidayDto>>(days.Select(d => new HolidayDto(d.Date, d.Name, d.Extra)).ToArray());
    }

    private static async Task<Results<Ok<HolidayDto>, ProblemHttpResult>> PutAsync(
        string country, string date, HolidayRequest? body, IHolidayStore holidays, CatalogueService catalogue, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (c, day) = ReadKey(country, date, errors);
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"is required, 1–{MaxNameLength} characters"];
        }

        if (errors.Count > 0)
        {
            return EventsApi.Problem(StatusCodes.Status400BadRequest, "Bad holiday", "the holiday is not valid; see errors", errors);
        }

        var holiday = new Holiday(day!.Value, name!, Extra: true);
        await holidays.UpsertAsync(c!, holiday, cancellationToken);
        await catalogue.ReloadAsync(cancellationToken);
        return TypedResults.Ok(new HolidayDto(holiday.Date, holiday.Name, true));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string country, string date, IHolidayStore holidays, CatalogueService catalogue, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (c, day) = ReadKey(country, date, errors);
        if (errors.Count > 0)
        {
            return EventsApi.Problem(StatusCodes.Status400BadRequest, "Bad holiday", "the holiday is not valid; see errors", errors);
        }

        if (!await holidays.DeleteAsync(c!, day!.Value, cancellationToken))
        {
            return EventsApi.Problem(StatusCodes.Status404NotFound, "No such extra day",
                $"{date} is not an extra day off of {c}; the country's own holidays come from its law and cannot be removed");
        }

        await catalogue.ReloadAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The countries of the institution profiles in use, as they name them ("Mexico", "Peru").</summary>
    private static string[] Countries() =>
        Core.Profiles.InstitutionProfiles.Current.All.Select(p => p.Country).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>A country exactly as a profile names it (any case), or null with the error added.</summary>
    private static string? CountryOf(string country, Dictionary<string, string[]> errors)
    {
        var found = Countries().FirstOrDefault(v => string.Equals(v, country, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            errors[nameof(country)] = [$"'{country}' is not one of {string.Join(", ", Countries())}"];
        }

        return found;
    }

    private static (string?, DateOnly?) ReadKey(string country, string date, Dictionary<string, string[]> errors)
    {
        var c = CountryOf(country, errors);

        DateOnly? day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (day is null)
        {
            errors[nameof(date)] = ["must be a date as yyyy-MM-dd"];
        }

        return (c, day);
    }
}
