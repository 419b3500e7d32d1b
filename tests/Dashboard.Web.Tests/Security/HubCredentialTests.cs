using System.Net;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// The three ways a hub client presents its key — <c>X-Api-Key</c>, <c>Authorization: Bearer</c> (the official clients'
/// accessTokenFactory) and <c>access_token</c> in the URL (a browser's WebSocket) — and that no log line, at any
/// level, ever holds the key.
/// </summary>
public sealed class HubCredentialTests(RecordingLogsFactory factory) : IClassFixture<RecordingLogsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewKeyAsync() =>
        (await factory.Services.GetRequiredService<AccessAdministration>().CreateApiKeyAsync(AccessAdministration.SystemActor("tests"),
            $"kiosco-{Guid.NewGuid():N}"[..16], [Permission.Read], ReadScope.ForRegion("IMSS-JAL"), Ct)).Value!;

    [Fact]
    public async Task Hub_KeyAsBearerToken_ConnectsAndJoinsWithinItsScope()
    {
        var key = await NewKeyAsync();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/cases"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(key);
            })
            .Build();

        await hub.StartAsync(Ct);

        Assert.True(await hub.InvokeAsync<long>("Join", "region:IMSS-JAL", Ct) >= 0);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync<long>("Join", "all", Ct));
        Assert.DoesNotContain(factory.Logs, line => line.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hub_KeyInTheUrl_IsAccepted_AndNeverReachesALogLine()
    {
        var key = await NewKeyAsync();
        using var client = factory.CreateClient();

        using var negotiated = await client.PostAsync($"/hubs/cases/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(key)}", null, Ct);
        using var refused = await client.PostAsync("/hubs/cases/negotiate?negotiateVersion=1&access_token=not-a-key", null, Ct);

        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotEmpty(factory.Logs);
        Assert.DoesNotContain(factory.Logs, line => line.Contains(key, StringComparison.Ordinal));
    }
}
