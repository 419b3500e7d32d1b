using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// The ingestion contract has one owner: what the parser reads and what the OpenAPI document says are the same
/// fields, with the same required ones, for every event type a source may send. The parser is probed from outside:
/// a field it reads answers a wrong value with an error at its path; a required one answers its absence.
/// </summary>
public sealed class EventContractTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static readonly CatalogueIndex Catalogue = new(TableroFactory.Catalogue);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    public static TheoryData<CaseEventType> SourceTypes => new(CaseEventContract.SourceTypes);

    [Theory]
    [MemberData(nameof(SourceTypes))]
    public async Task Parser_ReadsExactlyTheFieldsTheOpenApiDocumentDescribes(CaseEventType type)
    {
        var (properties, required) = await DocumentedAsync(type);
        // Every payload field of any type, and the documented ones: a parser reading a field of another type (or one
        // the document forgot) is caught as surely as a documented field it ignores.
        var candidates = CaseEventContract.SourceTypes.SelectMany(t => CaseEventContract.FieldsOf(t).Select(f => f.Name)).Concat(properties)
            .Append("comment").Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(Parse(Full(type)).IsValid, "the full example must be valid");

        var read = candidates.Where(name =>
        {
            var e = Full(type);
            ((JsonObject)e[CaseEventContract.Data]!)[name] = new JsonObject { ["not"] = "a value" };
            return Parse(e).Errors.ContainsKey($"{CaseEventContract.Data}.{name}");
        }).ToHashSet(StringComparer.Ordinal);
        var mustBeSent = properties.Where(name =>
        {
            var e = Full(type);
            ((JsonObject)e[CaseEventContract.Data]!).Remove(name);
            return !Parse(e).IsValid;
        }).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(properties.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
        Assert.Equal(required.Order(StringComparer.Ordinal), mustBeSent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Simulator_WritesEventsThroughTheContract_ThatTheParserReadsBack()
    {
        var simulator = new Simulator.CaseSimulator(TableroFactory.Catalogue, new Simulator.SimulatorOptions { CasesPerMinute = 600, TimeScale = 600, Seed = 3 }, Now);
        var events = Enumerable.Range(0, 120).SelectMany(i => simulator.Tick(Now.AddSeconds(i))).ToArray();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(Parse(e).IsValid, e.ToJsonString()));
        Assert.True(events.Select(e => e[CaseEventContract.Type]!.GetValue<string>()).Distinct().Count() >= 3);
    }

    private async Task<(string[] Properties, string[] Required)> DocumentedAsync(CaseEventType type)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement
            .GetProperty("components").GetProperty("schemas").GetProperty($"{type}Data");
        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToArray() : [];
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        return (properties, required);
    }

    private static ParsedEvents Parse(JsonObject e) => CaseEventParser.Parse(JsonSerializer.SerializeToElement(e), Now, Catalogue.FindUnit);

    /// <summary>An event of the type with every payload field given a valid value (a Jalisco UMF's case).</summary>
    private static JsonObject Full(CaseEventType type)
    {
        var unit = TableroFactory.JaliscoUnit;
        var classification = ClassificationCatalogue.For(unit.Institution);
        var data = new JsonObject();
        foreach (var field in CaseEventContract.FieldsOf(type))
        {
            data[field.Name] = field switch
            {
                // A compliment: the one kind that may name the staff member praised.
                { Name: "kind" } when type == CaseEventType.CaseOpened => nameof(CaseKind.Compliment),
                { Name: "praisedStaff" } => new JsonObject { ["name"] = "María José López", ["role"] = classification.StaffRoles[0].Code },
                { ValueType.IsEnum: true } => Enum.GetNames(field.ValueType)[0],
                _ when field.ValueType == typeof(bool) => true,
                _ when field.Rule<WholeNumberAttribute>() is { } range => range.Minimum,
                { Name: "unitCode" } => unit.Code,
                { Name: "category" } => classification.Categories[0].Code,
                { Name: "staffRole" } => classification.StaffRoles[0].Code,
                _ when field.Rule<InsuredIdAttribute>() is not null => "12345678903",
                _ when field.Rule<CodeAttribute>() is not null => "TAO-104233",
                _ => "Texto de prueba.",
            };
        }

        return new JsonObject
        {
            [CaseEventContract.EventId] = Guid.NewGuid().ToString(),
            [CaseEventContract.Type] = type.ToString(),
            [CaseEventContract.CaseId] = "QJ-2026/000777",
            [CaseEventContract.OccurredAt] = "2026-11-24T09:55:00-06:00",
            [CaseEventContract.Data] = data,
        };
    }
}
