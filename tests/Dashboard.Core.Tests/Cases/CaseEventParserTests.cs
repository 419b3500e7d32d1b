using System.Text.Json;
using Dashboard.Core.Cases;
using static Dashboard.Core.Tests.Cases.CaseFixtures;

namespace Dashboard.Core.Tests.Cases;

public sealed class CaseEventParserTests
{
    private static ParsedEvents Parse(string json) => CaseEventParser.Parse(JsonDocument.Parse(json).RootElement, Now, FindUnit);

    private const string ValidOpened = """
        {"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","type":"CaseOpened","caseId":"QJ-2026/000123","occurredAt":"2026-11-24T09:30:00-06:00",
         "data":{"unitCode":"UMF-JAL-023","kind":"Complaint","channel":"Module","category":"mistreatment","priority":"High","complex":true,
                 "summary":"Trato descortés en ventanilla.","insuredId":"12345678901","moduleCode":"MOD-UMF-JAL-023-1"}}
        """;

    [Fact]
    public void Parse_ValidCaseOpened_ReadsEveryField()
    {
        var parsed = Parse(ValidOpened);

        Assert.True(parsed.IsValid);
        var e = Assert.Single(parsed.Events);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), e.EventId);
        Assert.Equal("QJ-2026/000123", e.CaseId);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero), e.OccurredAt.ToUniversalTime());
        var data = Assert.IsType<CaseOpenedData>(e.Data);
        Assert.Equal("UMF-JAL-023", data.UnitCode);
        Assert.Equal(CaseKind.Complaint, data.Kind);
        Assert.True(data.Complex);
        Assert.Equal("12345678901", data.InsuredId);
    }

    [Fact]
    public void Parse_BatchWithProblems_ReportsEachByPath()
    {
        var parsed = Parse($$$"""
            [{{{ValidOpened}}},
             {"eventId":"not-a-uuid","type":"CaseOpened","caseId":"QJ 1","occurredAt":"2026-11-24 09:30",
              "data":{"unitCode":"UMF-XXX-999","kind":"Queja","channel":"Module","category":"x","priority":"High","complex":"yes","summary":"s"}}]
            """);

        Assert.False(parsed.IsValid);
        Assert.Empty(parsed.Events);
        Assert.Contains("[1].eventId", parsed.Errors.Keys);
        Assert.Contains("[1].caseId", parsed.Errors.Keys);
        Assert.Contains("[1].occurredAt", parsed.Errors.Keys);
        Assert.Contains("[1].data.unitCode", parsed.Errors.Keys);
        Assert.Contains("[1].data.kind", parsed.Errors.Keys);
        Assert.Contains("[1].data.complex", parsed.Errors.Keys);
        Assert.DoesNotContain(parsed.Errors.Keys, k => k.StartsWith("[0]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1234567890", "NSS of 11 digits")]
    [InlineData("1234567890A", "NSS of 11 digits")]
    public void Parse_ImssInsuredIdNotAnNss_IsInvalid(string insuredId, string expected)
    {
        var parsed = Parse(ValidOpened.Replace("12345678901", insuredId, StringComparison.Ordinal));

        Assert.Contains(expected, Assert.Single(parsed.Errors["data.insuredId"]));
    }

    [Fact]
    public void Parse_EsSaludUnitTakesADni()
    {
        var json = ValidOpened.Replace("UMF-JAL-023", "HN-REB-001", StringComparison.Ordinal).Replace("12345678901", "45678912", StringComparison.Ordinal);

        Assert.True(Parse(json).IsValid);
    }

    [Fact]
    public void Parse_OccurredAtMoreThanFiveMinutesAhead_IsInvalid()
    {
        var parsed = Parse(ValidOpened.Replace("2026-11-24T09:30:00-06:00", "2026-11-24T09:36:00-06:00", StringComparison.Ordinal));

        Assert.Contains("future", Assert.Single(parsed.Errors["occurredAt"]));
    }

    [Fact]
    public void Parse_SameEventIdTwiceInBatch_IsInvalid()
    {
        var parsed = Parse($"[{ValidOpened},{ValidOpened}]");

        Assert.Contains("more than once", Assert.Single(parsed.Errors["[1].eventId"]));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    public void Parse_BodyNotEventsOrEmptyBatch_IsInvalid(string json)
    {
        Assert.True(Parse(json).Errors.ContainsKey("$"));
    }

    [Fact]
    public void Parse_SummaryOverLimit_IsInvalid()
    {
        var parsed = Parse(ValidOpened.Replace("Trato descortés en ventanilla.", new string('a', 2001), StringComparison.Ordinal));

        Assert.Contains("at most 2000", Assert.Single(parsed.Errors["data.summary"]));
    }

    [Fact]
    public void ContentHash_SameContentDifferentFormatting_IsEqual()
    {
        var a = Assert.Single(Parse(ValidOpened).Events);
        var b = Assert.Single(Parse(ValidOpened.Replace("-06:00", "-06:00", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).Events);
        var utc = Assert.Single(Parse(ValidOpened.Replace("2026-11-24T09:30:00-06:00", "2026-11-24T15:30:00Z", StringComparison.Ordinal)).Events);
        var changed = Assert.Single(Parse(ValidOpened.Replace("High", "Low", StringComparison.Ordinal)).Events);

        Assert.Equal(CaseEventJson.ContentHash(a), CaseEventJson.ContentHash(b));
        Assert.Equal(CaseEventJson.ContentHash(a), CaseEventJson.ContentHash(utc));
        Assert.NotEqual(CaseEventJson.ContentHash(a), CaseEventJson.ContentHash(changed));
    }
}
