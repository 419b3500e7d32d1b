using System.Text.Json;
using Dashboard.Core.Surveys;
using Dashboard.Web.Security;
using Dashboard.Web.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// Perception surveys: <c>POST /api/v1/surveys/results</c> stores results (JSON, or the import CSV as text/csv), all or
/// nothing; <c>GET /api/v1/surveys/results</c> reads a round's coverage and results within the caller's scope.
/// </summary>
public static class SurveysApi
{
    /// <summary>Results of every hospital of an institution for years fit well below this.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    private static readonly string[] Fields = ["year", "bimester", "unitCode", "respondents", "satisfied", "tratoDigno", "answers"];

    private static readonly string[] AnswerFields = ["question", "answer", "count"];

    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        api.MapGet("/surveys/results", ReadAsync).RequireAuthorization(Policies.Read).WithName("ReadSurveyResults").WithTags("Surveys")
            .WithSummary("A round's perception survey results per hospital, with 95 % Wilson intervals, the hospitals without a result, and the answers per question pooled over the scope (each option's share of those who answered, with its interval)")
            .Describe((document, operation) =>
            {
                OpenApiContract.Parameter(operation, "year", "The round's year; the current bimester's when absent (give both or neither).", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "bimester", "The round's bimester, 1 (January–February) to 6.", OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "region", OpenApiContract.RegionFilter, OpenApiContract.Text());
                OpenApiContract.Parameter(operation, "unit", OpenApiContract.UnitFilter, OpenApiContract.Text());
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A query parameter is not valid; `errors` is keyed by its name.");
            });
        api.MapPost("/surveys/results", ImportAsync).RequireAuthorization(Policies.Admin).WithName("ImportSurveyResults").WithTags("Surveys")
            .WithSummary("Store survey results (a JSON array, text/csv with the header year,bimester,unitCode,respondents,satisfied,tratoDigno and optional Q:<question>:<answer> columns, or an Excel workbook whose first sheet has those columns); nothing is stored unless all are valid")
            .Describe((document, operation) =>
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "A result is not valid; `errors` is keyed by `[index].field` (JSON) or `line N: column` (CSV)."));
        return api;
    }

    private static async Task<Results<Ok<SurveyRoundDto>, ProblemHttpResult>> ReadAsync(HttpContext http, SurveyService surveys, string? year, string? bimester,
        string? region, string? unit, CancellationToken cancellationToken)
    {
        var query = new QueryReader();
        var current = surveys.CurrentRound;
        var y = query.Int(nameof(year), year, current.Year, SurveyRound.MinYear, SurveyRound.MaxYear);
        var b = query.Int(nameof(bimester), bimester, current.Bimester, 1, 6);
        if (string.IsNullOrEmpty(year) != string.IsNullOrEmpty(bimester))
        {
            query.Fail(string.IsNullOrEmpty(year) ? nameof(year) : nameof(bimester), "give year and bimester together, or neither for the current bimester");
        }

        if (!query.IsValid)
        {
            return query.Problem();
        }

        var view = await surveys.ReadRoundAsync(new SurveyRound(y, b), http.User.ReadScope()!, CasesApi.NullIfEmpty(region), CasesApi.NullIfEmpty(unit),
            withAnswers: true, cancellationToken);
        return TypedResults.Ok(SurveyRoundDto.From(view));
    }

    private static async Task<Results<Ok<SurveyImportDto>, ProblemHttpResult>> ImportAsync(HttpContext http, SurveyService surveys, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
        }

        try
        {
            if (IsCsv(http.Request.ContentType))
            {
                if (await Imports.ImportFiles.ReadBodyTextAsync(http.Request, cancellationToken) is not { } body)
                {
                    return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
                }

                using var text = new StringReader(body);
                var csv = await surveys.ImportCsvAsync(text, http.User, cancellationToken);
                return csv.Results is { } stored
                    ? TypedResults.Ok(new SurveyImportDto(stored.Count))
                    : Invalid(Imports.ImportFiles.ErrorsByLine(csv.Errors));
            }

            if (IsWorkbook(http.Request.ContentType))
            {
                var workbook = new MemoryStream();
                await http.Request.Body.CopyToAsync(workbook, cancellationToken);
                if (workbook.Length > MaxBodyBytes)
                {
                    return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
                }

                workbook.Position = 0;
                if (Imports.WorkbookAsCsv.Read(workbook) is not { } sheet)
                {
                    return Invalid(new Dictionary<string, string[]> { ["body"] = ["the body is not an Excel workbook (.xlsx) that can be read"] });
                }

                using var rows = new StringReader(sheet);
                var read = await surveys.ImportCsvAsync(rows, http.User, cancellationToken);
                return read.Results is { } saved
                    ? TypedResults.Ok(new SurveyImportDto(saved.Count))
                    : Invalid(Imports.ImportFiles.ErrorsByLine(read.Errors, "row"));
            }

            if (!http.Request.HasJsonContentType())
            {
                return EventsApi.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send the results as application/json, text/csv in UTF-8, or an Excel workbook (.xlsx)");
            }

            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
            var (results, errors) = ReadJson(document.RootElement);
            if (errors.Count == 0)
            {
                foreach (var e in await surveys.ImportAsync(results, http.User, cancellationToken))
                {
                    errors[$"[{e.Index}].{e.Field}"] = [e.Message];
                }
            }

            return errors.Count == 0 ? TypedResults.Ok(new SurveyImportDto(results.Count)) : Invalid(errors);
        }
        catch (JsonException ex)
        {
            return Invalid(new Dictionary<string, string[]> { [ex.Path ?? "$"] = [$"the body is not valid JSON: {ex.Message}"] });
        }
        catch (BadHttpRequestException ex)
        {
            return EventsApi.Problem(ex.StatusCode, "Unreadable body", $"the request body could not be read: {ex.Message}");
        }
    }

    private static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        EventsApi.Problem(StatusCodes.Status400BadRequest, "The survey results are not valid", "nothing was stored; see errors", errors);

    private static bool IsWorkbook(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals(Imports.WorkbookAsCsv.ContentType, StringComparison.OrdinalIgnoreCase);

    private static bool IsCsv(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The results of a JSON array of objects; each field of the wrong kind is an error keyed <c>[index].field</c>.</summary>
    private static (List<SurveyResult> Results, Dictionary<string, string[]> Errors) ReadJson(JsonElement root)
    {
        var results = new List<SurveyResult>();
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            errors["$"] = ["must be a non-empty array of results {year, bimester, unitCode, respondents, satisfied, tratoDigno}"];
            return (results, errors);
        }

        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors[$"[{i++}]"] = ["must be an object"];
                continue;
            }

            var at = i;
            int Number(string name)
            {
                if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
                {
                    return n;
                }

                errors[$"[{at}].{name}"] = [item.TryGetProperty(name, out _) ? "must be a whole number" : "is required"];
                return 0;
            }

            var unit = item.TryGetProperty("unitCode", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() ?? "" : "";
            if (unit.Length == 0)
            {
                errors[$"[{at}].unitCode"] = ["is required, a unit code as text"];
            }

            foreach (var p in item.EnumerateObject().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                errors[$"[{at}].{p.Name}"] = [$"is not a field of a result: {string.Join(", ", Fields)}"];
            }

            results.Add(new SurveyResult(new SurveyRound(Number("year"), Number("bimester")), unit, Number("respondents"), Number("satisfied"), Number("tratoDigno"))
            {
                Answers = item.TryGetProperty("answers", out var answers) ? ReadAnswers(answers, $"[{at}].answers", errors) : [],
            });
            i++;
        }

        return (results, errors);
    }

    /// <summary>A result's optional <c>answers</c>: <c>[{question, answer, count}]</c>, counts of who chose each answer of the institution's scale.</summary>
    private static List<SurveyAnswer> ReadAnswers(JsonElement answers, string path, Dictionary<string, string[]> errors)
    {
        var read = new List<SurveyAnswer>();
        if (answers.ValueKind != JsonValueKind.Array)
        {
            errors[path] = ["must be an array of {question, answer, count}"];
            return read;
        }

        var j = 0;
        foreach (var a in answers.EnumerateArray())
        {
            var at = $"{path}[{j++}]";
            if (a.ValueKind != JsonValueKind.Object)
            {
                errors[at] = ["must be an object {question, answer, count}"];
                continue;
            }

            string Text(string name)
            {
                if (a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } text)
                {
                    return text;
                }

                errors[$"{at}.{name}"] = ["is required, a code of the institution's survey as text"];
                return "";
            }

            var question = Text("question");
            var answer = Text("answer");
            var count = 0;
            if (!a.TryGetProperty("count", out var c) || c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out count))
            {
                errors[$"{at}.count"] = [a.TryGetProperty("count", out _) ? "must be a whole number" : "is required"];
            }

            foreach (var p in a.EnumerateObject().Where(p => !AnswerFields.Contains(p.Name, StringComparer.Ordinal)))
            {
                errors[$"{at}.{p.Name}"] = [$"is not a field of an answer: {string.Join(", ", AnswerFields)}"];
            }

            read.Add(new SurveyAnswer(question, answer, count));
        }

        return read;
    }
}

