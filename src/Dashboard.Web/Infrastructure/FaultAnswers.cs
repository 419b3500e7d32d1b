using System.Globalization;
using Dashboard.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Answers the failures that are not the application's own: a body the client framed badly (Kestrel's
/// <see cref="BadHttpRequestException"/>: malformed chunks, fewer bytes than Content-Length) is that 4xx, and storage
/// that refuses work (a full disk, an unwritable file, a database removed while running) is 503 with Retry-After: its
/// transaction rolled back, so a client retries with the same event ids and nothing is half-stored. Each is one log
/// line without a stack trace; so is a write the case-event service no longer takes because the host is stopping.
/// Anything else stays a bug, logged in full.
/// </summary>
public sealed class FaultAnswers(ILogger<FaultAnswers> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        int status;
        string title, detail;
        if (exception is BadHttpRequestException bad)
        {
            (status, title, detail) = (bad.StatusCode, "Bad request", bad.Message);
            logger.LogWarning("{Method} {Path}: {Status} {Detail}", httpContext.Request.Method, httpContext.Request.Path, status, detail);
        }
        else if (StorageFaults.Describe(exception) is { } fault)
        {
            (status, title, detail) = (StatusCodes.Status503ServiceUnavailable, "Storage unavailable", $"{fault.Reason}; nothing was stored, try again later");
            httpContext.Response.Headers.RetryAfter = ((int)fault.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            logger.LogWarning("{Method} {Path}: 503 {Reason} ({Error})", httpContext.Request.Method, httpContext.Request.Path, fault.Reason, exception.Message);
        }
        else if (exception is Dashboard.Core.Cases.CaseEventServiceStoppedException)
        {
            // The host began stopping after this request came in: refused whole, as at the door (GracefulStop).
            logger.LogInformation("{Method} {Path}: 503 the service is stopping", httpContext.Request.Method, httpContext.Request.Path);
            if (!httpContext.Response.HasStarted)
            {
                await Ingestion.GracefulStop.RefuseAsync(httpContext);
            }

            return true;
        }
        else
        {
            return false;
        }

        if (httpContext.Response.HasStarted)
        {
            return true; // the answer is on its way already; the connection ends with it
        }

        httpContext.Response.StatusCode = status;
        await TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(httpContext);
        return true;
    }
}
