using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Web.Tests.Fuzz;

/// <summary>What the generator needs from the running host: its address and a signed-in administrator's session.</summary>
public sealed record FuzzContext(
    string Authority,
    DateTimeOffset Now,
    string SessionCookie,
    string AntiforgeryCookie,
    string AntiforgeryToken,
    string UserName,
    string Password);

/// <summary>
/// The hostile requests, as a seeded stream of named families. Every family is drawn first, once or (for lists walked
/// in turn, like the pages) once per item, so a run cut short by its time budget still touched every kind and every
/// endpoint; then families are drawn by weight. Event mutations start from events the host accepts
/// (<see cref="Controls"/> proves it before the run) and change one thing the contract forbids, so a 2xx can only mean
/// the host let that one thing through. Case ids like <c>../../x</c> are legal (<c>^[A-Za-z0-9\-_/.]{1,64}$</c>), so
/// they appear in reads only.
/// </summary>
public sealed class HostileRequests
{
    public const string EventsPath = "/api/v1/events";
    public const string ControlJalisco = "FZ-CONTROL-JAL";
    public const string ControlNuevoLeon = "FZ-CONTROL-NL";

    /// <summary>Placeholders put into a serialized event where a hostile fragment (or a duplicate member) goes.</summary>
    private const string Hole = "@@FUZZ@@";
    private const string DuplicateMember = "@@DUP@@";

    private static readonly string[] Types =
        ["CaseOpened", "CaseAssigned", "CaseReclassified", "CasePaused", "CaseResumed", "NoteAdded", "CaseEscalated", "CaseResolved", "CaseClosed", "CaseReopened"];

    private static readonly string[] TopStrings = ["eventId", "type", "caseId", "occurredAt"];

    private static readonly string[] DataMember = ["data"];

    private static readonly Dictionary<string, string[]> DataStrings = new(StringComparer.Ordinal)
    {
        ["CaseOpened"] = ["unitCode", "kind", "channel", "category", "priority", "summary", "insuredId", "moduleCode", "agentId", "staffRole"],
        ["CaseAssigned"] = ["agentId"],
        ["CaseReclassified"] = ["category", "priority"],
        ["CasePaused"] = ["reason"],
        ["CaseResumed"] = [],
        ["NoteAdded"] = ["text"],
        ["CaseEscalated"] = ["reason"],
        ["CaseResolved"] = ["resolution", "summary"],
        ["CaseClosed"] = [],
        ["CaseReopened"] = ["reason"],
    };

    /// <summary>Members the parser requires (CaseReclassified needs one of three, CaseClosed none: their members are optional one by one).</summary>
    private static readonly Dictionary<string, string[]> DataRequired = new(StringComparer.Ordinal)
    {
        ["CaseOpened"] = ["unitCode", "kind", "channel", "category", "priority", "complex", "summary"],
        ["CaseAssigned"] = ["agentId"],
        ["CaseReclassified"] = [],
        ["CasePaused"] = ["reason"],
        ["CaseResumed"] = [],
        ["NoteAdded"] = ["text"],
        ["CaseEscalated"] = ["level", "reason"],
        ["CaseResolved"] = ["resolution", "summary"],
        ["CaseClosed"] = [],
        ["CaseReopened"] = ["reason"],
    };

    private static readonly Dictionary<string, string[]> DataNonStrings = new(StringComparer.Ordinal)
    {
        ["CaseOpened"] = ["complex"],
        ["CaseReclassified"] = ["complex"],
        ["CaseEscalated"] = ["level"],
        ["CaseClosed"] = ["satisfaction"],
    };

