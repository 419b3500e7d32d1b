using System.Text.Json;
using Dashboard.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Security;

public sealed class ApiKeyTests
{
    [Fact]
    public void HashOf_MatchesSha256sum()
    {
        // printf %s demo-key-tablero-2026 | sha256sum
        Assert.Equal("626c7fca3502d07a065609226bf0375c6634216a9c83e7be1daf1e8d4d7cbeb6", ApiKeyEntry.HashOf("demo-key-tablero-2026"));
    }

    [Fact]
    public void DevelopmentSettings_HoldOnlyTheHashOfThePrintedDemoKey()
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"))).RootElement;

        var demoKey = settings.GetProperty("Demo").GetProperty("ApiKey").GetString()!;
        var entry = settings.GetProperty("ApiKeys").GetProperty("Keys")[0];

        Assert.Equal(ApiKeyEntry.HashOf(demoKey), entry.GetProperty("KeySha256").GetString());
        Assert.False(entry.TryGetProperty("Key", out _));
    }

    [Fact]
    public async Task ConfiguredKey_WithAPermissionOnlyPeopleHave_StopsTheStart()
    {
        await using var factory = new TableroFactory();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiKeys:Keys:4:Name"] = "kiosco",
            ["ApiKeys:Keys:4:KeySha256"] = ApiKeyEntry.HashOf("kiosco-key-0000000001"),
            ["ApiKeys:Keys:4:Permissions:0"] = "ActOnCase",
            ["ApiKeys:Keys:4:Scope"] = "all",
        })));

        var refused = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Ingest, Read, Export, Admin", refused.ToString());
    }
}
