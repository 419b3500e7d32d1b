using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Web.Tests.Fuzz;

/// <summary>
/// What came back: an HTTP answer, or a connection that ended (or stalled) without one. <see cref="FromApplication"/>
/// says the answer went through Tablero's pipeline: its security headers are added to every answer the app starts,
/// and Kestrel's own refusals of a request it could not parse carry none.
/// </summary>
public sealed record Answer(int Status, string? MediaType, byte[] Body, bool FromApplication, string? Ended = null)
{
    public bool Answered => Ended is null;

    /// <summary>The status (marked when Kestrel gave it without the application), or how the connection ended.</summary>
    public string Label => !Answered ? Ended! : FromApplication ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Status} (Kestrel)";

    public static Answer None(string why) => new(0, null, [], false, why);
}

/// <summary>
/// Sends a <see cref="HostileRequest"/> to 127.0.0.1: through <see cref="HttpClient"/> when it can carry the request
/// unchanged, else as raw bytes on a socket (framing, and targets <see cref="Uri"/> would normalize, like <c>%2e%2e</c>).
/// Every request is bounded by the timeout.
/// </summary>
public sealed class FuzzClient(Uri baseAddress, TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = timeout })
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private const int LargeBody = 1024 * 1024;

    public async Task<Answer> SendAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            if (request.Raw is not null)
            {
                return await SendRawAsync(request.Raw, request.HalfClose, bounded.Token);
            }

            // A large body goes on a socket too: when the server answers early (413) and stops reading, HttpClient
            // reports only the broken upload, while the socket still reads the answer the server wrote.
            return new Uri(baseAddress, request.Target).PathAndQuery == request.Target && request.Body is not { Length: > LargeBody }
                ? await SendHttpAsync(request, bounded.Token)
                : await SendRawAsync(Serialize(request), halfClose: false, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Answer.None("timeout");
        }
    }

    private async Task<Answer> SendHttpAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Target);
        if (request.ApiKey is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Api-Key", request.ApiKey);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = request.Chunked ? new UnknownLengthContent(request.Body) : new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers.Contains("X-Content-Type-Options"));
        }
        catch (HttpRequestException ex)
        {
            return Answer.None($"closed ({ex.HttpRequestError})");
        }
    }

    /// <summary>The request as HTTP/1.1 bytes, exactly as given.</summary>
    private byte[] Serialize(HostileRequest request)
    {
        var head = new StringBuilder($"{request.Method} {request.Target} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\n");
        if (request.ApiKey is not null)
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"X-Api-Key: {request.ApiKey}\r\n");
        }

        foreach (var (name, value) in request.Headers)
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        var body = request.Body ?? [];
        if (request.ContentType is not null)
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: {request.ContentType}\r\n");
        }

        if (request.Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
            body = [.. Encoding.Latin1.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8];
        }
        else if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH")
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    private async Task<Answer> SendRawAsync(byte[] request, bool halfClose, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        var received = new MemoryStream();
        string ended = "closed";
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, baseAddress.Port, cancellationToken);
            var stream = tcp.GetStream();
            try
            {
                await stream.WriteAsync(request, cancellationToken);
                if (halfClose)
                {
                    tcp.Client.Shutdown(SocketShutdown.Send);
                }
            }
            catch (IOException)
            {
                // Kestrel may answer and close before it read everything (a header block over its limit): read what it said.
            }

            var buffer = new byte[64 * 1024];
            while (!RawResponse.IsComplete(received))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            // The timeout or the test's own end; the run loop notices the latter.
            ended = "timeout";
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            ended = "reset";
        }

        return RawResponse.Parse(received.ToArray()) ?? Answer.None(ended);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A body of unknown length: HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>Just enough HTTP/1.1 response parsing for the harness: status, content type, the app's mark, the body.</summary>
internal static class RawResponse
{
    public static bool IsComplete(MemoryStream received)
    {
        var data = received.GetBuffer().AsSpan(0, (int)received.Length);
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = Encoding.Latin1.GetString(data[..end]);
        var body = data[(end + 4)..];
        if (Header(head, "Content-Length") is { } length && int.TryParse(length, out var n))
        {
            return body.Length >= n;
        }

        return Header(head, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true && body.EndsWith("0\r\n\r\n"u8);
    }

    public static Answer? Parse(byte[] data)
    {
        var end = data.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.Latin1.GetString(data, 0, end < 0 ? data.Length : end);
        var statusLine = head.Split("\r\n")[0].Split(' ');
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(statusLine[1], out var status))
        {
            return null;
        }

        var body = end < 0 ? [] : data[(end + 4)..];
        if (Header(head, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Dechunk(body);
        }

        var mediaType = Header(head, "Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();
        return new Answer(status, mediaType, body, Header(head, "X-Content-Type-Options") is not null);
    }

    private static string? Header(string head, string name) =>
        head.Split("\r\n").Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).LastOrDefault();

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0 || !int.TryParse(Encoding.Latin1.GetString(chunked, at, lineEnd).Split(';')[0], System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            at += lineEnd + 2;
            body.Write(chunked, at, Math.Min(size, chunked.Length - at));
            at += size + 2;
        }

        return body.ToArray();
    }
}
