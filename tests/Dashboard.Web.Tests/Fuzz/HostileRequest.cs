using System.Text;

namespace Dashboard.Web.Tests.Fuzz;

/// <summary>What the harness demands of an answer besides "never a 5xx".</summary>
public enum Expect
{
    /// <summary>The contract forbids it: only a 4xx (or, for framing the server cannot read, a closed connection) will do.</summary>
    Rejected,

    /// <summary>A read, a page or a value the contract allows: any answer below 500.</summary>
    AnyAnswer,
}

/// <summary>
/// One request as it goes on the wire. <see cref="Family"/> names the kind of hostility and groups the report;
/// <see cref="Detail"/> says where it was put (a JSON path, a parameter). <see cref="Raw"/>, when set, is the whole
/// request as bytes, for framing no HTTP client would send.
/// </summary>
public sealed record HostileRequest
{
    /// <summary>Set by the generator from the family that drew it.</summary>
    public string Family { get; init; } = "";

    public string Detail { get; init; } = "";

    public Expect Expect { get; init; } = Expect.Rejected;

    public string Method { get; init; } = "GET";

    /// <summary>The request target exactly as sent: path and query, percent-encoded as hostile as wanted.</summary>
    public required string Target { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>Headers besides the key, the content type and the length (Cookie, Origin, Authorization…).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>Null sends the body without a Content-Type header.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body goes chunked (no Content-Length).</summary>
    public bool Chunked { get; init; }

    public byte[]? Raw { get; init; }

    /// <summary>After the raw bytes the client shuts its sending side, as a peer that gave up mid-body.</summary>
    public bool HalfClose { get; init; }

    /// <summary>The hostile value in a few characters, for the report (else the body's start is shown).</summary>
    public string? Shown { get; init; }

    /// <summary>Could store something if the host got it wrong: the stores are read before and after it.</summary>
    public bool MayWrite => Raw is not null || Method is "POST" or "PUT" or "DELETE" or "PATCH";

    /// <summary>The target's path (an absolute-form target's too), without the query.</summary>
    public string Path => (Target.StartsWith("http://", StringComparison.Ordinal) ? "/" + Target["http://".Length..].Split('/', 2).ElementAtOrDefault(1) : Target).Split('?', 2)[0];

    public override string ToString() => $"{Method} {Escape(Target, 160)}{(Shown ?? Preview(Body)) switch { "" => "", var s => " " + s }}";

    /// <summary>The body's start with everything outside printable ASCII escaped, so a report line stays one line.</summary>
    public static string Preview(byte[]? body, int max = 70)
    {
        if (body is null || body.Length == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var b in body.Take(max))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return body.Length > max ? $"{text}…({body.Length:N0} B)" : text.ToString();
    }

    /// <summary>Control and non-ASCII characters of a value as escapes, for <see cref="Shown"/>.</summary>
    public static string Escape(string value, int max = 60)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            text.Append(c is >= ' ' and < (char)0x7F ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return value.Length > max ? $"{text}…({value.Length:N0} chars)" : text.ToString();
    }
}
