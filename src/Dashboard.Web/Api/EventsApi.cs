using System.Text.Json;
using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
            .WithName("IngestEvents");
        api.MapGet("/events", ReadAfterAsync)
            .RequireAuthorization(Policies.Read)
            .WithName("ReadEventsAfter");
        return api;
    }

    private static async Task<IResult> IngestAsync(HttpContext http, IngestionService ingestion, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // A refused body is one warning line naming the source and the first problem, never a stack trace.
        var logger = loggers.CreateLogger(typeof(EventsApi));
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
            var outcome = await ingestion.IngestAsync(document.RootElement, http.User.ReadScope()!, cancellationToken);
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
}
