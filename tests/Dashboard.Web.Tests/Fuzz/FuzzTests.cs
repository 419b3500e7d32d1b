using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;

namespace Dashboard.Web.Tests.Fuzz;

/// <summary>
/// Hostile requests against every endpoint of the real host on 127.0.0.1 (issue 16): never a 5xx, every 4xx of the
/// machine endpoints in <c>application/problem+json</c>, and nothing stored by a request that was refused.
/// <c>dotnet test</c> runs a short version (<see cref="ShortRequests"/> requests or <see cref="ShortBudget"/>);
/// <c>DASHBOARD_FUZZ_REQUESTS=10000</c> runs the full one, <c>DASHBOARD_FUZZ_SEED</c> repeats a run and
/// <c>DASHBOARD_FUZZ_SECONDS</c> changes the time budget.
/// </summary>
public sealed partial class FuzzTests
{
    public const string RequestsVariable = "DASHBOARD_FUZZ_REQUESTS";
    public const string SeedVariable = "DASHBOARD_FUZZ_SEED";
    public const string SecondsVariable = "DASHBOARD_FUZZ_SECONDS";

    private const int ShortRequests = 1500;
    private const int MaxReportLines = 40;
    private static readonly TimeSpan ShortBudget = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan FullBudget = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Request kinds Kestrel itself may refuse, before or beside the application: an empty 4xx without the app's
    /// headers, or a connection closed without an answer. Such an answer cannot be problem+json (no application code
    /// ran to write one), so it is accepted for these kinds only; a 5xx never is.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> KestrelRefusals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["framing: chunk size not hex"] = "bad chunked framing: Kestrel's body reader fails and the connection cannot be trusted after it",
        ["framing: chunk longer than declared"] = "the bytes after the declared size are not the CRLF chunked framing requires",
        ["framing: chunk shorter than declared, then half-close"] = "the body ends inside its declared chunk: an unexpected end of the request",
        ["framing: final chunk missing, then half-close"] = "the zero-length last chunk never comes: an unexpected end of the request",
        ["framing: Content-Length beyond the bytes sent, then half-close"] = "the body ends before Content-Length: an unexpected end of the request",
        ["framing: two Content-Length values"] = "RFC 9112 §6.3: an invalid Content-Length is unrecoverable framing, refused while parsing headers",
        ["framing: Content-Length not a number"] = "RFC 9112 §6.3, as above",
        ["framing: Transfer-Encoding not ending in chunked"] = "RFC 9112 §6.3: the request's length cannot be known, refused while parsing headers",
        ["framing: control character in the API key header"] = "Kestrel's header parser refuses some control characters (NUL) in field values",
        ["framing: control character in another header"] = "as above",
        ["framing: obsolete line folding"] = "RFC 9112 §5.2: obs-fold is refused by the server's parser",
        ["framing: no Host header"] = "RFC 9112 §3.2: an HTTP/1.1 request without Host is refused by the server",
        ["framing: control character or space in the target"] = "an invalid request line is refused by Kestrel's parser",
        ["framing: malformed request line"] = "as above",
        ["framing: header block over 32 KB"] = "431 from Kestrel: KestrelServerLimits.MaxRequestHeadersTotalSize",
        ["framing: Content-Length and Transfer-Encoding both"] = "RFC 9112 §6.3: the server may refuse it, or read it chunked and then close",
        ["framing: chunk extension with a control character"] = "chunk extensions are parsed by Kestrel",
        ["framing: absolute-form target"] = "Kestrel refuses an absolute-form target whose authority is not the Host header",
        ["reads: query over Kestrel's 8 KB request line"] = "414 from Kestrel: KestrelServerLimits.MaxRequestLineSize",
        ["reads: NUL (%00) in an API path"] = "Kestrel refuses a target whose decoded path holds NUL, before routing",
    };

    /// <summary>
    /// Where the problem+json rule applies: the API and the hub are the machine contract (the README and the OpenAPI
    /// document promise problem details, and source systems and kiosk apps parse them). Pages, the language switch,
    /// sign-in, wall display tokens and the job dashboard are for browsers: HTML, redirects or a framework's page are
    /// right there, so only "no 5xx" is asked of them.
    /// </summary>
    internal static bool IsMachineEndpoint(string path) =>
        path == "/api" || path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/hubs/", StringComparison.Ordinal);

    private sealed record Offence(string Problem, HostileRequest Request, Answer Answer);

    [Fact]
    public async Task HostileRequests_NeverAnswer5xx_AnswerProblemJson_AndStoreNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var full = int.TryParse(Environment.GetEnvironmentVariable(RequestsVariable), CultureInfo.InvariantCulture, out var wanted) && wanted > 0;
        var count = full ? wanted : ShortRequests;
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var budget = double.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : full ? FullBudget : ShortBudget;

        await using var host = new FuzzHost();
        host.Start();
        using var client = new FuzzClient(host.BaseAddress, RequestTimeout);
        var requests = new HostileRequests(await SignInAsync(host, ct), seed);
        await SendControlsAsync(host, requests, ct);

        var start = await host.MarkAsync(ct);
        var accepted = (Sequence: 0L, Cases: 0, Holidays: 0);
        var offences = new List<Offence>();
        var outcomes = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var trace = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var cut = false;
        foreach (var request in requests.Generate(count))
        {
            ct.ThrowIfCancellationRequested();
            if (clock.Elapsed > budget)
            {
                cut = true;
                break;
            }

            var before = request.MayWrite ? await host.MarkAsync(ct) : default;
            var answer = await client.SendAsync(request, ct);
            if (!answer.Answered && request.MayWrite)
            {
                // The server may still be reading a body the client gave up on: let it finish before the stores are read.
                await Task.Delay(200, ct);
            }

            var after = request.MayWrite ? await host.MarkAsync(ct) : default;
            sent++;
            var byLabel = outcomes.TryGetValue(request.Family, out var known) ? known : outcomes[request.Family] = new(StringComparer.Ordinal);
            byLabel[answer.Label] = byLabel.GetValueOrDefault(answer.Label) + 1;
            trace.Add($"{answer.Label}\t{answer.MediaType}\t{request.Family}\t{request.Detail}\t{request}");

            foreach (var problem in Judge(request, answer))
            {
                offences.Add(new Offence(problem, request, answer));
            }

            if (before != after)
            {
                if (answer.Answered && answer.Status is >= 200 and < 300)
                {
                    accepted = (accepted.Sequence + after.LastSequence - before.LastSequence, accepted.Cases + after.Cases - before.Cases,
                        accepted.Holidays + after.ExtraHolidays - before.ExtraHolidays);
                }
                else
                {
                    offences.Add(new Offence($"stored although refused ({Delta(before, after)})", request, answer));
                }
            }
        }

        var end = await host.MarkAsync(ct);
        var expected = new StoreMark(start.LastSequence + accepted.Sequence, start.Cases + accepted.Cases, start.ExtraHolidays + accepted.Holidays);
        var missing = host.MappedEndpoints().Where(e => !host.Reached.ContainsKey(e.Pattern)).Select(e => $"{e.Methods} {e.Pattern}").ToArray();

        // Every request and its answer, to read a run back (the report names only the offending ones).
        var traceFile = Path.Combine(Path.GetTempPath(), $"tablero-fuzz-{seed}-trace.txt");
        await File.WriteAllLinesAsync(traceFile, trace, ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"seed {seed}: {sent:N0} requests in {clock.Elapsed.TotalSeconds:0.0} s{(cut ? " (time budget reached)" : "")}; stores {start} → {end}; trace in {traceFile}{Environment.NewLine}" +
            string.Join(Environment.NewLine, outcomes.Select(o => $"  {o.Key}: {string.Join(", ", o.Value.Select(l => $"{l.Key}×{l.Value}"))}")));

        if (offences.Count > 0 || end != expected || missing.Length > 0)
        {
            Assert.Fail(Report(seed, count, sent, clock.Elapsed, cut, offences, start, end, expected, missing));
        }
    }

    /// <summary>Every rule one answer breaks.</summary>
    private static IEnumerable<string> Judge(HostileRequest request, Answer answer)
    {
        var kestrel = KestrelRefusals.ContainsKey(request.Family);
        if (!answer.Answered)
        {
            // A connection closed without an answer is Kestrel's way out of framing it cannot trust; a stall never is.
            if (!kestrel || answer.Ended == "timeout")
            {
                yield return "no answer";
            }

            yield break;
        }

        if (answer.Status >= 500)
        {
            yield return "5xx";
        }
        else if (answer.Status >= 400 && IsMachineEndpoint(request.Path) && !IsProblemJson(answer)
            && !(kestrel && !answer.FromApplication && answer.Body.Length == 0))
        {
            yield return "4xx not problem+json";
        }

        if (request.Expect == Expect.Rejected && answer.Status < 400)
        {
            yield return "accepted, must be refused";
        }
    }

    private static bool IsProblemJson(Answer answer)
    {
        if (answer.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Delta(StoreMark before, StoreMark after) =>
        string.Join(", ", new[]
        {
            after.LastSequence != before.LastSequence ? $"log +{after.LastSequence - before.LastSequence}" : null,
            after.Cases != before.Cases ? $"cases +{after.Cases - before.Cases}" : null,
            after.ExtraHolidays != before.ExtraHolidays ? $"holidays {after.ExtraHolidays - before.ExtraHolidays:+0;-0}" : null,
        }.OfType<string>());

    /// <summary>
    /// At most <see cref="MaxReportLines"/> lines: the run, the stores, unreached endpoints, then one line per
    /// (rule, kind, answer) with its count, where the hostility was put and one request to repeat it. Every
    /// offending request is written to a file beside.
    /// </summary>
    private static string Report(int seed, int count, int sent, TimeSpan elapsed, bool cut, List<Offence> offences, StoreMark start, StoreMark end, StoreMark expected,
        string[] missing)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tablero-fuzz-{seed}.txt");
        File.WriteAllLines(file, offences.Select(o =>
            $"{o.Problem}\t{o.Request.Family}\t{o.Request.Detail}\t{o.Answer.Label}\t{o.Answer.MediaType}\t{o.Request}\t{HostileRequest.Preview(o.Answer.Body, 200)}"));
        var groups = offences
            .GroupBy(o => (o.Problem, o.Request.Family, o.Answer.Label, o.Answer.MediaType))
            .OrderBy(g => g.Key.Problem, StringComparer.Ordinal).ThenByDescending(g => g.Count())
            .ToArray();
        var lines = new List<string>
        {
            $"Fuzz seed {seed} ({SeedVariable}={seed} {RequestsVariable}={count} repeats it): {sent:N0} requests in {elapsed.TotalSeconds:0} s" +
            $"{(cut ? " (time budget reached)" : "")}; {offences.Count:N0} offences in {groups.Length} groups; all of them in {file}",
        };
        if (end != expected)
        {
            lines.Add($"stores: {start} before, {end} after, but accepted requests account for {expected} only");
        }

        if (missing.Length > 0)
        {
            lines.Add($"endpoints no request reached: {string.Join("; ", missing)}");
        }

        foreach (var group in groups.Take(MaxReportLines - lines.Count - 1))
        {
            var details = group.GroupBy(o => o.Request.Detail).Where(d => d.Key.Length > 0).OrderByDescending(d => d.Count()).ToArray();
            var where = details.Length == 0 ? "" : " [" + string.Join(", ", details.Take(4).Select(d => $"{d.Key}×{d.Count()}")) + (details.Length > 4 ? $", +{details.Length - 4} more" : "") + "]";
            var example = group.First().Request.ToString();
            lines.Add($"{group.Key.Problem} · {group.Key.Family} → {group.Key.Label} {group.Key.MediaType ?? "(no type)"} ×{group.Count()}{where} e.g. {(example.Length > 140 ? example[..140] + "…" : example)}");
        }

        if (groups.Length > MaxReportLines - lines.Count)
        {
            lines.Add($"… {groups.Length - (MaxReportLines - lines.Count)} more groups in {file}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>An administrator signed in through the form, for pages, exports and holiday writes; and a fresh antiforgery pair.</summary>
    private static async Task<FuzzContext> SignInAsync(FuzzHost host, CancellationToken ct)
    {
        const string userName = "fuzz.admin";
        var (_, password) = await host.CreateUserAsync(userName, Role.Administrator, ReadScope.All);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var form = await http.GetAsync(SignInEndpoints.SignInPage, ct);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync(ct)).Groups[1].Value;
        var antiforgery = Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignInPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await http.SendAsync(post, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn).Single(c => c.StartsWith(SignInSchemes.CookieName + "=", StringComparison.Ordinal));
        return new FuzzContext(host.BaseAddress.Authority, DateTimeOffset.UtcNow, session, antiforgery, token, userName, password);

        static IEnumerable<string> Cookies(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
    }

    /// <summary>The templates every mutation starts from must be accepted, or a refusal would prove nothing.</summary>
    private static async Task SendControlsAsync(FuzzHost host, HostileRequests requests, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = RequestTimeout };
        http.DefaultRequestHeaders.Add("X-Api-Key", TableroFactory.IngestKey);
        foreach (var (name, body) in requests.Controls())
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(HostileRequests.EventsPath, content, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Fail($"the harness's valid {name} was refused, so its mutations would prove nothing: {(int)response.StatusCode} " +
                    $"{await response.Content.ReadAsStringAsync(ct)}{Environment.NewLine}{Encoding.UTF8.GetString(body)}");
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
