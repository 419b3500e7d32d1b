using System.Net;
using System.Text.Json;
using Dashboard.Core.Cases;
using Microsoft.OpenApi;

namespace Dashboard.Web.Tests.Api;

/// <summary>A source system must be able to integrate from <c>/openapi/v1.json</c> alone.</summary>
public sealed class OpenApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ReadDocumentAsync()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Document_ParsesAsOpenApiWithEveryPath()
    {
        var text = await ReadDocumentAsync();

        var read = OpenApiDocument.Parse(text, "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.Superset(
            new HashSet<string> { "/api/v1/events", "/api/v1/cases/{caseId}", "/api/v1/cases", "/api/v1/units", "/api/v1/summary" },
            read.Document.Paths.Keys.ToHashSet());
    }

    [Fact]
    public async Task Document_ListsTheCaseListsStaffRoleFilterWithItsCodes()
    {
        var document = JsonDocument.Parse(await ReadDocumentAsync()).RootElement;

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("get").GetProperty("parameters").EnumerateArray();
        var staffRole = parameters.Single(p => p.GetProperty("name").GetString() == "staffRole");

        Assert.Equal("query", staffRole.GetProperty("in").GetString());
        var codes = staffRole.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains("medical-assistant", codes);
        Assert.Contains("pharmacy", codes);
    }

    [Fact]
    public async Task Document_EveryApiOperationNeedsTheApiKeyHeader()
    {
        var document = JsonDocument.Parse(await ReadDocumentAsync()).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject()).ToArray();
        Assert.True(operations.Length >= 6);
        Assert.All(operations, o =>
        {
            Assert.True(o.Value.GetProperty("security")[0].TryGetProperty("ApiKey", out _), $"{o.Name} {o.Value.GetProperty("operationId")}");
            Assert.True(o.Value.GetProperty("responses").TryGetProperty("401", out _));
        });
    }

    [Fact]
    public async Task Document_DescribesTheIngestionBodyAndEveryAnswer()
    {
        var document = JsonDocument.Parse(await ReadDocumentAsync()).RootElement;

        var ingest = document.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post");
        Assert.Equal("IngestEvents", ingest.GetProperty("operationId").GetString());
        var body = ingest.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var oneOrMany = body.GetProperty("oneOf");
        Assert.Equal("#/components/schemas/CaseEvent", oneOrMany[0].GetProperty("$ref").GetString());
        Assert.Equal(1000, oneOrMany[1].GetProperty("maxItems").GetInt32());
        var responses = ingest.GetProperty("responses");
        Assert.Equal("#/components/schemas/IngestResponse",
            responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        foreach (var status in new[] { "400", "401", "403", "409", "413", "415", "422" })
        {
            Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(Enum.GetNames<CaseEventType>(), schemas.GetProperty("CaseEventType").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        // Sources may send every type but the sweep's own (SlaWarning, SlaBreached), which the catch-up feed still shows.
        Assert.Equal(Enum.GetValues<CaseEventType>().Count(t => !t.IsSystemOnly()), schemas.GetProperty("CaseEvent").GetProperty("oneOf").GetArrayLength());
        var opened = schemas.GetProperty("CaseOpenedEvent").GetProperty("properties");
        Assert.Equal("^[A-Za-z0-9\\-_/.]{1,64}$", opened.GetProperty("caseId").GetProperty("pattern").GetString());
        Assert.Equal("uuid", opened.GetProperty("eventId").GetProperty("format").GetString());
        Assert.Equal("date-time", opened.GetProperty("occurredAt").GetProperty("format").GetString());
        var openedData = schemas.GetProperty("CaseOpenedData");
        Assert.Contains("unitCode", openedData.GetProperty("required").EnumerateArray().Select(v => v.GetString()));
        Assert.True(openedData.GetProperty("properties").TryGetProperty("insuredId", out _));
    }
}
