using System.Text;
using System.Text.Json;

namespace Dashboard.Web.Security;

/// <summary>
/// SignalR answers its own protocol errors in plain text ("No Connection with that ID", a method a transport does not
/// take). The hub is part of the public contract, so its clients get every 4xx in the problem shape, like the API's.
/// Successful answers (negotiation, long polling, server-sent events) pass through untouched; WebSockets never use the
/// response body.
/// </summary>
public static class HubProblemAnswers
{
    public static IApplicationBuilder UseHubProblemAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments("/hubs") || http.WebSockets.IsWebSocketRequest)
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        var body = new PlainErrorToProblem(http, original);
        http.Response.Body = body;
        try
        {
            await next(http);
            await body.CompleteAsync();
        }
        finally
        {
            http.Response.Body = original;
        }
    });

    private static bool IsPlainError(HttpResponse response) =>
        response.StatusCode is >= 400 and < 500 && response.ContentType is { } type && type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);

    /// <summary>Passes a body through, except a plain-text error: that is kept aside and written as problem+json at the end.</summary>
    private sealed class PlainErrorToProblem(HttpContext http, Stream inner) : Stream
    {
        private readonly StringBuilder _text = new();
        private bool? _rewrite;

        private bool Rewrite => _rewrite ??= !http.Response.HasStarted && IsPlainError(http.Response);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Rewrite)
            {
                Keep(buffer);
            }
            else
            {
                inner.Write(buffer);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Rewrite)
            {
                Keep(buffer.Span);
                return ValueTask.CompletedTask;
            }

            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (_text.Length < 500)
            {
                _text.Append(Encoding.UTF8.GetString(buffer));
            }
        }

        // Starting the answer flushes first: that is where an error must be caught, before its headers go out.
        public override void Flush()
        {
            if (!Rewrite)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Rewrite ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>After the hub's answer: a plain-text error (with a body or without) goes out as problem+json.</summary>
        public async Task CompleteAsync()
        {
            if (!Rewrite)
            {
                return;
            }

            var response = http.Response;
            var detail = _text.ToString().Trim();
            response.ContentType = "application/problem+json";
            response.ContentLength = null;
            await JsonSerializer.SerializeAsync(inner, new
            {
                type = $"https://tools.ietf.org/html/rfc9110#section-15.5.{response.StatusCode - 399}",
                title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode),
                status = response.StatusCode,
                detail = detail.Length > 0 ? detail : $"{http.Request.Method} is not answered here",
            }, cancellationToken: http.RequestAborted);
        }
    }
}
