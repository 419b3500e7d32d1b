using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Data.Tests;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The probes a load balancer and an orchestrator call: live while the process answers; ready only while the instance
/// can store what it is sent — and back by itself when the trouble passes.
/// </summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ProbeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    [Fact]
    public async Task Probes_OnAHealthyHost_AreLiveAndReadyWithoutCredentials()
    {
        await using var factory = new TableroFactory();
        using var client = factory.CreateClient();

        var live = await ProbeAsync(client, "/health/live");
        var ready = await ProbeAsync(client, "/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Body.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Body.GetProperty("status").GetString()));
        Assert.Equal("Healthy", ready.Body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.Body.GetProperty("checks").GetProperty("writer").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_OnAFullDisk_IsFalse_AndTrueAgainOnceThereIsRoom()
    {
        using var disk = Tmpfs.Mount(6144);
        await using var factory = new FaultyDiskFactory(Path.Combine(disk.Path, "data"), new Dictionary<string, string?> { ["Health:MinimumFreeDiskMegabytes"] = "1" });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(client, "/health/ready")).Status);

        var filler = disk.Fill();
        var full = await ProbeAsync(client, "/health/ready");
        File.Delete(filler);
        var recovered = await ProbeAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.Status);
        Assert.Contains("MB free", full.Body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(client, "/health/live")).Status);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
    }

    [Fact]
    public async Task Ready_AfterTheDataFolderIsDeleted_IsFalseAndSaysWhy()
    {
        var folder = Directory.CreateTempSubdirectory("tablero-health-").FullName;
        await using var factory = new FaultyDiskFactory(folder);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(client, "/health/ready")).Status);

        Directory.Delete(folder, recursive: true);
        var ready = await ProbeAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains("deleted, moved or replaced", ready.Body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString());
    }
}
