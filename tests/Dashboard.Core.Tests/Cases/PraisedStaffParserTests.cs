using System.Text.Json;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using static Dashboard.Core.Tests.Cases.CaseFixtures;

namespace Dashboard.Core.Tests.Cases;

/// <summary>
/// A compliment names the staff member praised: <c>{"agentId"}</c> (a técnica of the case's unit) or
/// <c>{"name", "role"}</c>; with the parser's strictness, and only on compliments.
/// </summary>
public sealed class PraisedStaffParserTests
{
    private static readonly Agent Tecnica = new("TAO-104233", "UMF-JAL-023", "MOD-UMF-JAL-023-1", "Ana Lucía Ramírez Soto");
    private static readonly Agent ElsewhereTecnica = new("TAO-900001", "HGZ-NL-002", "MOD-HGZ-NL-002-1", "Sofía Garza Treviño");

    private static Agent? FindAgent(string id) => id == Tecnica.Id ? Tecnica : id == ElsewhereTecnica.Id ? ElsewhereTecnica : null;

    private static ParsedEvents Parse(string praised, string kind = "Compliment") => CaseEventParser.Parse(JsonDocument.Parse($$$"""
        {"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","type":"CaseOpened","caseId":"FL-2026/000123","occurredAt":"2026-11-24T09:30:00-06:00",
         "data":{"unitCode":"UMF-JAL-023","kind":"{{{kind}}}","channel":"Mailbox","category":"communication","priority":"Low","complex":false,
                 "summary":"Muy amable la atención.","praisedStaff":{{{praised}}}}}
        """, CaseEventParser.DocumentOptions).RootElement, Now, FindUnit, FindAgent);

    private static PraisedStaff? Praised(ParsedEvents parsed) => Assert.IsType<CaseOpenedData>(Assert.Single(parsed.Events).Data).PraisedStaff;

    [Fact]
    public void Parse_ATecnicaOfTheUnit_IsRead()
    {
        var parsed = Parse("""{"agentId":"TAO-104233"}""");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.SelectMany(e => e.Value)));
        Assert.Equal(new PraisedStaff(AgentId: "TAO-104233"), Praised(parsed));
    }

    [Fact]
    public void Parse_ANameAndRole_IsReadTrimmed()
    {
        var parsed = Parse("""{"name":"  María José López ","role":"nursing"}""");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.SelectMany(e => e.Value)));
        Assert.Equal(new PraisedStaff(Name: "María José López", Role: "nursing"), Praised(parsed));
    }

    [Fact]
    public void Parse_NullPraisedStaff_NamesNobody()
    {
        Assert.Null(Praised(Parse("null")));
    }

    [Theory]
    [InlineData("Complaint")]
    [InlineData("Suggestion")]
    public void Parse_PraisedStaffOnAnotherKind_IsRefusedNamingTheField(string kind)
    {
        var parsed = Parse("""{"agentId":"TAO-104233"}""", kind);

        Assert.False(parsed.IsValid);
        Assert.Empty(parsed.Events);
        Assert.Contains("Compliment", Assert.Single(parsed.Errors["data.praisedStaff"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"agentId":"TAO-900001"}""", "data.praisedStaff.agentId")] // a técnica of another unit
    [InlineData("""{"agentId":"TAO-000000"}""", "data.praisedStaff.agentId")] // not in the catalogue
    [InlineData("""{"agentId":"TAO 1"}""", "data.praisedStaff.agentId")] // not a code
    [InlineData("""{"agentId":"TAO-104233","name":"Ana","role":"nursing"}""", "data.praisedStaff")] // both forms
    [InlineData("""{}""", "data.praisedStaff")] // neither
    [InlineData("""{"nombre":"Ana"}""", "data.praisedStaff")] // a field it does not have
    [InlineData("\"Ana López\"", "data.praisedStaff")] // not an object
    [InlineData("""{"name":"Ana López"}""", "data.praisedStaff.role")] // a name without a role
    [InlineData("""{"role":"nursing"}""", "data.praisedStaff.name")] // a role without a name
    [InlineData("""{"name":"Ana López","role":"surgeon"}""", "data.praisedStaff.role")] // not a role of IMSS
    [InlineData("""{"name":"   ","role":"nursing"}""", "data.praisedStaff.name")] // blank
    [InlineData("""{"name":"Ana López\n","role":"nursing"}""", "data.praisedStaff.name")] // a trailing newline
    [InlineData("""{"name":"Ana\tLópez","role":"nursing"}""", "data.praisedStaff.name")] // a tab
    [InlineData("""{"name":"Ana\u200BLópez","role":"nursing"}""", "data.praisedStaff.name")] // an invisible mark
    [InlineData("""{"name":"Ana \ud800 López","role":"nursing"}""", "data.praisedStaff.name")] // a lone surrogate
    [InlineData("""{"name":42,"role":"nursing"}""", "data.praisedStaff.name")] // not a string
    public void Parse_ABadPraisedStaff_IsRefusedAtItsPath(string praised, string path)
    {
        var parsed = Parse(praised);

        Assert.False(parsed.IsValid);
        Assert.Empty(parsed.Events);
        Assert.Contains(path, parsed.Errors.Keys);
    }

    [Fact]
    public void Parse_ANameOfMoreThan120Characters_IsRefused()
    {
        var parsed = Parse($$"""{"name":"{{new string('a', 121)}}","role":"nursing"}""");

        Assert.Contains("120", Assert.Single(parsed.Errors["data.praisedStaff.name"]), StringComparison.Ordinal);
        Assert.True(Parse($$"""{"name":"{{new string('a', 120)}}","role":"nursing"}""").IsValid);
    }

    [Fact]
    public void Parse_ADuplicateKeyInPraisedStaff_IsRefusedByTheDocumentReader()
    {
        Assert.ThrowsAny<JsonException>(() => Parse("""{"name":"Ana","name":"Eva","role":"nursing"}"""));
    }

    [Fact]
    public void Serialized_ItRoundTripsThroughTheContract()
    {
        var parsed = Parse("""{"name":"María José López","role":"nursing"}""");
        var json = CaseEventContract.ToJson(Assert.Single(parsed.Events)).ToJsonString();

        Assert.Contains("\"praisedStaff\":{\"name\":\"María José López\",\"role\":\"nursing\"}", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        Assert.DoesNotContain("nameKey", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("María José López", "maria jose lopez")]
    [InlineData("  MARÍA   JOSÉ  lópez ", "maria jose lopez")]
    [InlineData("Ñandú Peña", "nandu pena")]
    public void NameKey_GroupsSpellingsOfOneName(string name, string key) =>
        Assert.Equal(key, new PraisedStaff(Name: name, Role: "nursing").NameKey);
}
