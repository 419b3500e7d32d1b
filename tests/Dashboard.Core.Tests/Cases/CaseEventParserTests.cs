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
                 "summary":"Trato descortés en ventanilla.","insuredId":"12345678903","moduleCode":"MOD-UMF-JAL-023-1"}}
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
        Assert.Equal("12345678903", data.InsuredId);
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
        var parsed = Parse(ValidOpened.Replace("12345678903", insuredId, StringComparison.Ordinal));

        Assert.Contains(expected, Assert.Single(parsed.Errors["data.insuredId"]));
    }

    [Fact]
    public void Parse_EsSaludUnitTakesADni()
    {
        var json = ValidOpened.Replace("UMF-JAL-023", "HN-REB-001", StringComparison.Ordinal).Replace("12345678903", "45678912", StringComparison.Ordinal);

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

    [Theory]
    [InlineData("caseId", "QJ-2026/000123", "QJ-2026/000123\n")]
    [InlineData("data.unitCode", "UMF-JAL-023", "UMF-JAL-023\n")]
    [InlineData("data.category", "mistreatment", "mistreatment\r\n")]
    [InlineData("data.moduleCode", "MOD-UMF-JAL-023-1", "MOD-UMF-JAL-023-1\n")]
    public void Parse_CodeWithTrailingNewline_IsInvalid(string path, string code, string withNewline)
    {
        var parsed = Parse(ValidOpened.Replace($"\"{code}\"", JsonSerializer.Serialize(withNewline), StringComparison.Ordinal));

        Assert.Contains(path, parsed.Errors.Keys);
        Assert.Empty(parsed.Events);
    }

    [Theory]
    [InlineData("2026-11-24T09:30-06:00")]
    [InlineData("2026-11-24T09:30:00 -06:00")]
    [InlineData("2026-11-24T 09:30:00Z")]
    [InlineData("2026-11-24 09:30:00Z")]
    [InlineData("2026-11-24T09:30:00")]
    [InlineData("2026-11-24T09:30:00\u00A0Z")]
    [InlineData("\u30002026-11-24T09:30:00Z")]
    [InlineData("2026-11-24T09:30:00Z\u2028")]
    [InlineData("2026-11-24T09:30:00Z\n")]
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("2026-11-24T24:00:00Z")]
    [InlineData("2026-11-24T09:30:60Z")]
    [InlineData("2026-11-24T09:30:00+15:00")]
    [InlineData("0000-11-24T09:30:00Z")]
    [InlineData("２０２６-11-24T09:30:00Z")]
    [InlineData("2026-11-24T09:30:00.Z")]
    public void Parse_OccurredAtNotStrictRfc3339_IsInvalid(string occurredAt)
    {
        var parsed = Parse(ValidOpened.Replace("\"2026-11-24T09:30:00-06:00\"", JsonSerializer.Serialize(occurredAt), StringComparison.Ordinal));

        Assert.Contains("RFC 3339", Assert.Single(parsed.Errors["occurredAt"]));
    }

    [Theory]
    [InlineData("2026-11-24t15:30:00z", "2026-11-24T15:30:00.0000000+00:00")]
    [InlineData("2026-11-24T09:30:00.123456789-06:00", "2026-11-24T15:30:00.1234567+00:00")]
    [InlineData("2026-11-24T09:30:00.5-06:00", "2026-11-24T15:30:00.5000000+00:00")]
    [InlineData("2026-11-24T15:30:00-00:00", "2026-11-24T15:30:00.0000000+00:00")]
    public void Parse_OccurredAtStrictRfc3339_IsRead(string occurredAt, string expectedUtc)
    {
        var parsed = Parse(ValidOpened.Replace("\"2026-11-24T09:30:00-06:00\"", JsonSerializer.Serialize(occurredAt), StringComparison.Ordinal));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.SelectMany(e => e.Value)));
        Assert.Equal(expectedUtc, Assert.Single(parsed.Events).OccurredAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("type")]
    [InlineData("caseId")]
    [InlineData("data.summary")]
    [InlineData("data.kind")]
    public void Parse_LoneSurrogateInAString_IsInvalidAtItsPath(string path)
    {
        var field = path.Split('.')[^1];
        var json = System.Text.RegularExpressions.Regex.Replace(ValidOpened, $"\"{field}\":\"[^\"]*\"", $"\"{field}\":\"a\\ud800b\"");

        var parsed = Parse(json);

        Assert.Contains("not valid Unicode", Assert.Single(parsed.Errors[path]));
    }

    [Fact]
    public void Parse_InvalidUtf8InAString_IsInvalidAtItsPath()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(ValidOpened.Replace("Trato descortés", "Trato @@", StringComparison.Ordinal));
        var at = bytes.AsSpan().IndexOf("@@"u8);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // a lead byte followed by an ASCII character: not UTF-8

        var parsed = CaseEventParser.Parse(JsonDocument.Parse(bytes).RootElement, Now, FindUnit);

        Assert.Contains("not valid Unicode", Assert.Single(parsed.Errors["data.summary"]));
    }

    [Fact]
    public void DocumentOptions_DuplicateKey_IsRefused()
    {
        var doubled = ValidOpened.Replace("{\"eventId\":", "{\"eventId\":\"11111111-1111-1111-1111-111111111111\",\"eventId\":", StringComparison.Ordinal);

        Assert.True(Parse(doubled).IsValid); // the default options let the last one win: that is why the API reads with DocumentOptions
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(doubled, CaseEventParser.DocumentOptions));
    }
}