/// <summary>How many results were stored.</summary>
public sealed record SurveyImportDto(int Stored);

/// <summary>A proportion with its 95 % Wilson interval; <c>smallSample</c> when fewer than 30 answered: read the interval, not the value.</summary>
public sealed record ProportionDto(int Count, int Of, double Value, double Lower, double Upper, bool SmallSample)
{
    public static ProportionDto From(Proportion p) => new(p.Successes, p.Total, p.Value, p.Lower, p.Upper, p.IsSmallSample);
}

/// <summary>How many of a hospital's respondents chose an answer (a scale option's code) for a question.</summary>
public sealed record SurveyAnswerDto(string Question, string Answer, int Count);

/// <summary>One hospital's result, with its answers per question when they were imported.</summary>
public sealed record SurveyHospitalDto(string UnitCode, string Name, string RegionCode, int Respondents, ProportionDto Satisfaction, ProportionDto TratoDigno,
    IReadOnlyList<SurveyAnswerDto> Answers);

/// <summary>One option of a question's pooled distribution: its code, its label in Spanish, and its share of those who answered.</summary>
public sealed record SurveyAnswerShareDto(string Answer, string Label, ProportionDto Share);

/// <summary>A question of an institution's survey with the scope's answers pooled over the reporting hospitals.</summary>
public sealed record SurveyQuestionDto(string Institution, string Question, string Text, int Answered, IReadOnlyList<SurveyAnswerShareDto> Answers);

