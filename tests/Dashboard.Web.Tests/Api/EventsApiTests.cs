using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Web.Tests.Api;

public sealed class EventsApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewCaseId() => $"QJ-{Guid.NewGuid():N}"[..20];

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await ReadJsonAsync(response);
    }

    [Fact]
    public async Task Post_CaseOpened_IsStoredAndReadBack()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = NewCaseId();
        var opened = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code, complex: true);

        var response = await client.PostAsJsonAsync("/api/v1/events", opened, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var result = body.GetProperty("results")[0];
        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("sequence").GetInt64() > 0);

        var read = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}?include=events", Ct));
        Assert.Equal(caseId, read.GetProperty("caseId").GetString());
        Assert.Equal("New", read.GetProperty("status").GetString());
        Assert.Equal("IMSS-JAL", read.GetProperty("regionCode").GetString());
        Assert.True(read.GetProperty("complex").GetBoolean());
        var timeline = read.GetProperty("events");
        Assert.Equal(1, timeline.GetArrayLength());
        Assert.Equal("*******8903", timeline[0].GetProperty("data").GetProperty("insuredId").GetString());
    }

    [Fact]
    public async Task Post_Batch_IsAcceptedInOrderWithConsecutiveSequences()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = NewCaseId();
        var batch = new JsonArray(EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code), EventJson.Of("CaseAssigned", caseId, new JsonObject { ["agentId"] = "TAO-104233" }));

        var body = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/events", batch, Ct));

        var sequences = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()).ToArray();
        Assert.Equal(sequences[0] + 1, sequences[1]);
        var read = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}", Ct));
        Assert.Equal("Assigned", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_SameEventTwice_SecondIsDuplicateWithSameSequence()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var opened = EventJson.Opened(NewCaseId(), TableroFactory.JaliscoUnit.Code);

        var first = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/events", opened, Ct));
        var second = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/events", opened, Ct));

        Assert.Equal(1, second.GetProperty("duplicates").GetInt32());
        Assert.Equal("duplicate", second.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("results")[0].GetProperty("sequence").GetInt64(), second.GetProperty("results")[0].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Post_SameEventIdDifferentContent_Is409()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var eventId = Guid.NewGuid().ToString();
        var caseId = NewCaseId();
        await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code, eventId: eventId), Ct);

        var response = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code, eventId: eventId, priority: "Low"), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.True(problem.GetProperty("errors").TryGetProperty("eventId", out _));
    }

    [Fact]
    public async Task Post_BatchWithOneInvalidEvent_Is400WithPathsAndStoresNothing()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var good = NewCaseId();
        var bad = EventJson.Opened(NewCaseId(), "UMF-NOPE-999");
        bad["data"]!["kind"] = "Queja";

        var response = await client.PostAsJsonAsync("/api/v1/events", new JsonArray(EventJson.Opened(good, TableroFactory.JaliscoUnit.Code), bad), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("UMF-NOPE-999", errors.GetProperty("[1].data.unitCode")[0].GetString());
        Assert.Contains("Complaint", errors.GetProperty("[1].data.kind")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{good}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Post_IllegalTransition_Is422AndStoresNothing()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = NewCaseId();
        var batch = new JsonArray(EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code), EventJson.Of("CaseClosed", caseId, new JsonObject()));

        var response = await client.PostAsJsonAsync("/api/v1/events", batch, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not allowed while case", problem.GetProperty("errors").GetProperty("[1].type")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Post_WithoutKey_Is401Problem()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened(NewCaseId(), TableroFactory.JaliscoUnit.Code), Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_WithWrongKey_Is401()
    {
        using var client = factory.CreateClient("not-a-real-key-at-all-123");

        var response = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened(NewCaseId(), TableroFactory.JaliscoUnit.Code), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithReadOnlyKey_Is403()
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var response = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened(NewCaseId(), TableroFactory.JaliscoUnit.Code), Ct);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_UnitOutsideKeyScope_Is403AndStoresNothing()
    {
        using var client = factory.CreateClient(TableroFactory.JaliscoKey);
        var caseId = NewCaseId();

        var response = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened(caseId, TableroFactory.NuevoLeonUnit.Code), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(TableroFactory.NuevoLeonUnit.Code, problem.GetProperty("errors").GetProperty("caseId")[0].GetString());
        using var admin = factory.CreateClient(TableroFactory.ReadKey);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Post_NotJson_Is415()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);

        var response = await client.PostAsync("/api/v1/events", new StringContent("eventId=1", Encoding.UTF8, "text/plain"), Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_MalformedJson_Is400()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);

        var response = await client.PostAsync("/api/v1/events", new StringContent("{\"eventId\": ", Encoding.UTF8, "application/json"), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Is413()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var huge = new StringContent("[" + new string(' ', 5 * 1024 * 1024) + "]", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/events", huge, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task GetCase_OutsideScope_IsNotFoundLikeAMissingCase()
    {
        using var admin = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = NewCaseId();
        await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened(caseId, TableroFactory.NuevoLeonUnit.Code), Ct);
        using var jalisco = factory.CreateClient(TableroFactory.JaliscoKey);

        var response = await jalisco.GetAsync($"/api/v1/cases/{caseId}", Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task GetEvents_After_ReturnsOnlyLaterEventsInScope()
    {
        using var admin = factory.CreateClient(TableroFactory.IngestKey);
        var jal = NewCaseId();
        var nl = NewCaseId();
        var first = await ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened(jal, TableroFactory.JaliscoUnit.Code), Ct));
        var after = first.GetProperty("results")[0].GetProperty("sequence").GetInt64() - 1;
        await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened(nl, TableroFactory.NuevoLeonUnit.Code), Ct);
        using var jalisco = factory.CreateClient(TableroFactory.JaliscoKey);

        var all = await ReadJsonAsync(await admin.GetAsync($"/api/v1/events?after={after}&limit=1000", Ct));
        var scoped = await ReadJsonAsync(await jalisco.GetAsync($"/api/v1/events?after={after}&limit=1000", Ct));

        Assert.Equal([jal, nl], all.EnumerateArray().Select(e => e.GetProperty("caseId").GetString()).Where(id => id == jal || id == nl));
        Assert.DoesNotContain(scoped.EnumerateArray(), e => e.GetProperty("regionCode").GetString() != "IMSS-JAL");
        Assert.Contains(scoped.EnumerateArray(), e => e.GetProperty("caseId").GetString() == jal);
    }

    [Fact]
    public async Task GetEvents_BadLimit_Is400()
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var response = await client.GetAsync("/api/v1/events?after=0&limit=5000", Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_EventForUnknownCase_Is422()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);

        var response = await client.PostAsJsonAsync("/api/v1/events", EventJson.Of("CaseAssigned", NewCaseId(), new JsonObject { ["agentId"] = "TAO-104233" }), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("unknown", problem.GetProperty("errors").GetProperty("type")[0].GetString());
    }

    [Fact]
    public async Task Post_BatchOverAThousand_Is400AndStoresNothing()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var ids = Enumerable.Range(0, 1001).Select(_ => NewCaseId()).ToArray();
        var batch = new JsonArray(ids.Select(id => (JsonNode)EventJson.Opened(id, TableroFactory.JaliscoUnit.Code)).ToArray());

        var response = await client.PostAsJsonAsync("/api/v1/events", batch, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("1001", problem.GetProperty("errors").GetProperty("$")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{ids[0]}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Post_OccurredAtInTheFuture_Is400()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var opened = EventJson.Opened(NewCaseId(), TableroFactory.JaliscoUnit.Code);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(10).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.PostAsJsonAsync("/api/v1/events", opened, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("future", problem.GetProperty("errors").GetProperty("occurredAt")[0].GetString());
    }

    [Fact]
    public async Task Post_UnknownCategory_Is400WithTheAcceptedCodes()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var opened = EventJson.Opened(NewCaseId(), TableroFactory.JaliscoUnit.Code);
        opened["data"]!["category"] = "queja-general";

        var response = await client.PostAsJsonAsync("/api/v1/events", opened, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("mistreatment", problem.GetProperty("errors").GetProperty("data.category")[0].GetString());
    }

    [Theory]
    [InlineData("summary", "data.summary")]
    [InlineData("caseId", "caseId")]
    public async Task Post_LoneSurrogateInAString_Is400NamingThePath(string field, string path)
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var opened = EventJson.Opened(NewCaseId(), TableroFactory.JaliscoUnit.Code);
        (field == "caseId" ? opened : opened["data"]!.AsObject())[field] = "PLACEHOLDER";
        var json = opened.ToJsonString().Replace("\"PLACEHOLDER\"", "\"a\\ud800b\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/v1/events", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _), problem.ToString());
    }

    [Fact]
    public async Task Post_InvalidUtf8InAString_Is400AndStoresNothing()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = NewCaseId();
        var bytes = Encoding.UTF8.GetBytes(EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code).ToJsonString().Replace("refiere", "refi@@e", StringComparison.Ordinal));
        var at = bytes.AsSpan().IndexOf("@@"u8);
        (bytes[at], bytes[at + 1]) = ((byte)0xC0, (byte)0xAF); // an overlong encoding of '/'
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/v1/events", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Post_DuplicateKey_Is400AndStoresNothing()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = NewCaseId();
        var json = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code).ToJsonString();
        json = "{\"eventId\":\"" + Guid.NewGuid() + "\"," + json[1..];

        using var response = await client.PostAsync("/api/v1/events", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("eventId", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("caseId")]
    [InlineData("agentId")]
    public async Task Post_IdWithTrailingNewline_Is400(string field)
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var opened = EventJson.Opened(NewCaseId() + (field == "caseId" ? "\n" : ""), TableroFactory.JaliscoUnit.Code);
        if (field == "agentId")
        {
            opened["data"]!["agentId"] = "TAO-104233\n";
        }

        using var response = await client.PostAsJsonAsync("/api/v1/events", opened, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field == "caseId" ? "caseId" : "data.agentId", out _), problem.ToString());
    }

    [Fact]
    public async Task Post_PathLikeCaseId_IsStoredAsAnOpaqueId_AndReadBackByItsEscapedForm()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = $"../../{Guid.NewGuid():N}"[..30];

        using var posted = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code), Ct);
        using var read = await client.GetAsync($"/api/v1/cases/{Uri.EscapeDataString(caseId)}", Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(caseId, (await ReadJsonAsync(read)).GetProperty("caseId").GetString());
    }
}
