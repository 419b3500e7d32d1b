using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Api;

/// <summary>The host with the Development demo key as appsettings.Development.json configures it (its hash, not the key).</summary>
public sealed class ReadmeFactory : TableroFactory
{
    protected override void Customize(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiKeys:Keys:4:Name"] = "demo",
            ["ApiKeys:Keys:4:KeySha256"] = ReadmeExamplesTests.DevelopmentDemoKeyHash(),
            ["ApiKeys:Keys:4:Permissions:0"] = "Ingest",
            ["ApiKeys:Keys:4:Permissions:1"] = "Read",
            ["ApiKeys:Keys:4:Scope"] = "all",
        }));
}

/// <summary>The README's examples, read from README.md itself, work as written against the demo.</summary>
public sealed partial class ReadmeExamplesTests(ReadmeFactory factory) : IClassFixture<ReadmeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Root = FindRoot();

    private static readonly string Readme = File.ReadAllText(Path.Combine(Root, "README.md"));

    [Fact]
    public async Task CurlExample_AsWritten_IsAcceptedAndItsCaseCanBeRead()
    {
        var curl = CurlExample().Match(Readme);
        Assert.True(curl.Success, "README.md has a curl example of POST /api/v1/events");
        var url = new Uri(curl.Groups["url"].Value);
        // The address is where the demo listens by default.
        var appsettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "Dashboard.Web", "appsettings.json"))).RootElement;
        Assert.Equal(appsettings.GetProperty("Urls").GetString(), url.GetLeftPart(UriPartial.Authority));

        using var client = factory.CreateClient(curl.Groups["key"].Value);
        using var content = new StringContent(curl.Groups["body"].Value, Encoding.UTF8, "application/json");
        using var posted = await client.PostAsync(url.PathAndQuery, content, Ct);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync(Ct));

        var body = JsonDocument.Parse(curl.Groups["body"].Value).RootElement;
        using var read = await client.GetAsync($"/api/v1/cases/{body.GetProperty("caseId").GetString()}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var stored = JsonDocument.Parse(await read.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(body.GetProperty("data").GetProperty("unitCode").GetString(), stored.GetProperty("unitCode").GetString());
    }

    [Fact]
    public void ScopesAndCodes_InTheReadme_AreInTheDemoCatalogue()
    {
        var units = TableroFactory.Catalogue.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var regions = TableroFactory.Catalogue.Regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var named = ScopeOrPage().Matches(Readme).Select(m => (m.Groups["kind"].Value, m.Groups["code"].Value)).Where(m => m.Item2 != "CODE").Distinct().ToArray();

        Assert.Contains(named, n => n.Item1 is "unit" or "unidades");
        Assert.All(named, n => Assert.True(n.Item1 is "unit" or "unidades" ? units.Contains(n.Item2) : regions.Contains(n.Item2), $"{n.Item1}:{n.Item2} is not in the demo catalogue"));
        Assert.All(UnitCodes().Matches(Readme).Select(m => m.Value).Distinct(), code => Assert.Contains(code, units));
    }

    /// <summary>The demo key's hash as appsettings.Development.json configures it.</summary>
    public static string DevelopmentDemoKeyHash()
    {
        var development = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "Dashboard.Web", "appsettings.Development.json"))).RootElement;
        var key = development.GetProperty("Demo").GetProperty("ApiKey").GetString()!;
        var entry = development.GetProperty("ApiKeys").GetProperty("Keys").EnumerateArray().Single(k => k.GetProperty("Name").GetString() == "demo");
        Assert.Equal(ApiKeyEntry.HashOf(key), entry.GetProperty("KeySha256").GetString(), ignoreCase: true);
        return entry.GetProperty("KeySha256").GetString()!;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dashboard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"curl -s (?<url>http\S+/api/v1/events) -H 'X-Api-Key: (?<key>[^']+)' -H 'Content-Type: application/json' -d '(?<body>[^']+)'")]
    private static partial Regex CurlExample();

    [GeneratedRegex(@"(?<kind>unit|region|unidades|regiones)[:/](?<code>[A-Z][A-Z0-9-]*[A-Z0-9])")]
    private static partial Regex ScopeOrPage();

    [GeneratedRegex(@"\b(?:UMF|HGZ|HGR|UMAE)-[A-Z]+-\d+\b")]
    private static partial Regex UnitCodes();
}
