using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Surveys;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// <c>/api/v1/surveys/results</c>: results stored all or nothing (JSON or the import CSV) by an administrator, a round's
/// coverage and results read within the key's scope, and bad input answered as a problem naming what is wrong. Each
/// test uses a round of its own, far in the future, so the shared database's other results never count.
/// </summary>
public sealed class SurveysApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Unit[] JaliscoHospitals =
        [.. TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && SurveyRules.IsHospital(u.Type)).OrderBy(u => u.Code, StringComparer.Ordinal)];

    private static readonly Unit NuevoLeonHospital = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-NL" && SurveyRules.IsHospital(u.Type));

    private static object Result(int year, int bimester, Unit unit, int respondents = 120, int satisfied = 96, int tratoDigno = 100) =>
        new { year, bimester, unitCode = unit.Code, respondents, satisfied, tratoDigno };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Read_OneJaliscoHospitalMissing_CoverageNamesItAndTheJaliscoKeySeesOnlyJalisco()
    {
        Assert.True(JaliscoHospitals.Length >= 2);
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        var results = JaliscoHospitals.Skip(1).Select(u => Result(2031, 3, u)).Append(Result(2031, 3, NuevoLeonHospital, 20, 15, 18)).ToArray();
        Assert.Equal(results.Length, (await JsonAsync(await admin.PostAsJsonAsync("/api/v1/surveys/results", results, Ct))).GetProperty("stored").GetInt32());

        using var jalisco = factory.CreateClient(TableroFactory.JaliscoKey);
        var round = await JsonAsync(await jalisco.GetAsync("/api/v1/surveys/results?year=2031&bimester=3", Ct));

        Assert.Equal(JaliscoHospitals.Length, round.GetProperty("hospitals").GetInt32());
        Assert.Equal(JaliscoHospitals.Length - 1, round.GetProperty("reported").GetInt32());
        Assert.Equal([JaliscoHospitals[0].Code], round.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("unitCode").GetString()));
        Assert.All(round.GetProperty("results").EnumerateArray(), r => Assert.Equal("IMSS-JAL", r.GetProperty("regionCode").GetString()));
        var satisfaction = round.GetProperty("results")[0].GetProperty("satisfaction");
        Assert.Equal(0.8, satisfaction.GetProperty("value").GetDouble(), 0.0001);
        Assert.Equal(Proportion.Wilson(96, 120).Lower, satisfaction.GetProperty("lower").GetDouble(), 0.0001);
        Assert.False(satisfaction.GetProperty("smallSample").GetBoolean());

        // The key of all reads Nuevo León's hospital too, and its 20 answers are a small sample.
        using var reader = factory.CreateClient(TableroFactory.ReadKey);
        var nuevoLeon = await JsonAsync(await reader.GetAsync($"/api/v1/surveys/results?year=2031&bimester=3&unit={NuevoLeonHospital.Code}", Ct));
        Assert.True(nuevoLeon.GetProperty("results")[0].GetProperty("satisfaction").GetProperty("smallSample").GetBoolean());
        Assert.Equal(0, (await JsonAsync(await jalisco.GetAsync($"/api/v1/surveys/results?year=2031&bimester=3&unit={NuevoLeonHospital.Code}", Ct))).GetProperty("hospitals").GetInt32());
    }

    [Fact]
    public async Task Import_ExcelWorkbook_IsCheckedLikeTheCsv_ABadRowNamedByItsSheetRow_ThenStored()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        static ByteArrayContent Workbook(params object[] rows)
        {
            var file = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(file, rows);
            var content = new ByteArrayContent(file.ToArray());
            content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return content;
        }

        // Numbers typed as numbers, as a spreadsheet keeps them; the third row's satisfied exceeds its respondents.
        using var bad = Workbook(
            new { year = 2031, bimester = 5, unitCode = JaliscoHospitals[0].Code, respondents = 120, satisfied = 90, tratoDigno = 100 },
            new { year = 2031, bimester = 5, unitCode = JaliscoHospitals[1].Code, respondents = 50, satisfied = 51, tratoDigno = 40 });
        var response = await admin.PostAsync("/api/v1/surveys/results", bad, Ct);

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["row 3: satisfied"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, (await JsonAsync(await admin.GetAsync("/api/v1/surveys/results?year=2031&bimester=5&region=IMSS-JAL", Ct))).GetProperty("reported").GetInt32());

        using var good = Workbook(
            new { year = 2031, bimester = 5, unitCode = JaliscoHospitals[0].Code, respondents = 120, satisfied = 90, tratoDigno = 100 },
            new { year = 2031, bimester = 5, unitCode = JaliscoHospitals[1].Code, respondents = 50, satisfied = 41, tratoDigno = 40 });
        Assert.Equal(2, (await JsonAsync(await admin.PostAsync("/api/v1/surveys/results", good, Ct))).GetProperty("stored").GetInt32());
        var round = await JsonAsync(await admin.GetAsync($"/api/v1/surveys/results?year=2031&bimester=5&unit={JaliscoHospitals[0].Code}", Ct));
        Assert.Equal(0.75, round.GetProperty("results")[0].GetProperty("satisfaction").GetProperty("value").GetDouble(), 0.0001);

        using var notAWorkbook = new ByteArrayContent("year,bimester\n"u8.ToArray());
        notAWorkbook.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(["body"], (await JsonAsync(await admin.PostAsync("/api/v1/surveys/results", notAWorkbook, Ct), HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Import_CsvWithOneBadRow_StoresNothingAndNamesTheRowAndColumn()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        var csv = "year,bimester,unitCode,respondents,satisfied,tratoDigno\n"
            + $"2031,4,{JaliscoHospitals[0].Code},120,90,100\n"
            + $"2031,4,{JaliscoHospitals[1].Code},50,51,40\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        var response = await admin.PostAsync("/api/v1/surveys/results", content, Ct);

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["line 3: satisfied"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var round = await JsonAsync(await admin.GetAsync("/api/v1/surveys/results?year=2031&bimester=4&region=IMSS-JAL", Ct));
        Assert.Equal(0, round.GetProperty("reported").GetInt32());

        using var good = new StringContent(csv.Replace(",50,51,40", ",50,41,40", StringComparison.Ordinal), Encoding.UTF8, "text/csv");
        Assert.Equal(2, (await JsonAsync(await admin.PostAsync("/api/v1/surveys/results", good, Ct))).GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task Import_JsonWithBadEntries_400NamingEachAndNothingStored()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        object[] body = [Result(2033, 1, JaliscoHospitals[0]), new { year = 2031, bimester = 7, unitCode = "NO-SUCH", respondents = "ten", satisfied = 1, tratoDigno = 1 }];

        var problem = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/surveys/results", body, Ct), HttpStatusCode.BadRequest);

        Assert.Equal(["[1].respondents"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        body[1] = new { year = 2031, bimester = 7, unitCode = "NO-SUCH", respondents = 10, satisfied = 1, tratoDigno = 1 };
        problem = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/surveys/results", body, Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["[1].bimester", "[1].unitCode"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await JsonAsync(await admin.GetAsync("/api/v1/surveys/results?year=2033&bimester=1", Ct))).GetProperty("reported").GetInt32());
    }

    [Fact]
    public async Task Import_AnswersPerQuestion_ReadBackPerHospitalAndPooledOverTheScopeWithTheirIntervals()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        object[] body =
        [
            new { year = 2032, bimester = 1, unitCode = JaliscoHospitals[0].Code, respondents = 120, satisfied = 90, tratoDigno = 100,
                answers = new object[] { new { question = "P1", answer = "5", count = 60 }, new { question = "P1", answer = "4", count = 40 }, new { question = "P1", answer = "1", count = 20 } } },
            new { year = 2032, bimester = 1, unitCode = JaliscoHospitals[1].Code, respondents = 20, satisfied = 15, tratoDigno = 18,
                answers = new object[] { new { question = "P1", answer = "5", count = 20 }, new { question = "P2", answer = "3", count = 12 } } },
        ];
        Assert.Equal(2, (await JsonAsync(await admin.PostAsJsonAsync("/api/v1/surveys/results", body, Ct))).GetProperty("stored").GetInt32());

        var round = await JsonAsync(await admin.GetAsync("/api/v1/surveys/results?year=2032&bimester=1&region=IMSS-JAL", Ct));

        var first = round.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == JaliscoHospitals[0].Code);
        Assert.Equal([("P1", "5", 60), ("P1", "4", 40), ("P1", "1", 20)], first.GetProperty("answers").EnumerateArray()
            .Select(a => (a.GetProperty("question").GetString(), a.GetProperty("answer").GetString(), a.GetProperty("count").GetInt32())).OrderByDescending(a => a.Item3));
        var questions = round.GetProperty("questions").EnumerateArray().ToArray();
        Assert.Equal(["P1", "P2"], questions.Select(q => q.GetProperty("question").GetString()));
        Assert.All(questions, q => Assert.Equal(Institution.Imss.Code, q.GetProperty("institution").GetString()));
        // P1 pooled: 140 answered, 80 of them "5" (Muy satisfecho), in the scale's order 5…1.
        Assert.Equal(140, questions[0].GetProperty("answered").GetInt32());
        var shares = questions[0].GetProperty("answers").EnumerateArray().ToArray();
        Assert.Equal(["5", "4", "3", "2", "1"], shares.Select(a => a.GetProperty("answer").GetString()));
        Assert.Equal("Muy satisfecho", shares[0].GetProperty("label").GetString());
        Assert.Equal(80, shares[0].GetProperty("share").GetProperty("count").GetInt32());
        Assert.Equal(Proportion.Wilson(80, 140).Lower, shares[0].GetProperty("share").GetProperty("lower").GetDouble(), 0.0001);
        // P2: only the 12 answers of the small hospital, a small sample.
        Assert.True(questions[1].GetProperty("answers")[2].GetProperty("share").GetProperty("smallSample").GetBoolean());
    }

    [Fact]
    public async Task Import_AnswersOffTheScaleOrAboveTheRespondents_400NamingEachAndNothingStored()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        object[] body =
        [
            new { year = 2032, bimester = 2, unitCode = JaliscoHospitals[0].Code, respondents = 50, satisfied = 40, tratoDigno = 45,
                answers = new object[] { new { question = "P1", answer = "5", count = 40 }, new { question = "P1", answer = "4", count = 20 }, new { question = "P1", answer = "MB", count = 1 } } },
            new { year = 2032, bimester = 2, unitCode = JaliscoHospitals[1].Code, respondents = 50, satisfied = 40, tratoDigno = 45,
                answers = new object[] { new { question = "P1", answer = "5", count = "many" }, new { question = "P1", answer = "4", points = 2 } } },
        ];

        var problem = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/surveys/results", body, Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["[1].answers[0].count", "[1].answers[1].count", "[1].answers[1].points"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        body[1] = Result(2032, 2, JaliscoHospitals[1]);
        problem = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/surveys/results", body, Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["[0].Q:P1", "[0].Q:P1:MB"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await JsonAsync(await admin.GetAsync("/api/v1/surveys/results?year=2032&bimester=2", Ct))).GetProperty("reported").GetInt32());
    }

    [Fact]
    public async Task Import_CsvWithAnswerColumns_StoredWithTheirResults()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var content = new StringContent("year,bimester,unitCode,respondents,satisfied,tratoDigno,Q:P4:5,Q:P4:2\n"
            + $"2032,3,{JaliscoHospitals[0].Code},100,80,90,35,45\n", Encoding.UTF8, "text/csv");

        Assert.Equal(1, (await JsonAsync(await admin.PostAsync("/api/v1/surveys/results", content, Ct))).GetProperty("stored").GetInt32());

        var question = Assert.Single((await JsonAsync(await admin.GetAsync($"/api/v1/surveys/results?year=2032&bimester=3&unit={JaliscoHospitals[0].Code}", Ct)))
            .GetProperty("questions").EnumerateArray());
        Assert.Equal(("P4", 80), (question.GetProperty("question").GetString(), question.GetProperty("answered").GetInt32()));
        Assert.Equal(0.5625, question.GetProperty("answers")[3].GetProperty("share").GetProperty("value").GetDouble(), 0.0001);
    }

    [Theory]
    [InlineData("year=2031", "bimester")]
    [InlineData("year=2031&bimester=7", "bimester")]
    [InlineData("year=abc&bimester=1", "year")]
    public async Task Read_BadQuery_400NamingTheParameter(string query, string parameter)
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);

        var problem = await JsonAsync(await reader.GetAsync($"/api/v1/surveys/results?{query}", Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Import_NotAnAdministrator_Forbidden()
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);

        var response = await reader.PostAsJsonAsync("/api/v1/surveys/results", new[] { Result(2031, 6, JaliscoHospitals[0]) }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("[{\"year\":")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[1, \"x\"]")]
    [InlineData("[{\"year\": 1e40, \"bimester\": 1.5, \"unitCode\": null, \"respondents\": -1, \"satisfied\": true, \"tratoDigno\": \"9\"}]")]
    [InlineData("[{\"year\": 2031, \"bimester\": 1, \"unitCode\": \"\\u0000\", \"respondents\": 2147483647, \"satisfied\": 0, \"tratoDigno\": 0, \"extra\": {}}]")]
    public async Task Import_HostileJson_400NeverA500(string body)
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/v1/surveys/results", content, Ct);

        await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_DeeplyNestedJson_400()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var content = new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json");

        await JsonAsync(await admin.PostAsync("/api/v1/surveys/results", content, Ct), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("year;bimester;unitCode;respondents;satisfied;tratoDigno\n2031;1;X;1;1;1\n")]
    [InlineData("year,bimester,unitCode,respondents,satisfied,tratoDigno\n")]
    [InlineData("year,bimester,unitCode,respondents,satisfied,tratoDigno\n\"2031,1,X,1,1,1\n")]
    [InlineData("year,bimester,unitCode,respondents,satisfied,tratoDigno\n2031,1,X,1,1,1,9,9\n99999999999,-1,,1e3,x,\n")]
    public async Task Import_HostileCsv_400(string body)
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var content = new StringContent(body, Encoding.UTF8, "text/csv");

        await JsonAsync(await admin.PostAsync("/api/v1/surveys/results", content, Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Import_PlainText_415()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var content = new StringContent("hola", Encoding.UTF8, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync("/api/v1/surveys/results", content, Ct)).StatusCode);
    }
}
