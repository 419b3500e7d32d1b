using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>The ingestion contract (<c>POST /api/v1/events</c>) and the catch-up feed (<c>GET /api/v1/events</c>).</summary>
public static class EventsApi
{
    /// <summary>1,000 events with 2,000-character summaries fit; anything larger is a mistake or an attack.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events", IngestAsync)
            .RequireAuthorization(Policies.Ingest)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("IngestEvents")
            .WithTags("Events")
            .Describe(DescribeIngestion);
        api.MapGet("/events", ReadAfterAsync)
            .RequireAuthorization(Policies.Read)
            .WithName("ReadEventsAfter")
            .WithTags("Events")
            .WithSummary("The catch-up feed: events after a sequence number, in order, within the key's scope")
            .Describe((document, operation) =>
                OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "`after` is negative or `limit` is outside 1–1000."));
        return api;
    }

    private static async Task<IResult> IngestAsync(HttpContext http, IngestionService ingestion, ILogger<IngestionService> logger, CancellationToken cancellationToken)
    {
        // A refused body is one warning line naming the source and the first problem, never a stack trace.
        IResult Refused(int status, string title, string detail, IReadOnlyDictionary<string, string[]> errors)
        {
            var (path, messages) = errors.First();
            logger.LogWarning("Ingestion refused a body from {Source}: {Status} {Title}; {Path}: {Problem} ({Count} problem(s) in all)",
                http.User.Identity?.Name ?? "anonymous", status, title, OneLine(path), OneLine(messages.FirstOrDefault()), errors.Sum(e => e.Value.Length));
            return Problem(status, title, detail, errors);
        }

        // JSON between systems is UTF-8 (RFC 8259 §8.1): a body declared in another charset is refused, not guessed at.
        if (!http.Request.HasJsonContentType()
            || (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) && mediaType.Charset.HasValue
                && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send the events as application/json in UTF-8");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, CaseEventParser.DocumentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Refused(StatusCodes.Status400BadRequest, "Malformed JSON", $"the body is not valid JSON: {ex.Message}",
                new Dictionary<string, string[]> { [ex.Path ?? "$"] = [ex.Message] });
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body may be at most {MaxBodyBytes:N0} bytes");
        }
        catch (BadHttpRequestException ex)
        {
            // A malformed chunked body, or one shorter than its Content-Length: the client's framing, not the events.
            return Refused(ex.StatusCode, "Unreadable body", $"the request body could not be read: {ex.Message}",
                new Dictionary<string, string[]> { ["$"] = [ex.Message] });
        }

        using (document)
        {
            var outcome = await ingestion.IngestAsync(document.RootElement, http.User.ReadScope()!, http.User.CaseActor(), cancellationToken);
            return outcome.Status switch
            {
                IngestionStatus.Accepted => TypedResults.Ok(IngestResponse.From(outcome.Result!)),
                IngestionStatus.Invalid => Refused(StatusCodes.Status400BadRequest, "The events are not valid", "nothing was stored; see errors", outcome.Errors),
                IngestionStatus.Forbidden => Problem(StatusCodes.Status403Forbidden, "Outside the key's scope", "nothing was stored; see errors", outcome.Errors),
                IngestionStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Event id reused", "nothing was stored; see errors", outcome.Errors),
                _ => Problem(StatusCodes.Status422UnprocessableEntity, "A case rule is broken", "nothing was stored; see errors", outcome.Errors),
            };
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<EventDto>>, ProblemHttpResult>> ReadAfterAsync(
        HttpContext http, ICaseEventLog events, long? after, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 100;
        if (after < 0 || take is < 1 or > 1000)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad query", "after must be ≥ 0 and limit 1–1000", new Dictionary<string, string[]>
            {
                [after < 0 ? "after" : "limit"] = [after < 0 ? "must be 0 or more" : "must be from 1 to 1000"],
            });
        }

        var rows = await events.ReadAfterAsync(after ?? 0, take, http.User.ReadScope()!, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EventDto>>(rows.Select(EventDto.From).ToArray());
    }

    /// <summary>What a client sent, fit for one log line: no control characters (no forged lines), at most 200 characters.</summary>
    private static string OneLine(string? text) =>
        text is null ? "" : new string(text.Take(200).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '·' : c).ToArray());

    internal static ProblemHttpResult Problem(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    private static void DescribeIngestion(OpenApiDocument document, OpenApiOperation operation)
    {
        operation.Summary = "Send case events: one event or a batch of 1–1,000, stored whole or not at all";
        operation.Description =
            "Idempotent by eventId: an event sent again with the same content is answered as a duplicate with its original sequence. " +
            "The answer comes after the commit. A key bound to a region or unit may only write there. Nothing is stored when any " +
            "error is answered; `errors` is keyed by JSON path, e.g. `[3].data.unitCode` in a batch or `data.unitCode` for one event.";
        var single = new OpenApiSchemaReference(OpenApiContract.EventSchema, document);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"One event object, or an array of 1 to {CaseEventParser.MaxBatch:N0} events applied in order. At most {EventsApi.MaxBodyBytes / (1024 * 1024)} MiB.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        OneOf =
                        [
                            single,
                            new OpenApiSchema { Type = JsonSchemaType.Array, Items = single, MinItems = 1, MaxItems = CaseEventParser.MaxBatch },
                        ],
                    },
                    Example = Example(),
                },
            },
        };

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "Committed: every event stored now (\"accepted\") or earlier (\"duplicate\"), in the order sent.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(IngestResponse), document) },
            },
        };
        OpenApiContract.AddProblem(document, operation, StatusCodes.Status400BadRequest, "The body is not JSON, or events break the contract (every error by path).", replace: true);
        OpenApiContract.AddProblem(document, operation, StatusCodes.Status403Forbidden, "The key may not ingest, or an event lies outside the key's scope.", replace: true);
        OpenApiContract.AddProblem(document, operation, StatusCodes.Status409Conflict, "An eventId was already stored with different content.");
        OpenApiContract.AddProblem(document, operation, StatusCodes.Status413PayloadTooLarge, $"The body is over {EventsApi.MaxBodyBytes / (1024 * 1024)} MiB.");
        OpenApiContract.AddProblem(document, operation, StatusCodes.Status415UnsupportedMediaType, "The body is not sent as application/json.");
        OpenApiContract.AddProblem(document, operation, StatusCodes.Status422UnprocessableEntity,
            "A case rule is broken: e.g. an event for a case never opened, closing a case not yet resolved, an escalation that does not raise the level.");
    }


    /// <summary>The README's example, written through the contract like any typed event.</summary>
    private static JsonNode Example() => CaseEventContract.ToJson(new CaseEvent(Guid.Parse("6f1c1b9e-3a53-4a1e-9a43-2f0d7c1c0a11"), "QJ-2026-000123",
        new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(-6)),
        new CaseOpenedData("UMF-JAL-001", CaseKind.Complaint, Channel.Module, "mistreatment", Priority.High, true, "Trato descortés en ventanilla.", "12345678903")));
}