    /// <summary>
    /// Identifiers, codes and enum names: nothing may end (or start) them, not even a line break .NET's <c>$</c>
    /// lets through. Free texts (summary, text, the reasons of escalations and reopenings) may hold line breaks.
    /// </summary>
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "eventId", "type", "caseId", "data.unitCode", "data.kind", "data.channel", "data.category", "data.priority", "data.insuredId",
        "data.moduleCode", "data.agentId", "data.staffRole", "data.resolution",
    };

    private static readonly string[] Surrogates = ["\\ud800", "\\udfff", "\\uDBFF", "\\udc00\\ud800", "\\ud800\\u0041"];

    private static readonly (string Name, byte[] Bytes)[] InvalidUtf8 =
    [
        ("C3 28", [0xC3, 0x28]),
        ("FF", [0xFF]),
        ("overlong C0 AF", [0xC0, 0xAF]),
        ("UTF-8 surrogate ED A0 80", [0xED, 0xA0, 0x80]),
        ("past U+10FFFF F4 90 80 80", [0xF4, 0x90, 0x80, 0x80]),
        ("lone continuation 80", [0x80]),
        ("5-byte F8 88 80 80 80", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("truncated E2 82 at the end", [0xE2, 0x82]),
    ];

    /// <summary>Header lines that only carry a valid key: left out of the report's short form.</summary>
    private static readonly HashSet<string> PlainKeyLines = new(
        new[] { TableroFactory.IngestKey, TableroFactory.ReadKey, TableroFactory.JaliscoKey, TableroFactory.AdminKey }.Select(k => $"X-Api-Key: {k}"), StringComparer.Ordinal);

    private static readonly string[] Breaks = ["\\n", "\\r\\n", "\\u2028", "\\r", "\\u0085", "\\u2029", " ", "\\t"];

    /// <summary>Query and path values, already percent-encoded as sent.</summary>
    private static readonly string[] HostileValues =
    [
        "", "-1", "0", "1", "2147483648", "99999999999999999999", "%00", "%0A", "%0D%0A", "..%2F..", "../..", "%C3%B1", "%E2%80%A8",
        "%ED%A0%80", "%FF", "%C0%AF", "%", "%G1", "%25", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "1e3", "%2B1", "%201", "open%00", "OPEN",
        "true%0A", "null", "%5B%5D", "%7B%7D", "%27", "%22", "%3B", "a%26b%3Dc", "IMSS-JAL", "IMSS-NL", "region:IMSS-JAL", "%09", "%E3%80%80",
        new string('a', 7000), string.Concat(Enumerable.Repeat("%C3%B1", 1100)),
    ];

    private static readonly string[] HostileIds =
    [
        "..%2F..%2Fetc", "%2e%2e", "%2e%2e%2fetc", "..", ".", "%09", "%0A", "%FF", "%ED%A0%80", new string('a', 65), new string('a', 300),
        new string('b', 4000), "a%2Fb", "QJ%20x", "%252e%252e", "..%5C..", "%E2%80%A8", "con", ControlJalisco + "%0A", ControlJalisco,
        ControlNuevoLeon, "%3Cscript%3E", "unit:NO-EXISTE", "region:%0A",
    ];

    private static readonly string[] HostileReturnUrls =
    [
        "%2F%09%2Fevil.example", "%2F%0D%0A", "%2F%0D%0ASet-Cookie:%20x=1", "%2F%2Fevil", "%2F%5Cevil", "https:%2F%2Fevil", "%2F%00",
        "%2F%09%2F", "%2F%E2%80%A8", "javascript:alert(1)", "", "%2F..%2F..", "%2Falertas", "%2F%7F", "%2F%1B[31m", "%2Fcasos%3Fx%3D%0A",
        "%2F" + new string('a', 3000),
    ];

    private readonly FuzzContext _context;
    private readonly Random _random;
    private readonly string _prefix;
    private readonly DateTimeOffset _at;
    private readonly IReadOnlyList<Family> _families;
    private readonly Dictionary<string, int> _drawn = new(StringComparer.Ordinal);
    private readonly Dictionary<object, int> _turns = new(ReferenceEqualityComparer.Instance);
    private int _cases;

    public HostileRequests(FuzzContext context, int seed)
    {
        _context = context;
        _random = new Random(seed);
        _prefix = seed.ToString("x8", CultureInfo.InvariantCulture);
        // Two minutes back: inside the 5-minute skew, and no SLA deadline falls due during the run.
        var now = context.Now.ToUniversalTime();
        _at = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddMinutes(-2);
        ControlEventId = NewEventId();
        _families = Families();
    }

    /// <summary>The eventId of the Jalisco control case's CaseOpened (reused with other content: 409).</summary>
    public Guid ControlEventId { get; }

    public IReadOnlyCollection<string> FamilyNames => _families.Select(f => f.Name).ToArray();

    /// <summary>
    /// Bodies the host must accept, sent before the run: one story per event type (so every template is proven
    /// valid and every mutation changes a valid event), and the two control cases reads and scope checks use.
    /// </summary>
    public IEnumerable<(string Name, byte[] Body)> Controls()
    {
        var jalisco = Story("CaseOpened", ControlJalisco, TableroFactory.JaliscoUnit.Code);
        jalisco[0]["eventId"] = ControlEventId.ToString();
        yield return ("control case in Jalisco", Utf8(jalisco[0].ToJsonString()));
        yield return ("control case in Nuevo León", Utf8(Story("CaseOpened", ControlNuevoLeon, TableroFactory.NuevoLeonUnit.Code)[0].ToJsonString()));
        foreach (var type in Types)
        {
            yield return ($"template {type}", Utf8(new JsonArray(Story(type, NewCaseId(), TableroFactory.JaliscoUnit.Code).ToArray<JsonNode>()).ToJsonString()));
        }
    }

    public IEnumerable<HostileRequest> Generate(int count)
    {
        var emitted = 0;
        foreach (var family in _families)
        {
            for (var i = 0; i < family.Sweep; i++)
            {
                if (emitted++ >= count)
                {
                    yield break;
                }

                yield return Draw(family);
            }
        }

        while (emitted++ < count)
        {
            var open = _families.Where(f => _drawn[f.Name] < f.Max).ToArray();
            var ticket = _random.Next(open.Sum(f => f.Weight));
            var chosen = open[0];
            foreach (var family in open)
            {
                if ((ticket -= family.Weight) < 0)
                {
                    chosen = family;
                    break;
                }
            }

            yield return Draw(chosen);
        }
    }

    private HostileRequest Draw(Family family)
    {
        _drawn[family.Name] = _drawn.GetValueOrDefault(family.Name) + 1;
        return family.Make() with { Family = family.Name };
    }

    /// <summary>A kind of request; <paramref name="Sweep"/> draws of it open the run, so lists walked in turn are covered whole.</summary>
    private sealed record Family(string Name, int Weight, Func<HostileRequest> Make, int Max = int.MaxValue, int Sweep = 1);

    private List<Family> Families()
    {
        var families = new List<Family>
        {
            // POST /api/v1/events: most of the volume.
            new("events: lone surrogate escape", 10, () => Post(LoneSurrogate(RandomShape()))),
            new("events: invalid UTF-8 in a string", 8, () => Post(InvalidUtf8Bytes(RandomShape()))),
            new("events: line break or space around an id, code or enum", 8, () => Post(TrailingBreak(RandomShape()))),
            new("events: occurredAt not strict RFC 3339", 6, () => Post(LooseDate(RandomShape()))),
            new("events: duplicate JSON member", 6, () => Post(DuplicateKey(RandomShape()))),
            new("events: wrong JSON type", 5, () => Post(WrongType(RandomShape()))),
            new("events: null in a required member", 3, () => Post(NullRequired(RandomShape()))),
            new("events: empty or blank string", 3, () => Post(Blank(RandomShape()))),
            new("events: required member missing", 3, () => Post(Missing(RandomShape()))),
            new("events: value outside the contract", 5, () => Post(BadValue(RandomShape()))),
            new("events: system-only type", 1, () => Post(SystemOnlyType(RandomShape("CaseOpened")))),
            new("events: malformed JSON", 5, () => Post(MalformedJson(RandomShape()))),
            new("events: deep nesting", 2, () => Post(DeepNesting(RandomShape()))),
            new("events: huge number", 2, () => Post(HugeNumber(RandomShape()))),
            new("events: body is not an event", 2, NotAnEvent),
            new("events: batch of 1,001", 1, Batch1001, Max: 6),
            new("events: one bad event among good ones", 4, BadAmongGood),
            new("events: same eventId twice in a batch", 1, SameEventIdTwice),
            new("events: eventId reused with other content", 1, EventIdReused),
            new("events: case rule broken", 2, CaseRuleBroken),
            new("events: wrong content type", 2, WrongContentType),
            new("events: missing, wrong or too weak credential", 3, WrongCredential),
            new("events: outside the key's scope", 2, OutsideScope),
            new("events: body over 4 MB", 1, Oversize, Max: 4),
            new("events: wrong method or path", 1, WrongMethod),
            new("events: unusual but valid occurredAt", 1, UnusualValidDate),

            // Reads with every key and none.
            new("reads: case list query", 4, CaseListQuery),
            new("reads: case by id", 3, CaseById),
            new("reads: event feed", 2, EventFeed),
            new("reads: summary", 1, () => Read("/api/v1/summary", "region", "unit")),
            new("reads: units", 1, () => Read("/api/v1/units", "region", "institution", "type")),
            new("reads: classification", 1, () => Read("/api/v1/classification", "institution")),
            new("reads: cases.csv export", 1, () => Read("/api/v1/exports/cases.csv", "region", "unit", "status", "complex", "from", "to", "kind", "staffRole")),
            new("reads: cases.xlsx export", 1, () => Read("/api/v1/exports/cases.xlsx", "region", "unit", "status", "from", "to", "priority")),
            new("reads: overview.xlsx export", 1, () => Read("/api/v1/exports/overview.xlsx", "region", "unit", "category", "from", "to", "channel")),
            new("reads: complaint-indicators.xlsx export", 1, () => Read("/api/v1/exports/complaint-indicators.xlsx", "period", "category", "region", "unit", "baselineFrom", "measure")),
            new("reads: complaint-indicators.csv export", 1, () => Read("/api/v1/exports/complaint-indicators.csv", "table", "period", "baselineTo", "unit")),
            new("reads: recognition.xlsx export", 1, () => Read("/api/v1/exports/recognition.xlsx", "periodo", "desde", "hasta")),
            new("reads: recognition.csv export", 1, () => Read("/api/v1/exports/recognition.csv", "table", "periodo", "desde", "hasta")),
            new("reads: overview.csv export", 1, () => Read("/api/v1/exports/overview.csv", "table", "region", "from", "to", "complex")),
            new("reads: committee-report.xlsx export", 1, () => Read("/api/v1/exports/committee-report.xlsx", "committee", "year", "quarter")),
            new("reads: alerts", 1, () => Read("/api/v1/alerts", "state", "limit")),
            new("reads: complaint indicators", 1, () => Read("/api/v1/indicators/complaints", "period", "category", "baselineFrom", "baselineTo", "measure", "region", "unit")),
            new("reads: survey results", 1, () => Read("/api/v1/surveys/results", "year", "bimester", "region", "unit")),
            new("reads: staff coverage", 1, () => Read("/api/v1/staff/coverage", "region", "unit")),
            new("reads: attention volumes", 1, () => Read("/api/v1/indicators/attention-volumes", "from", "to", "region", "unit")),
            new("reads: holidays of a country", 1, HolidayList),
            new("reads: late arrivals (data quality)", 1, () => Read("/api/v1/late-arrivals", "days")),
            new("reads: OpenAPI document", 1, OpenApi, Sweep: OpenApiTargets.Length),
            new("reads: unknown API path or method", 1, UnknownApi),
            new("reads: query over Kestrel's 8 KB request line", 1, OverlongQuery, Max: 10),
            new("reads: NUL (%00) in an API path", 1, NulInPath),

            // Writes beside events.
            new("holidays: PUT with one bad part", 3, PutHoliday),
            new("holidays: DELETE with one bad part", 1, DeleteHoliday),
            new("staff: import with one bad part", 1, ImportStaff),
            new("alerts: acknowledge", 1, Acknowledge),

            // The live hub.
            new("hubs: negotiate with a bad credential", 1, () => HubRequest("/hubs/cases/negotiate?negotiateVersion=1", "POST")),
            new("hubs: transport with a bad credential", 1, () => HubRequest($"/hubs/cases?id={Pick(HostileValues[..12])}", Pick(["GET", "POST"]))),
            new("hubs: negotiate oddities", 1, HubOddities),

            // Browser endpoints and pages: only "no 5xx" applies (see FuzzTests.IsMachineEndpoint).
            new("culture: hostile returnUrl", 2, CultureSwitch),
            new("sign-in: hostile form", 2, SignIn),
            new("sign-out: forged", 1, () => new HostileRequest { Expect = Expect.AnyAnswer, Method = "POST", Target = "/cuenta/salir", Headers = Session(), Body = Utf8("x=1"), ContentType = "application/x-www-form-urlencoded" }),
            new("health: probes", 1, () => new HostileRequest { Expect = Expect.AnyAnswer, Method = Pick(["GET", "GET", "HEAD", "POST"]), Target = InTurn(HealthTargets) }, Sweep: 2),
            new("display: junk token", 1, () => new HostileRequest { Expect = Expect.AnyAnswer, Target = $"/pantalla/{Pick(HostileIds)}" }),
            new("pages: hostile path", 2, HostilePage, Sweep: HostilePages.Length),
            new("pages: hostile query", 2, HostilePageQuery),
            new("pages: every page, hostile parameters", 3, EveryPage, Sweep: Pages.Length),
            new("telemetry: scrape", 1, () => new HostileRequest { Expect = Expect.AnyAnswer, Target = Pick(["/metrics", "/metrics?x=%00", "/metrics?%0A", "/metrics?x=1&x=2"]),
                Headers = Pick<KeyValuePair<string, string>[]>([[], [new("X-Api-Key", TableroFactory.AdminKey)], [new("X-Api-Key", TableroFactory.ReadKey)]]) }),
            new("pages: job dashboard", 1, () => new HostileRequest { Expect = Expect.AnyAnswer, Target = Pick(["/hangfire", "/hangfire/jobs/details/%00", "/hangfire/..%2F..", "/hangfire/recurring?x=%0A"]), Headers = MaybeSession() }),
            new("pages: circuit negotiate", 1, () => new HostileRequest { Expect = Expect.AnyAnswer, Method = "POST", Target = $"/_blazor/negotiate?negotiateVersion={Pick(["1", "abc", "-1"])}", Headers = [.. MaybeSession(), .. Pick<KeyValuePair<string, string>[]>([[], [new("Origin", "https://evil.example")]])] }),
        };

        // Framing only a raw socket can send.
        families.AddRange(
        [
            new("framing: chunk size not hex", 1, () => Framing(["Transfer-Encoding: chunked"], Concat(Utf8("zz\r\n"), ValidEvent(), Utf8("\r\n0\r\n\r\n")))),
            new("framing: chunk longer than declared", 1, () => Framing(["Transfer-Encoding: chunked"], Concat(Utf8("5\r\n"), ValidEvent(), Utf8("\r\n0\r\n\r\n")))),
            new("framing: chunk shorter than declared, then half-close", 1, () =>
            {
                var body = ValidEvent();
                return Framing(["Transfer-Encoding: chunked"], Concat(Utf8($"{body.Length + 64:x}\r\n"), body, Utf8("\r\n0\r\n\r\n")), halfClose: true);
            }),
            new("framing: final chunk missing, then half-close", 1, () =>
            {
                var body = ValidEvent();
                return Framing(["Transfer-Encoding: chunked"], Concat(Utf8($"{body.Length:x}\r\n"), body, Utf8("\r\n")), halfClose: true);
            }),
            new("framing: Content-Length beyond the bytes sent, then half-close", 1, () =>
            {
                var body = ValidEvent();
                return Framing([$"Content-Length: {body.Length + _random.Next(1, 5000)}"], body, halfClose: true);
            }),
            new("framing: two Content-Length values", 1, () =>
            {
                var body = ValidEvent();
                return Framing(Pick<string[]>([[$"Content-Length: {body.Length}", $"Content-Length: {body.Length + 1}"], [$"Content-Length: {body.Length}, {body.Length + 1}"]]), body);
            }),
            new("framing: Content-Length not a number", 1, () => Framing([$"Content-Length: {Pick(["abc", "-1", "0x10", "1e3", "99999999999999999999999"])}"], ValidEvent())),
            new("framing: Transfer-Encoding not ending in chunked", 1, () => Framing([$"Transfer-Encoding: {Pick(["gzip", "chunked, gzip", "identity", "xchunked"])}"], Chunk(ValidEvent()))),
            new("framing: control character in the API key header", 1, () =>
                Framing([], Chunk(ValidEvent()), apiKeyLine: $"X-Api-Key: {TableroFactory.IngestKey}{Pick(["\u0001", "\u007f", "\u0000", "\u001b"])}", extra: ["Transfer-Encoding: chunked"])),
            new("framing: obsolete line folding", 1, () => Framing([], Chunk(ValidEvent()), apiKeyLine: $"X-Api-Key: {TableroFactory.IngestKey}\r\n  folded", extra: ["Transfer-Encoding: chunked"])),
            new("framing: no Host header", 1, () =>
            {
                var body = ValidEvent();
                return RawRequest("POST", EventsPath, [$"X-Api-Key: {TableroFactory.IngestKey}", "Content-Type: application/json", $"Content-Length: {body.Length}"], body, host: false);
            }),
            new("framing: control character or space in the target", 1, () =>
                RawRequest("GET", $"/api/v1/cases/{Pick(["a\u0000b", "a\u0001b", "a b", "a\u007fb", "a\tb"])}", [$"X-Api-Key: {TableroFactory.ReadKey}"], null)),
            new("framing: malformed request line", 1, () =>
                new HostileRequest { Target = "/api/v1/summary", Raw = Utf8(Pick(["GET  /api/v1/summary HTTP/1.1", "GET /api/v1/summary HTTP/1.1 x", "G\u0001T /api/v1/summary HTTP/1.1", "GET /api/v1/summary HTTP/1.1\n"]) + $"\r\nHost: {_context.Authority}\r\nConnection: close\r\n\r\n") }),
            new("framing: header block over 32 KB", 1, () => RawRequest("GET", "/api/v1/summary", [$"X-Api-Key: {TableroFactory.ReadKey}", $"X-Pad: {new string('a', 33_000)}"], null), Max: 10),
        ]);

        // Reads through a raw socket that HTTP may carry: the app answers them, only "no 5xx" is asked.
        families.AddRange(
        [
            new("framing: Content-Length and Transfer-Encoding both", 1, () =>
            {
                // RFC 9112 §6.3: Transfer-Encoding wins; a server may process the chunked body (then close) or refuse.
                var request = Framing(["Content-Length: 10", "Transfer-Encoding: chunked"], Chunk(ValidEvent()));
                return request with { Expect = Expect.AnyAnswer };
            }),
            new("framing: chunk extension with a control character", 1, () =>
            {
                var body = ValidEvent();
                // Kestrel ignores chunk extensions; accepting the (valid) body is as correct as refusing it.
                return Framing(["Transfer-Encoding: chunked"], Concat(Utf8($"{body.Length:x};ext=\u0001v\r\n"), body, Utf8("\r\n0\r\n\r\n"))) with { Expect = Expect.AnyAnswer };
            }),
            new("framing: control character in another header", 1, () =>
                // RFC 9110 §5.5: a recipient may keep CTLs other than CR, LF and NUL; a read either way.
                RawRequest("GET", "/api/v1/summary", [$"X-Api-Key: {TableroFactory.ReadKey}", $"X-Trace: a{Pick(["\u0001", "\u007f", "\u0000", "\u001b[31m"])}b"], null) with { Expect = Expect.AnyAnswer }),
            new("framing: absolute-form target", 1, () =>
                // RFC 9112 §3.2.2: the target's authority replaces Host; answering or refusing are both allowed.
                RawRequest("GET", $"http://{Pick(["evil.example", _context.Authority])}/api/v1/summary", [$"X-Api-Key: {TableroFactory.ReadKey}"], null) with { Expect = Expect.AnyAnswer }),
        ]);

        foreach (var family in families)
        {
            _drawn[family.Name] = 0;
        }

        return families;
    }

    // ---- events: shapes and templates ----

    /// <summary>A story of events the host accepts (the target last), sent as one object or a batch.</summary>
    private sealed record Shape(List<JsonObject> Events, int Target, bool AsArray)
    {
        public JsonObject Event => Events[Target];

        public string Type => Event["type"]!.GetValue<string>();

        public string Json() => AsArray ? new JsonArray(Events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString() : Events[Target].ToJsonString();
    }

    private sealed record Mutated(byte[] Body, string Detail, string Shown);

    private Shape RandomShape(string? type = null)
    {
        type ??= _random.Next(2) == 0 ? "CaseOpened" : Pick(Types);
        var events = Story(type, NewCaseId(), TableroFactory.JaliscoUnit.Code);
        return new Shape(events, events.Count - 1, events.Count > 1 || _random.Next(2) == 0);
    }

    /// <summary>A case opened in the unit and taken to where an event of this type is legal, that event last.</summary>
    private List<JsonObject> Story(string type, string caseId, string unitCode)
    {
        var events = new List<JsonObject> { Event("CaseOpened", caseId, OpenedData(unitCode), 0) };
        void Then(string next, JsonObject data) => events.Add(Event(next, caseId, data, events.Count));
        switch (type)
        {
            case "CaseAssigned":
                Then(type, new JsonObject { ["agentId"] = "TAO-200001" });
                break;
            case "CaseReclassified":
                Then(type, new JsonObject { ["category"] = "quality", ["priority"] = "Low", ["complex"] = false });
                break;
            case "CasePaused":
                Then(type, new JsonObject { ["reason"] = "AwaitingInsured" });
                break;
            case "CaseResumed":
                Then("CasePaused", new JsonObject { ["reason"] = "ThirdParty" });
                Then(type, []);
                break;
            case "NoteAdded":
                Then(type, new JsonObject { ["text"] = "Se llamó al derechohabiente; pide cita con su médico." });
                break;
            case "CaseEscalated":
                Then(type, new JsonObject { ["level"] = 1, ["reason"] = "Sin respuesta de la jefatura." });
                break;
            case "CaseResolved":
                Then(type, Resolved());
                break;
            case "CaseClosed":
                Then("CaseResolved", Resolved());
                Then(type, new JsonObject { ["satisfaction"] = 4 });
                break;
            case "CaseReopened":
                Then("CaseResolved", Resolved());
                Then(type, new JsonObject { ["reason"] = "El derechohabiente no quedó conforme." });
                break;
        }

        return events;

        static JsonObject Resolved() => new() { ["resolution"] = "explicacion-dada", ["summary"] = "Se explicó el trámite y se dio cita." };
    }

    private JsonObject Event(string type, string caseId, JsonObject data, int second) => new()
    {
        ["eventId"] = NewEventId().ToString(),
        ["type"] = type,
        ["caseId"] = caseId,
        ["occurredAt"] = _at.AddSeconds(second).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["data"] = data,
    };

    /// <summary>
    /// Every optional member present, so each string member can be mutated. A suggestion of medium priority: its first
    /// deadline is a business day away, so the SLA sweep writes nothing during a run and every new row is a request's.
    /// </summary>
    private static JsonObject OpenedData(string unitCode) => new()
    {
        ["unitCode"] = unitCode,
        ["kind"] = "Suggestion",
        ["channel"] = "Module",
        ["category"] = "mistreatment",
        ["priority"] = "Medium",
        ["complex"] = true,
        ["summary"] = "Trato descortés en ventanilla.",
        ["insuredId"] = "12345678903",
        ["moduleCode"] = "MOD-01",
        ["agentId"] = "TAO-104233",
        ["staffRole"] = "physician",
    };

    private byte[] ValidEvent() => Utf8(Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0].ToJsonString());

    private string NewCaseId() => $"FZ{_prefix}-{++_cases:D5}";

    /// <summary>From the seeded generator, so a failing run repeats with the same ids.</summary>
    private Guid NewEventId()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static IEnumerable<string> StringMembers(string type) => TopStrings.Concat(DataStrings[type].Select(m => $"data.{m}"));

    private static IEnumerable<string> CodeMembers(string type) =>
        StringMembers(type).Where(m => Codes.Contains(m) || (type == "CasePaused" && m == "data.reason"));

    private static IEnumerable<string> RequiredMembers(string type) =>
        TopStrings.Concat(type == "CaseResumed" ? [] : ["data"]).Concat(DataRequired[type].Select(m => $"data.{m}"));

    private static IEnumerable<string> NonStringMembers(string type) =>
        DataMember.Concat(DataNonStrings.GetValueOrDefault(type, []).Select(m => $"data.{m}"));

    private static (JsonObject Parent, string Name) Locate(JsonObject e, string path)
    {
        var parts = path.Split('.');
        var parent = e;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        return (parent, parts[^1]);
    }

    private static string StringAt(JsonObject e, string path)
    {
        var (parent, name) = Locate(e, path);
        return parent[name]!.GetValue<string>();
    }

    /// <summary>The body's text around the member's value: what comes before it and after it.</summary>
    private static (string Before, string After) Around(Shape shape, string path)
    {
        var (parent, name) = Locate(shape.Event, path);
        parent[name] = Hole;
        var parts = shape.Json().Split($"\"{Hole}\"");
        return (parts[0], parts[1]);
    }

    private static Mutated Splice(Shape shape, string path, string rawValue, string shown)
    {
        var (before, after) = Around(shape, path);
        return new Mutated(Utf8(before + rawValue + after), path, $"{path}={shown}");
    }

    private static Mutated SpliceBytes(Shape shape, string path, byte[] rawValue, string shown)
    {
        var (before, after) = Around(shape, path);
        return new Mutated(Concat(Utf8(before), rawValue, Utf8(after)), path, $"{path}={shown}");
    }

    /// <summary>A JSON string literal (non-ASCII escaped) without its quotes, so a fragment can go inside it.</summary>
    private static string Inner(string value) => JsonSerializer.Serialize(value)[1..^1];

    // ---- events: mutations; each one is forbidden by the contract on its own ----

    private Mutated LoneSurrogate(Shape shape)
    {
        var path = Pick(StringMembers(shape.Type));
        var surrogate = Pick(Surrogates);
        var inner = Inner(StringAt(shape.Event, path));
        return _random.Next(3) switch
        {
            0 => Splice(shape, path, $"\"{inner}{surrogate}\"", $"\"…{surrogate}\""),
            1 => Splice(shape, path, $"\"{surrogate}{inner}\"", $"\"{surrogate}…\""),
            _ => Splice(shape, path, $"\"{surrogate}\"", $"\"{surrogate}\""),
        };
    }

    private Mutated InvalidUtf8Bytes(Shape shape)
    {
        var path = Pick(StringMembers(shape.Type));
        var (name, bytes) = Pick(InvalidUtf8);
        var inner = Utf8(Inner(StringAt(shape.Event, path)));
        var value = name.StartsWith("truncated", StringComparison.Ordinal) || _random.Next(2) == 0
            ? Concat(Utf8("\""), inner, bytes, Utf8("\""))
            : Concat(Utf8("\""), bytes, inner, Utf8("\""));
        return SpliceBytes(shape, path, value, $"\"…<{name}>…\"");
    }

    private Mutated TrailingBreak(Shape shape)
    {
        var path = Pick(CodeMembers(shape.Type));
        var text = Pick(Breaks);
        var inner = Inner(StringAt(shape.Event, path));
        return _random.Next(5) == 0
            ? Splice(shape, path, $"\"{text}{inner}\"", $"\"{text}{inner}\"")
            : Splice(shape, path, $"\"{inner}{text}\"", $"\"{inner}{text}\"");
    }

    private IEnumerable<(string Name, string Value)> LooseDates()
    {
        var t = _at;
        string F(string format) => t.ToString(format, CultureInfo.InvariantCulture);
        var day = F("yyyy-MM-dd");
        var time = F("HH:mm:ss");
        yield return ("no seconds", $"{day}T{F("HH:mm")}Z");
        yield return ("space before Z", $"{day}T{time} Z");
        yield return ("space after T", $"{day}T {time}Z");
        yield return ("U+00A0 before Z", $"{day}T{time}\u00A0Z");
        yield return ("U+00A0 instead of T", $"{day}\u00A0{time}Z");
        yield return ("U+2028 before Z", $"{day}T{time}\u2028Z");
        yield return ("U+3000 after T", $"{day}T\u3000{time}Z");
        yield return ("no offset", $"{day}T{time}");
        yield return ("month 13", $"{F("yyyy")}-13-01T{time}Z");
        yield return ("hour 24", $"{day}T24:00:00Z");
        yield return ("second 60 outside a leap second", $"{day}T10:15:60Z");
        yield return ("year 0000", $"0000-{F("MM-dd")}T{time}Z");
        yield return ("offset without colon", $"{day}T{time}+0000");
        yield return ("offset of hours only", $"{day}T{time}+00");
        yield return ("offset +24:00", $"{day}T{time}+24:00");
        yield return ("leading space", $" {day}T{time}Z");
        yield return ("trailing newline", $"{day}T{time}Z\n");
        yield return ("slashes", $"{F("yyyy/MM/dd")}T{time}Z");
        yield return ("RFC 1123", $"{F("ddd, dd MMM yyyy HH:mm:ss")}Z");
        yield return ("empty fraction", $"{day}T{time}.Z");
        yield return ("Z twice", $"{day}T{time}ZZ");
        yield return ("offset and Z", $"{day}T{time}+00:00Z");
        yield return ("date only", day);
        yield return ("a day ahead", _context.Now.ToUniversalTime().AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var unpadded = $"{t.Year}-{t.Month}-{t.Day}T{t.Hour}:{t.Minute:D2}:{t.Second:D2}Z";
        if (unpadded != $"{day}T{time}Z")
        {
            yield return ("unpadded fields", unpadded);
        }
    }

    private Mutated LooseDate(Shape shape)
    {
        var (name, value) = Pick(LooseDates());
        var mutated = Splice(shape, "occurredAt", JsonSerializer.Serialize(value), HostileRequest.Escape(value));
        return mutated with { Detail = name };
    }

    /// <summary>A second value for a member that is valid on its own, so only the duplication is wrong.</summary>
    private JsonNode SecondValue(Shape shape, string path)
    {
        var (parent, name) = Locate(shape.Event, path);
        var current = parent[name]!;
        return path switch
        {
            "eventId" => NewEventId().ToString(),
            "caseId" when shape.Type == "CaseOpened" => NewCaseId(),
            "occurredAt" => _at.AddSeconds(-30).ToOffset(TimeSpan.FromHours(-6)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            "data.unitCode" => TableroFactory.NuevoLeonUnit.Code,
            "data.summary" or "data.text" => "Otra versión del texto.",
            "data.reason" => shape.Type == "CasePaused" ? "ThirdParty" : "Otra razón.",
            "data.complex" => !current.GetValue<bool>(),
            "data.priority" => "Low",
            "data.kind" => "Compliment",
            "data.channel" => "Web",
            "data.category" => "waiting-time",
            "data.moduleCode" => "MOD-02",
            "data.agentId" => "TAO-300003",
            "data.staffRole" => "nursing",
            "data.insuredId" => "10987654323",
            "data.resolution" => "orientacion",
            "data.level" => 2,
            "data.satisfaction" => 5,
            // type, a follow-up's caseId and data itself: the same value twice is still two members with one name.
            _ => current.DeepClone(),
        };
    }

    private Mutated DuplicateKey(Shape shape, string? path = null)
    {
        var data = shape.Event["data"]!.AsObject();
        path ??= Pick(TopStrings.Append("data").Concat(data.Select(m => $"data.{m.Key}")));
        var (parent, name) = Locate(shape.Event, path);
        var second = SecondValue(shape, path);
        var first = _random.Next(2) == 0;
        var members = parent.Select(m => (m.Key, Value: m.Value?.DeepClone())).ToList();
        parent.Clear();
        if (first)
        {
            parent[DuplicateMember] = second.DeepClone();
        }

        foreach (var (key, value) in members)
        {
            parent[key] = value;
        }

        if (!first)
        {
            parent[DuplicateMember] = second.DeepClone();
        }

        var text = shape.Json().Replace($"\"{DuplicateMember}\":", $"\"{name}\":", StringComparison.Ordinal);
        var shown = HostileRequest.Escape(second.ToJsonString(), 30);
        return new Mutated(Utf8(text), path, $"{path} twice ({(first ? "extra first" : "extra last")}: {shown})");
    }

    private Mutated WrongType(Shape shape)
    {
        var path = Pick(StringMembers(shape.Type).Concat(NonStringMembers(shape.Type)));
        var value = path switch
        {
            "data" => Pick(["\"x\"", "[]", "42", "true", "[{}]"]),
            "data.complex" => Pick(["\"true\"", "1", "0", "\"yes\"", "[]", "{}"]),
            "data.level" => Pick(["\"2\"", "2.5", "4", "0", "-1", "1e400", "99999999999", "true", "[1]"]),
            "data.satisfaction" => Pick(["0", "6", "\"5\"", "4.5", "true", "1e400", "-1"]),
            _ => Pick(["42", "true", "false", "{}", "[]", "[\"x\"]", "1e400", "-0", "0"]),
        };
        return Splice(shape, path, value, value);
    }

    private Mutated NullRequired(Shape shape)
    {
        var path = Pick(RequiredMembers(shape.Type));
        return Splice(shape, path, "null", "null");
    }

    private Mutated Blank(Shape shape)
    {
        var path = Pick(StringMembers(shape.Type));
        var value = Pick(["\"\"", "\"   \"", "\"\\t\"", "\"\\u00a0\"", "\"\\n\""]);
        return Splice(shape, path, value, value);
    }

    private Mutated Missing(Shape shape)
    {
        if (shape.Type == "CaseReclassified" && _random.Next(2) == 0)
        {
            // None of category, priority, complex: the event changes nothing.
            shape.Event["data"] = new JsonObject();
            return new Mutated(Utf8(shape.Json()), "data (no member)", "data={}");
        }

        var path = Pick(RequiredMembers(shape.Type));
        var (parent, name) = Locate(shape.Event, path);
        parent.Remove(name);
        return new Mutated(Utf8(shape.Json()), path, $"no {path}");
    }

    private Mutated BadValue(Shape shape)
    {
        var candidates = new List<(string Path, string Value)>
        {
            ("eventId", "\"not-a-uuid\""),
            ("eventId", "\"6f1c1b9e-3a53-4a1e-9a43\""),
            ("type", "\"caseopened\""),
            ("type", "\"CaseDeleted\""),
            ("type", "\"0\""),
            ("caseId", $"\"{new string('Q', 65)}\""),
            ("caseId", "\"QJ 2026\""),
            ("caseId", "\"QJ-\\u00f1\""),
            ("caseId", "\"QJ*1\""),
            ("caseId", "\"QJ\\u00001\""),
        };
        candidates.AddRange(shape.Type switch
        {
            "CaseOpened" =>
            [
                ("data.unitCode", "\"NO-EXISTE\""), ("data.category", "\"no-existe\""), ("data.category", "\"referral\""), ("data.kind", "\"complaint\""),
                ("data.kind", "\"0\""), ("data.channel", "\"Phone\""), ("data.priority", "\"Urgent\""), ("data.summary", $"\"{new string('a', 2001)}\""),
                ("data.insuredId", "\"1234567890\""), ("data.insuredId", "\"1234567890a\""),
                ("data.insuredId", "\"\\uff11\\uff12\\uff13\\uff14\\uff15\\uff16\\uff17\\uff18\\uff19\\uff10\\uff11\""),
                ("data.staffRole", "\"astronaut\""), ("data.moduleCode", "\"MOD 01\""), ("data.agentId", "\"TAO/1\""),
            ],
            "CaseAssigned" => [("data.agentId", "\"TAO 1\""), ("data.agentId", $"\"{new string('T', 65)}\"")],
            "CaseReclassified" => [("data.category", "\"no-existe\""), ("data.priority", "\"urgent\"")],
            "CasePaused" => [("data.reason", "\"Vacation\"")],
            "NoteAdded" => [("data.text", $"\"{new string('n', 4001)}\"")],
            "CaseEscalated" => [("data.level", "0"), ("data.level", "4"), ("data.reason", $"\"{new string('r', 4001)}\"")],
            "CaseResolved" => [("data.resolution", "\"a b\""), ("data.summary", $"\"{new string('s', 2001)}\"")],
            "CaseClosed" => [("data.satisfaction", "6"), ("data.satisfaction", "0")],
            "CaseReopened" => [("data.reason", $"\"{new string('r', 4001)}\"")],
            _ => [],
        });
        var (path, value) = Pick(candidates);
        return Splice(shape, path, value, HostileRequest.Escape(value, 30));
    }

    private Mutated SystemOnlyType(Shape shape)
    {
        var type = Pick(["SlaBreached", "SlaWarning"]);
        return Splice(shape, "type", $"\"{type}\"", type);
    }

    private Mutated MalformedJson(Shape shape)
    {
        var json = shape.Json();
        var member = Pick(StringMembers(shape.Type));
        var variant = _random.Next(14);
        var mutated = variant switch
        {
            0 => Cut(),
            1 => Splice(shape, Pick(NonStringMembers(shape.Type).Where(m => m != "data").DefaultIfEmpty("data")), Pick(["NaN", "Infinity", "-Infinity", "nan", "undefined"]), "a NaN-like token"),
            2 => new Mutated(Utf8($"{json[..^1]},{json[^1]}"), "trailing comma", $"…,{json[^1]}"),
            3 => Splice(shape, member, $"'{Inner(StringAt(shape.Event, member))}'", "'single quotes'"),
            4 => new Mutated(Utf8(json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, Pick(["/* c */", "// c\n"]))), "comment", "a comment"),
            5 => new Mutated(Utf8(json.Replace("\"caseId\":", "caseId:", StringComparison.Ordinal)), "unquoted member name", "caseId: unquoted"),
            6 => new Mutated(Utf8(json + Pick(["x", "}", "]", json, "\u0000", "\"\""])), "text after the root value", "…<more after the end>"),
            7 => SpliceBytes(shape, member, Concat(Utf8("\"a"), [Pick<byte>([0x01, 0x0A, 0x09, 0x1F, 0x00])], Utf8("b\"")), "a raw control character"),
            8 => Splice(shape, member, Pick(["\"\\x41\"", "\"\\u12\"", "\"\\U0041\"", "\"\\'\"", "\"\\\""]), "a bad escape"),
            9 => Splice(shape, Pick(NonStringMembers(shape.Type).Where(m => m != "data").DefaultIfEmpty("data")), Pick(["01", "+1", ".5", "0x1", "1.", "-", "1e", "--1"]), "a malformed number"),
            10 => new Mutated(Utf8(json[..json.LastIndexOf('"')]), "unterminated string", "…\"unterminated"),
            11 => new Mutated(Utf8(json.Replace(":", "=", StringComparison.Ordinal)), "= for :", "\"a\"=1"),
            12 => new Mutated(Concat(Utf8(json[..(json.Length / 2)]), [0xE2, 0x82]), "body ends mid-character", "…<E2 82>"),
            _ => new Mutated(Utf8(json.Replace("{", "{{", StringComparison.Ordinal)), "doubled braces", "{{"),
        };
        return variant switch
        {
            1 => mutated with { Detail = "NaN-like token" },
            3 => mutated with { Detail = "single quotes" },
            7 => mutated with { Detail = "raw control character in a string" },
            8 => mutated with { Detail = "bad escape" },
            9 => mutated with { Detail = "malformed number" },
            _ => mutated,
        };

        Mutated Cut()
        {
            var bytes = Utf8(json);
            var at = _random.Next(1, bytes.Length);
            return new Mutated(bytes[..at], "truncated", $"…(cut at {at} of {bytes.Length} B)");
        }
    }

    private Mutated DeepNesting(Shape shape)
    {
        var depth = Pick([65, 100, 1000, 5000]);
        var nested = new string('[', depth) + new string(']', depth);
        if (_random.Next(3) == 0)
        {
            return new Mutated(Utf8(nested), $"root, depth {depth}", $"[[[… depth {depth}");
        }

        var path = Pick(StringMembers(shape.Type).Append("data"));
        return Splice(shape, path, nested, $"[[[… depth {depth}") with { Detail = $"{path}, depth {depth}" };
    }

    private Mutated HugeNumber(Shape shape)
    {
        var path = Pick(StringMembers(shape.Type).Concat(NonStringMembers(shape.Type)));
        var (name, value) = Pick<(string, string)>(
        [
            ("400 digits", "1" + new string('0', 400)),
            ("1e999999", "1e999999"),
            ("-1e-999999", "-1e-999999"),
            ("100,000 digits", "9" + new string('9', 99_999)),
            ("2^63", "9223372036854775808"),
        ]);
        return Splice(shape, path, value, name);
    }

    // ---- events: whole requests ----

    private static HostileRequest Post(Mutated mutated, string? apiKey = TableroFactory.IngestKey) => new()
    {
        Method = "POST",
        Target = EventsPath,
        ApiKey = apiKey,
        Body = mutated.Body,
        ContentType = "application/json",
        Detail = mutated.Detail,
        Shown = mutated.Shown,
    };

    private HostileRequest NotAnEvent()
    {
        var body = Pick(["", "   ", "[]", "{}", "null", "\"x\"", "42", "true", "[1]", "[null]", "[[]]", "[{}]", "\r\n"]);
        return new HostileRequest { Method = "POST", Target = EventsPath, ApiKey = TableroFactory.IngestKey, Body = Utf8(body), ContentType = "application/json", Detail = body.Length == 0 ? "empty" : HostileRequest.Escape(body) };
    }

    private HostileRequest Batch1001()
    {
        var events = Enumerable.Range(0, 1001).Select(_ => (JsonNode)Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0]).ToArray();
        return new HostileRequest { Method = "POST", Target = EventsPath, ApiKey = TableroFactory.IngestKey, Body = Utf8(new JsonArray(events).ToJsonString()), ContentType = "application/json", Shown = "[1,001 valid CaseOpened]" };
    }

    private HostileRequest BadAmongGood()
    {
        var shape = RandomShape();
        var before = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0]).ToList();
        var after = Enumerable.Range(0, _random.Next(before.Count == 0 ? 1 : 0, 3)).Select(_ => Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0]).ToList();
        var batch = new Shape([.. before, .. shape.Events, .. after], before.Count + shape.Target, AsArray: true);
        var (name, mutation) = Pick<(string, Func<Shape, Mutated>)>(
        [
            ("lone surrogate", LoneSurrogate), ("invalid UTF-8", InvalidUtf8Bytes), ("line break", TrailingBreak), ("loose date", LooseDate),
            ("duplicate member", s => DuplicateKey(s)), ("wrong type", WrongType), ("null", NullRequired), ("blank", Blank), ("missing", Missing),
            ("bad value", BadValue), ("system-only type", SystemOnlyType),
        ]);
        var mutated = mutation(batch);
        return Post(mutated) with { Detail = $"{name} in [{batch.Target}] of {batch.Events.Count}" };
    }

    private HostileRequest SameEventIdTwice()
    {
        var first = Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0];
        var second = Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0];
        second["eventId"] = first["eventId"]!.GetValue<string>();
        return new HostileRequest { Method = "POST", Target = EventsPath, ApiKey = TableroFactory.IngestKey, Body = Utf8(new JsonArray(first, second).ToJsonString()), ContentType = "application/json", Shown = "[A, B] with one eventId" };
    }

    private HostileRequest EventIdReused()
    {
        var opened = Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0];
        opened["eventId"] = ControlEventId.ToString();
        return new HostileRequest { Method = "POST", Target = EventsPath, ApiKey = TableroFactory.IngestKey, Body = Utf8(opened.ToJsonString()), ContentType = "application/json", Shown = "the control case's eventId on another case" };
    }

    private HostileRequest CaseRuleBroken()
    {
        var caseId = NewCaseId();
        var (detail, events) = Pick<(string, Func<List<JsonObject>>)>(
        [
            ("open an open case", () => [Story("CaseOpened", ControlJalisco, TableroFactory.JaliscoUnit.Code)[0]]),
            ("close an unresolved case", () =>
            {
                var story = Story("CaseOpened", caseId, TableroFactory.JaliscoUnit.Code);
                story.Add(Event("CaseClosed", caseId, new JsonObject { ["satisfaction"] = 3 }, 1));
                return story;
            }),
            ("note on an unknown case", () => [Event("NoteAdded", NewCaseId(), new JsonObject { ["text"] = "¿Existe?" }, 0)]),
            ("resume an unpaused case", () =>
            {
                var story = Story("CaseOpened", caseId, TableroFactory.JaliscoUnit.Code);
                story.Add(Event("CaseResumed", caseId, [], 1));
                return story;
            }),
            ("escalate to the current level", () =>
            {
                var story = Story("CaseEscalated", caseId, TableroFactory.JaliscoUnit.Code);
                story.Add(Event("CaseEscalated", caseId, new JsonObject { ["level"] = 1, ["reason"] = "Otra vez." }, 2));
                return story;
            }),
        ]);
        var list = events();
        var body = list.Count == 1 && _random.Next(2) == 0 ? list[0].ToJsonString() : new JsonArray(list.ToArray<JsonNode>()).ToJsonString();
        return new HostileRequest { Method = "POST", Target = EventsPath, ApiKey = TableroFactory.IngestKey, Body = Utf8(body), ContentType = "application/json", Detail = detail };
    }

    private HostileRequest WrongContentType()
    {
        // A valid body: the content type alone is wrong. JSON between systems is UTF-8 (RFC 8259 §8.1); a body declared
        // latin1 is refused rather than guessed at.
        var type = Pick<string?>(["text/plain", null, "application/json; charset=latin1", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]);
        return new HostileRequest { Method = "POST", Target = EventsPath, ApiKey = TableroFactory.IngestKey, Body = ValidEvent(), ContentType = type, Detail = type ?? "no Content-Type" };
    }

    private HostileRequest WrongCredential()
    {
        var (detail, key, headers, target) = Pick<(string, string?, KeyValuePair<string, string>[], string)>(
        [
            ("no key", null, [], EventsPath),
            ("unknown key", "not-a-key", [], EventsPath),
            ("another installation's key", "demo-key-tablero-2026", [], EventsPath),
            // A real key as a bearer token is accepted (the hub clients' form); a junk one is not.
            ("junk bearer token", null, [new("Authorization", "Bearer not-a-key")], EventsPath),
            ("read-only key as a bearer token", null, [new("Authorization", $"Bearer {TableroFactory.ReadKey}")], EventsPath),
            ("key in access_token (hub only)", null, [], $"{EventsPath}?access_token={TableroFactory.IngestKey}"),
            ("junk session cookie", null, [new("Cookie", "tablero.session=junk")], EventsPath),
            ("read-only key", TableroFactory.ReadKey, [], EventsPath),
            ("admin key", TableroFactory.AdminKey, [], EventsPath),
            ("administrator's session", null, Session(), EventsPath),
            ("two keys", TableroFactory.IngestKey, [new("X-Api-Key", TableroFactory.ReadKey)], EventsPath),
        ]);
        return new HostileRequest { Method = "POST", Target = target, ApiKey = key, Headers = headers, Body = ValidEvent(), ContentType = "application/json", Detail = detail };
    }

    private HostileRequest OutsideScope()
    {
        var caseId = NewCaseId();
        var (detail, body) = Pick<(string, Func<string>)>(
        [
            ("open in Nuevo León", () => Story("CaseOpened", caseId, TableroFactory.NuevoLeonUnit.Code)[0].ToJsonString()),
            ("note on the Nuevo León control case", () => Event("NoteAdded", ControlNuevoLeon, new JsonObject { ["text"] = "Desde Jalisco." }, 0).ToJsonString()),
            ("batch of Jalisco and Nuevo León", () => new JsonArray(Story("CaseOpened", caseId, TableroFactory.JaliscoUnit.Code)[0], Story("CaseOpened", NewCaseId(), TableroFactory.NuevoLeonUnit.Code)[0]).ToJsonString()),
            ("unitCode twice, Jalisco and Nuevo León", () => Encoding.UTF8.GetString(DuplicateKey(RandomShape("CaseOpened"), "data.unitCode").Body)),
        ]);
        var text = body();
        // Which unit came first says whether an accepted one landed outside the key's region.
        var shown = detail.StartsWith("unitCode", StringComparison.Ordinal)
            ? text.IndexOf(TableroFactory.NuevoLeonUnit.Code, StringComparison.Ordinal) < text.IndexOf(TableroFactory.JaliscoUnit.Code, StringComparison.Ordinal) ? "Nuevo León first" : "Jalisco first"
            : null;
        return new HostileRequest { Method = "POST", Target = EventsPath, ApiKey = TableroFactory.JaliscoKey, Body = Utf8(text), ContentType = "application/json", Detail = detail, Shown = shown };
    }

    private HostileRequest Oversize()
    {
        var summary = new string('a', (int)Dashboard.Web.Api.EventsApi.MaxBodyBytes);
        var opened = Story("CaseOpened", NewCaseId(), TableroFactory.JaliscoUnit.Code)[0];
        opened["data"]!["summary"] = summary;
        var chunked = _random.Next(2) == 0;
        return new HostileRequest
        {
            Method = "POST", Target = EventsPath, ApiKey = TableroFactory.IngestKey, Body = Utf8(opened.ToJsonString()), ContentType = "application/json", Chunked = chunked,
            Detail = chunked ? "chunked" : "with Content-Length", Shown = "data.summary of 4 MiB",
        };
    }

    private HostileRequest WrongMethod()
    {
        var (method, target) = Pick<(string, string)>([("PUT", EventsPath), ("DELETE", EventsPath), ("PATCH", EventsPath), ("POST", $"{EventsPath}/x"), ("POST", "/api/v1/events%2F")]);
        return new HostileRequest { Method = method, Target = target, ApiKey = TableroFactory.IngestKey, Body = ValidEvent(), ContentType = "application/json", Detail = $"{method} {target}" };
    }

    private HostileRequest UnusualValidDate()
    {
        // RFC 3339 allows these (lowercase t and z, any number of fraction digits, -00:00); the same instant as the
        // templates', so an accepted one opens no case the SLA sweep would act on during the run.
        // Accepting or refusing them are both fine: only a 5xx is wrong.
        var t = _at;
        var (name, value) = Pick<(string, string)>(
        [
            ("lowercase t and z", t.ToString("yyyy-MM-dd't'HH:mm:ss'z'", CultureInfo.InvariantCulture)),
            ("10-digit fraction", t.ToString("yyyy-MM-dd'T'HH:mm:ss'.1234567890Z'", CultureInfo.InvariantCulture)),
            ("offset -00:00", t.ToString("yyyy-MM-dd'T'HH:mm:ss'-00:00'", CultureInfo.InvariantCulture)),
            ("offset +14:00", t.ToOffset(TimeSpan.FromHours(14)).ToString("yyyy-MM-dd'T'HH:mm:ss'+14:00'", CultureInfo.InvariantCulture)),
        ]);
        return Post(Splice(RandomShape("CaseOpened"), "occurredAt", JsonSerializer.Serialize(value), value)) with { Expect = Expect.AnyAnswer, Detail = name };
    }

    // ---- reads ----

    /// <summary>Mostly keys that may read, so the hostile values reach the endpoint; sometimes none or a junk one.</summary>
    private (string Name, string? Key, KeyValuePair<string, string>[] Headers, bool Refused) ReadCredential() => Pick<(string, string?, KeyValuePair<string, string>[], bool)>(
    [
        ("ingest key", TableroFactory.IngestKey, [], false),
        ("read key", TableroFactory.ReadKey, [], false),
        ("read key", TableroFactory.ReadKey, [], false),
        ("Jalisco key", TableroFactory.JaliscoKey, [], false),
        ("Jalisco key", TableroFactory.JaliscoKey, [], false),
        ("admin key", TableroFactory.AdminKey, [], false),
        ("administrator's session", null, Session(), false),
        ("no key", null, [], true),
        ("unknown key", "junk", [], true),
    ]);

    private HostileRequest Read(string path, params string[] parameters)
    {
        var credential = ReadCredential();
        var query = string.Join("&", parameters.Where(_ => _random.Next(3) != 0).DefaultIfEmpty(Pick(parameters)).Select(p => $"{p}={Pick(HostileValues)}"));
        if (_random.Next(8) == 0)
        {
            query += $"&{Pick(parameters)}={Pick(HostileValues)}";
        }

        if (query.Length > 7_500)
        {
            // Two long values would pass Kestrel's 8 KB request line: that refusal is a kind of its own (OverlongQuery).
            query = query.Split('&')[0];
        }

        return new HostileRequest
        {
            Target = $"{path}?{query}", ApiKey = credential.Key, Headers = credential.Headers, Detail = credential.Name,
            Expect = credential.Refused ? Expect.Rejected : Expect.AnyAnswer,
        };
    }

    private HostileRequest CaseListQuery() => Read("/api/v1/cases", "page", "pageSize", "status", "region", "unit", "complex");

    private HostileRequest CaseById()
    {
        var credential = ReadCredential();
        var include = Pick(["", "?include=events", "?include=EVENTS", "?include=junk", "?include=%00", "?include=events&include=events"]);
        return new HostileRequest
        {
            Target = $"/api/v1/cases/{Pick(HostileIds)}{include}", ApiKey = credential.Key, Headers = credential.Headers, Detail = credential.Name,
            Expect = credential.Refused ? Expect.Rejected : Expect.AnyAnswer,
        };
    }

    private HostileRequest EventFeed()
    {
        var credential = ReadCredential();
        var after = Pick(["-1", "0", "9223372036854775807", "9223372036854775808", "abc", "%00", "1.5", "", "1e3"]);
        var limit = Pick(["0", "1", "1000", "1001", "100000", "abc", "-1", "%00", "2147483648", ""]);
        return new HostileRequest
        {
            Target = $"{EventsPath}?after={after}&limit={limit}", ApiKey = credential.Key, Headers = credential.Headers, Detail = credential.Name,
            Expect = credential.Refused ? Expect.Rejected : Expect.AnyAnswer,
        };
    }

    private HostileRequest HolidayList()
    {
        var credential = ReadCredential();
        var country = Pick(["Mexico", "Peru", "mexico", "XX", "0", "1", "%09", "..", "Mexico,Peru", "%20Mexico", "M%C3%A9xico", "%ED%A0%80"]);
        var year = Pick(["", "?year=2026", "?year=-1", "?year=1899", "?year=2201", "?year=abc", "?year=%00", "?year=99999999999", "?year=2026&year=2027"]);
        return new HostileRequest
        {
            Target = $"/api/v1/holidays/{country}{year}", ApiKey = credential.Key, Headers = credential.Headers, Detail = credential.Name,
            Expect = credential.Refused ? Expect.Rejected : Expect.AnyAnswer,
        };
    }

    private HostileRequest OpenApi() => new() { Expect = Expect.AnyAnswer, Target = InTurn(OpenApiTargets) };

    private HostileRequest UnknownApi()
    {
        var (method, target) = Pick<(string, string)>(
        [
            ("GET", "/api/v1/nope"), ("GET", "/api/v2/events"), ("GET", "/api"), ("GET", "/api/v1"), ("GET", "/api/v1/cases/x/y"),
            ("DELETE", "/api/v1/cases"), ("PATCH", "/api/v1/units"), ("OPTIONS", EventsPath), ("POST", "/api/v1/summary"), ("GET", "/api/v1/alerts/1/acknowledge"),
            ("PUT", "/api/v1/holidays/Mexico"), ("GET", "/api/v1/holidays"), ("TRACE", "/api/v1/summary"),
        ]);
        var credential = ReadCredential();
        return new HostileRequest { Method = method, Target = target, ApiKey = credential.Key, Headers = credential.Headers, Detail = $"{method} {target}" };
    }

    private HostileRequest OverlongQuery() => new()
    {
        Target = $"/api/v1/cases?region={new string('a', 10_240)}",
        ApiKey = TableroFactory.ReadKey,
        Shown = "region=a×10 KB",
    };

    /// <summary>Kestrel refuses a path that decodes to NUL before routing, so these have their own kind (see FuzzTests.KestrelRefusals).</summary>
    private HostileRequest NulInPath()
    {
        var (method, target, key, body) = Pick<(string, string, string, byte[]?)>(
        [
            ("GET", "/api/v1/cases/%00", TableroFactory.ReadKey, null),
            ("GET", $"/api/v1/cases/{ControlJalisco}%00?include=events", TableroFactory.ReadKey, null),
            ("GET", "/api/v1/holidays/Mexico%00", TableroFactory.ReadKey, null),
            ("POST", "/api/v1/alerts/%00/acknowledge", TableroFactory.IngestKey, null),
            ("PUT", "/api/v1/holidays/Mexico/2027-01-15%00", TableroFactory.AdminKey, Utf8("{\"name\":\"Asueto\"}")),
            ("POST", "/api/v1/events%00", TableroFactory.IngestKey, ValidEvent()),
        ]);
        return new HostileRequest { Method = method, Target = target, ApiKey = key, Body = body, ContentType = body is null ? null : "application/json" };
    }

    // ---- holidays, alerts ----

    private HostileRequest PutHoliday()
    {
        // Exactly the parts chosen are bad; the rest is what an administrator may send, so a 2xx means the bad part passed.
        var bad = Pick(["country", "date", "body", "credential", "content type"]);
        var country = bad == "country" ? Pick(["XX", "0", "1", "-1", "Mexico,Peru", "%20Mexico", "Mexico%0A", "Mexico%09", "M%C3%A9xico", "%ED%A0%80", "..", "%2e%2e", "Mexico%2F..", new string('M', 300)]) : Pick(["Mexico", "Peru"]);
        var date = bad == "date" ? Pick(["2026-02-30", "2026-13-01", "20261201", "2026-12-01T00:00", "2026-1-1", "0000-01-01", "2026-12-01%0A", "%09", "-2026-01-01", "2026-12-01%20", "%2B2026-01-01", "%EF%BC%92026-01-01", "9999-99-99"]) : "2027-01-15";
        var body = bad == "body"
            ? Pick<byte[]>(
            [
                Utf8("{\"name\":\"Asueto\\ud800\"}"), Utf8("{\"name\":\"\\udfff\"}"), Utf8("{\"name\":\"Asueto\",\"name\":\"Otro\"}"),
                Concat(Utf8("{\"name\":\"Asueto"), [0xC3, 0x28], Utf8("\"}")), Concat(Utf8("{\"name\":\"Asueto"), [0xFF], Utf8("\"}")),
                Utf8("{\"name\":5}"), Utf8("{\"name\":null}"), Utf8("{\"name\":[\"a\"]}"), Utf8("{\"name\":\"\"}"), Utf8("{\"name\":\"   \"}"),
                Utf8($"{{\"name\":\"{new string('x', 201)}\"}}"), Utf8("[]"), Utf8("null"), [], Utf8("{"), Utf8("{\"name\":\"Asueto\""), Utf8("{\"name\":NaN}"),
                Utf8(new string('[', 1000) + new string(']', 1000)), Utf8("{\"nombre\":\"Asueto\"}"), Utf8("{\"name\":{\"name\":\"Asueto\"}}"),
            ])
            : Utf8("{\"name\":\"Día de prueba\"}");
        var (keyName, key, headers) = bad == "credential"
            ? Pick<(string, string?, KeyValuePair<string, string>[])>([("no key", null, []), ("unknown key", "junk", []), ("read key", TableroFactory.ReadKey, []), ("ingest key", TableroFactory.IngestKey, []), ("Jalisco key", TableroFactory.JaliscoKey, [])])
            : Pick<(string, string?, KeyValuePair<string, string>[])>([("admin key", TableroFactory.AdminKey, []), ("administrator's session", null, Session())]);
        var contentType = bad == "content type" ? Pick<string?>(["text/plain", null, "application/x-www-form-urlencoded"]) : "application/json";
        return new HostileRequest
        {
            Method = "PUT", Target = $"/api/v1/holidays/{country}/{date}", ApiKey = key, Headers = headers, Body = body, ContentType = contentType,
            Detail = $"bad {bad}", Shown = bad == "credential" ? keyName : bad == "content type" ? contentType ?? "no Content-Type" : null,
        };
    }

    private HostileRequest ImportStaff()
    {
        // Exactly one part is bad (every body breaks a rule of the file whatever its bytes decode to), so a 2xx means it passed.
        const string Header = "unitCode,staffNumber,name,staffRole,agentId,certifiedOn,expiresOn,sessions\n";
        var bad = Pick(["body", "credential", "content type"]);
        var body = bad == "body"
            ? Pick<byte[]>(
            [
                Utf8(Header + "NO-EXISTE,1001,Ana,pharmacy,,,,\n"), Utf8(Header), [], Utf8("unitCode;staffNumber;name;staffRole\n"), Utf8(Header + "\"UMF,1001\n"),
                Utf8(Header + "%00,1001,Ana,pharmacy,,,,\n"), Concat(Utf8(Header + "NO-EXISTE,1001,Ana"), [0xC3, 0x28], Utf8(",pharmacy,,,,\n")),
                Utf8(Header + "NO-EXISTE,1001,Ana,pharmacy,,2026-02-30,,1;2\n"), Utf8(Header + "NO-EXISTE,1 0 0 1,,surgeon,,,,-1\n"),
                Utf8(Header + "NO-EXISTE,1001,Ana,pharmacy,,,,99999999999999999999\n"), Utf8(Header + "NO-EXISTE,1001,Ana,pharmacy,,,,\n,,,,,,,,,,,\n"),
                Utf8(new string('x', 5000)), Utf8("{\"unitCode\":\"UMF\"}"),
            ])
            : Utf8(Header + "NO-EXISTE,1001,Ana,pharmacy,,,,\n");
        var (keyName, key, headers) = bad == "credential"
            ? Pick<(string, string?, KeyValuePair<string, string>[])>([("no key", null, []), ("unknown key", "junk", []), ("read key", TableroFactory.ReadKey, []), ("Jalisco key", TableroFactory.JaliscoKey, [])])
            : Pick<(string, string?, KeyValuePair<string, string>[])>([("admin key", TableroFactory.AdminKey, []), ("administrator's session", null, Session())]);
        var contentType = bad == "content type" ? Pick<string?>(["text/plain", null, "application/json", "text/csv; charset=latin1"]) : "text/csv";
        return new HostileRequest
        {
            Method = "POST", Target = "/api/v1/staff/import", ApiKey = key, Headers = headers, Body = body, ContentType = contentType,
            Detail = $"bad {bad}", Shown = bad == "credential" ? keyName : bad == "content type" ? contentType ?? "no Content-Type" : null,
        };
    }

    private HostileRequest DeleteHoliday()
    {
        var bad = Pick(["country", "date", "credential", "no such day"]);
        var country = bad == "country" ? Pick(["XX", "0", "Mexico,Peru", "%20Mexico", "Mexico%0A", "%ED%A0%80", ".."]) : "Mexico";
        // Never the day PUT sends: a PUT the host wrongly accepts must not turn a later DELETE into a 204.
        var date = bad == "date" ? Pick(["2026-02-30", "20261201", "%09", "2026-12-01%0A", "0000-01-01"]) : "2027-03-17";
        var (key, headers) = bad == "credential"
            ? Pick<(string?, KeyValuePair<string, string>[])>([(null, []), ("junk", []), (TableroFactory.ReadKey, []), (TableroFactory.IngestKey, [])])
            : Pick<(string?, KeyValuePair<string, string>[])>([(TableroFactory.AdminKey, []), (null, Session())]);
        return new HostileRequest { Method = "DELETE", Target = $"/api/v1/holidays/{country}/{date}", ApiKey = key, Headers = headers, Detail = $"bad {bad}" };
    }

    private static readonly string[] HealthTargets = ["/health/live", "/health/ready?x=%00", "/health/ready", "/health/live/..%2F..", "/health/ready?%0A"];

    private static readonly string[] AcknowledgeIds = ["1", "abc", "-1", "0", "99999999999999999999", "9223372036854775807", "1.5", "%09", "%0A", "..%2F..", "1%20", "0x1"];

    private HostileRequest Acknowledge()
    {
        var credential = ReadCredential();
        // In turn, a well-formed id first: the run's opening sweep then always reaches the endpoint behind its {id:long} route.
        var id = InTurn(AcknowledgeIds);
        var body = Pick<byte[]?>([null, Utf8("{}"), Utf8("{\"x\":\"\\ud800\"}"), [0xFF, 0xFE], Utf8(new string('[', 1000))]);
        return new HostileRequest
        {
            Method = "POST", Target = $"/api/v1/alerts/{id}/acknowledge", ApiKey = credential.Key, Headers = credential.Headers, Body = body,
            ContentType = body is null ? null : "application/json", Detail = credential.Name,
            Expect = credential.Refused ? Expect.Rejected : Expect.AnyAnswer,
        };
    }

    // ---- hubs ----

    private HostileRequest HubRequest(string target, string method)
    {
        var (detail, extraQuery, headers) = Pick<(string, string, KeyValuePair<string, string>[])>(
        [
            ("no credential", "", []),
            ("bearer junk", "", [new("Authorization", "Bearer junk")]),
            ("bearer of a real key", "", [new("Authorization", $"Bearer {TableroFactory.ReadKey}")]),
            ("access_token junk", "access_token=junk", []),
            ("access_token %00", "access_token=%00", []),
            ("X-Api-Key junk", "", [new("X-Api-Key", "junk")]),
            ("junk session cookie", "", [new("Cookie", "tablero.session=junk")]),
        ]);
        var separator = target.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new HostileRequest
        {
            Method = method, Target = extraQuery.Length == 0 ? target : $"{target}{separator}{extraQuery}", Headers = headers, Detail = detail,
            // A real key as a bearer token is a valid credential (the official clients' accessTokenFactory): any answer but a 5xx.
            Expect = detail == "bearer of a real key" ? Expect.AnyAnswer : Expect.Rejected,
        };
    }

    private HostileRequest HubOddities()
    {
        var (detail, method, target, headers) = Pick<(string, string, string, KeyValuePair<string, string>[])>(
        [
            ("negotiateVersion junk", "POST", $"/hubs/cases/negotiate?negotiateVersion={Pick(["abc", "-1", "99999", "%00", ""])}", []),
            ("foreign Origin", "POST", "/hubs/cases/negotiate?negotiateVersion=1", [new("Origin", "https://evil.example")]),
            ("Origin null", "POST", "/hubs/cases/negotiate?negotiateVersion=1", [new("Origin", "null")]),
            ("GET negotiate", "GET", "/hubs/cases/negotiate", []),
            ("unknown hub", "POST", "/hubs/nope/negotiate?negotiateVersion=1", []),
            ("access_token with a real key", "POST", $"/hubs/cases/negotiate?negotiateVersion=1&access_token={TableroFactory.ReadKey}%00", []),
        ]);
        return new HostileRequest { Expect = Expect.AnyAnswer, Method = method, Target = target, ApiKey = TableroFactory.ReadKey, Headers = headers, Detail = detail };
    }

    // ---- browser endpoints and pages ----

    private KeyValuePair<string, string>[] Session() => [new("Cookie", _context.SessionCookie)];

    private KeyValuePair<string, string>[] MaybeSession() => _random.Next(2) == 0 ? Session() : [];

    private HostileRequest CultureSwitch() => new()
    {
        Expect = Expect.AnyAnswer,
        Target = $"/culture/{Pick(["en", "es-MX", "es-PE", "fr-FR", "%00", "..%2F..", "en%0A"])}?returnUrl={Pick(HostileReturnUrls)}",
        Headers = MaybeSession(),
    };

    private HostileRequest SignIn()
    {
        var returnUrl = Pick(HostileReturnUrls);
        var (detail, userName, password, token, cookie) = Pick<(string, string, string, bool, bool)>(
        [
            ("no antiforgery token", _context.UserName, _context.Password, false, false),
            ("token without its cookie", _context.UserName, _context.Password, true, false),
            ("wrong password", _context.UserName, "nope", true, true),
            ("right password", _context.UserName, _context.Password, true, true),
            ("control characters in the user name", Uri.EscapeDataString(_context.UserName) + Pick(["%00", "%0D%0A", "%1B", "%E2%80%A8"]), "nope", true, true),
            ("invalid UTF-8 in the password", "nadie", "%ED%A0%80%FF", true, true),
            ("user name of 20 KB", new string('u', 20_000), "nope", true, true),
        ]);
        var name = detail.StartsWith("control", StringComparison.Ordinal) ? userName : Uri.EscapeDataString(userName);
        var pass = detail.StartsWith("invalid", StringComparison.Ordinal) ? password : Uri.EscapeDataString(password);
        var form = $"userName={name}&password={pass}&returnUrl={returnUrl}" + (token ? $"&__RequestVerificationToken={Uri.EscapeDataString(_context.AntiforgeryToken)}" : "");
        return new HostileRequest
        {
            Expect = Expect.AnyAnswer, Method = "POST", Target = Dashboard.Web.Security.SignInEndpoints.SignInPath, Body = Utf8(form),
            ContentType = Pick(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "application/json"]),
            Headers = cookie ? [new("Cookie", _context.AntiforgeryCookie)] : [], Detail = detail, Shown = $"returnUrl={returnUrl}",
        };
    }

    private static readonly string[] HostilePages =
    [
        "/casos/..%2F..", "/casos/%00", "/casos/%ED%A0%80", $"/casos/{new string('c', 3000)}", "/unidades/%00", "/unidades/NO-EXISTE", "/unidades/%0A",
        "/wall/unit:NO-EXISTE", "/wall/region:%0A", "/wall/%00", "/wall/unit:", "/wall/region:IMSS-JAL%00", "/regiones/%3Cscript%3E", "/regiones/%00",
        "/regions/..%2F..", "/units/%FF", "/cases/%E2%80%A8", "/alertas/..", "/admin/usuarios/%00", "/nope", "/%00", "/..%2F..%2Fetc%2Fpasswd",
        "/nope.css", "/app.css%00", "/js/..%2F..%2Fappsettings.json", "/_framework/%2e%2e/blazor.web.js",
    ];

    /// <summary>Every page route, Spanish and English; {id} takes a hostile value.</summary>
    private static readonly string[] Pages =
    [
        "/capacitacion", "/training", "/encuestas", "/sesiones/{id}", "/comites/informe/{id}", "/comites/{id}", "/indicadores/quejas", "/", "/resumen", "/overview", "/admin/auditoria", "/admin/calidad-datos", "/admin/estado", "/admin/claves", "/admin/perfiles", "/admin/pantallas", "/admin/usuarios", "/alertas", "/alerts", "/casos", "/cases",
        "/casos/{id}", "/cases/{id}", "/cuenta/entrar", "/cuenta/sin-permiso", "/reconocimientos", "/recognition", "/regiones", "/regions", "/regiones/{id}",
        "/regions/{id}", "/unidades/{id}", "/units/{id}", "/wall", "/wall/{id}", "/wall/unit:{id}", "/wall/region:{id}",
        "/mis-casos", "/my-cases", "/casos/nuevo", "/cases/new", "/comites", "/committees", "/indicators/complaints", "/surveys",
    ];

    private static readonly string[] OpenApiTargets =
        ["/openapi/v1.json", "/openapi/v1.json?x=%00", "/openapi/v2.json", "/openapi/%00.json", "/openapi/..%2F..%2Fappsettings.json", "/openapi/v1.yaml"];

    private HostileRequest HostilePage() => new() { Expect = Expect.AnyAnswer, Target = InTurn(HostilePages), Headers = MaybeSession() };

    /// <summary>Every page route (Spanish and English), its route value and a query key hostile.</summary>
    private HostileRequest EveryPage()
    {
        // The first pass gives each route a well-formed id, so every page is reached: a hostile id may be refused by Kestrel
        // (a NUL) or normalised to another route ("/sesiones/../.."), and a run could then miss the page entirely.
        var firstPass = _turns.GetValueOrDefault(Pages) < Pages.Length;
        var id = firstPass ? "1" : Pick(HostileIds.Concat(HostileValues.Where(v => v.Length < 200)));
        var page = InTurn(Pages).Replace("{id}", id, StringComparison.Ordinal);
        var key = Pick(["region", "unit", "kind", "category", "channel", "priority", "complex", "from", "to", "status", "sla", "level", "breached", "page", "sort",
            "anio", "trimestre", "playlist", "every", "returnUrl", "error", "user", "q"]);
        return new HostileRequest { Expect = Expect.AnyAnswer, Target = $"{page}?{key}={Pick(HostileValues)}", Headers = MaybeSession() };
    }

    private HostileRequest HostilePageQuery()
    {
        var value = Pick(HostileValues);
        var target = Pick(
        [
            $"/casos?{Pick(["region", "unit", "kind", "category", "channel", "priority", "complex", "from", "to", "status", "sla", "level", "breached", "page", "sort"])}={value}",
            $"/resumen?{Pick(["region", "unit", "from", "to", "priority", "kind", "category"])}={value}",
            $"/resumen?from=2026-13-01&to={value}",
            $"/wall?playlist={value}&every={Pick(["-1", "0", "99999999999", "abc", "1"])}",
            $"/wall?playlist=all,region:{value},unit:NO-EXISTE&every=1",
            $"/cuenta/entrar?returnUrl={Pick(HostileReturnUrls)}&error={value}",
            $"/unidades/{TableroFactory.JaliscoUnit.Code}?{Pick(["page", "sort", "status", "sla"])}={value}",
            $"/regiones/IMSS-JAL?sort={value}",
        ]);
        return new HostileRequest { Expect = Expect.AnyAnswer, Target = target, Headers = MaybeSession() };
    }

    // ---- framing ----

    private static byte[] Chunk(byte[] body) => Concat(Utf8($"{body.Length:x}\r\n"), body, Utf8("\r\n0\r\n\r\n"));

    private HostileRequest Framing(string[] framing, byte[] body, bool halfClose = false, string? apiKeyLine = null, string[]? extra = null) =>
        RawRequest("POST", EventsPath, [apiKeyLine ?? $"X-Api-Key: {TableroFactory.IngestKey}", "Content-Type: application/json", .. framing, .. extra ?? []], body) with
        {
            HalfClose = halfClose,
            Shown = $"{string.Join(" | ", framing.Concat(extra ?? []).Select(h => HostileRequest.Escape(h, 40)))} {HostileRequest.Preview(body, 24)}",
        };

    private HostileRequest RawRequest(string method, string target, IEnumerable<string> headers, byte[]? body, bool host = true)
    {
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\n");
        if (host)
        {
            head.Append(CultureInfo.InvariantCulture, $"Host: {_context.Authority}\r\n");
        }

        foreach (var header in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{header}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return new HostileRequest
        {
            Method = method, Target = target, Raw = Concat(Encoding.Latin1.GetBytes(head.ToString()), body ?? []),
            Shown = HostileRequest.Escape(string.Join(" | ", headers.Where(h => !PlainKeyLines.Contains(h))), 80),
        };
    }

    // ---- small helpers ----

    /// <summary>The list's items one after another (per list), so a sweep of its length covers it whole.</summary>
    private T InTurn<T>(IReadOnlyList<T> list)
    {
        var next = _turns.GetValueOrDefault(list);
        _turns[list] = next + 1;
        return list[next % list.Count];
    }

    private T Pick<T>(IEnumerable<T> choices)
    {
        var list = choices as IReadOnlyList<T> ?? choices.ToArray();
        return list[_random.Next(list.Count)];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