/// <summary>A hospital without a result for the round.</summary>
public sealed record SurveyMissingDto(string UnitCode, string Name, string RegionCode);

/// <summary>A round within the caller's scope: hospitals expected and reporting, coverage (0..1), the pooled figures, results and gaps.</summary>
public sealed record SurveyRoundDto(int Year, int Bimester, int Hospitals, int Reported, double? Coverage, ProportionDto Satisfaction, ProportionDto TratoDigno,
    IReadOnlyList<SurveyHospitalDto> Results, IReadOnlyList<SurveyMissingDto> Missing, IReadOnlyList<SurveyQuestionDto> Questions)
{
    public static SurveyRoundDto From(SurveyRoundView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Round.Year, view.Round.Bimester, view.Hospitals.Count, view.ReportedCount, view.Coverage,
            ProportionDto.From(view.Satisfaction), ProportionDto.From(view.DignifiedTreatment),
            view.Reported.Select(h => new SurveyHospitalDto(h.Unit.Code, h.Unit.Name, h.Unit.RegionCode, h.Result!.Respondents,
                ProportionDto.From(h.Result.Satisfaction), ProportionDto.From(h.Result.DignifiedTreatment),
                h.Result.Answers.Select(a => new SurveyAnswerDto(a.Question, a.Answer, a.Count)).ToArray())).ToArray(),
            view.Missing.Select(u => new SurveyMissingDto(u.Code, u.Name, u.RegionCode)).ToArray(),
            view.Questions.Select(q => new SurveyQuestionDto(q.Institution, q.Question.Code, q.Question.Es, q.Answered,
                q.Shares.Select(s => new SurveyAnswerShareDto(s.Option.Code, s.Option.Es, ProportionDto.From(s.Share))).ToArray())).ToArray());
    }
}
