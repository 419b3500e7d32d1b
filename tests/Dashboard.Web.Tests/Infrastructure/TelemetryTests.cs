using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// Telemetry for operations: Prometheus scrapes the product's own meters beside the framework's at /metrics, with an
/// administrator's key only; "Estado del sistema" shows the same figures to administrators in their language.
/// </summary>
public sealed class TelemetryTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task IngestAsync()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        using var posted = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened($"QJ-{Guid.NewGuid():N}"[..20], TableroFactory.JaliscoUnit.Code), Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task Metrics_for_an_administrator_key_hold_the_events_accepted_per_kind_of_sender_and_the_commit_times()
    {
        await IngestAsync();
        using var admin = factory.CreateClient(TableroFactory.AdminKey);

        using var scraped = await admin.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        var text = await scraped.Content.ReadAsStringAsync(Ct);
        Assert.Matches(@"tablero_events_accepted\w*\{[^}]*source=""Source""[^}]*\} [1-9]", text);
        Assert.Contains("tablero_commit_duration", text, StringComparison.Ordinal);
        Assert.Contains("tablero_feed_lag", text, StringComparison.Ordinal);
        // The framework's own meters come along.
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_refuse_a_read_key_and_anyone_without_a_key()
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);
        using var read = await reader.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);

        using var anonymous = factory.CreateSessionClient(null);
        using var none = await anonymous.GetAsync("/metrics", Ct);
        Assert.NotEqual(HttpStatusCode.OK, none.StatusCode);
        Assert.DoesNotContain("tablero_", await none.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_shows_an_administrator_the_figures_in_spanish()
    {
        await IngestAsync();
        var (_, password) = await factory.CreateUserAsync("admin-estado", Role.Administrator, ReadScope.All);
        using var session = factory.CreateSessionClient(await factory.SignInAsync("admin-estado", password));

        using var page = await session.GetAsync("/admin/estado", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Estado del sistema", html, StringComparison.Ordinal);
        Assert.Contains("Eventos aceptados", html, StringComparison.Ordinal);
        Assert.Matches(@"data-testid=""status-StatusAccepted""[^>]*>[1-9]", html);
        Assert.Contains("Base de datos: correcto", html, StringComparison.Ordinal);
    }
}
