using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

public sealed class RegionsPageTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private const string RegionCode = "IMSS-JAL";
    private static readonly CultureInfo MexicanSpanish = CultureInfo.GetCultureInfo("es-MX");

    [Fact]
    public async Task RegionsPage_EventPosted_CountRisesWithoutReload()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var unit = DemoCatalogue.Build().Units.First(u => u.RegionCode == RegionCode);

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "es-MX",
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        var page = await context.NewPageAsync();
        var circuitRendered = WatchForFirstRenderBatch(page);

        await page.GotoAsync("/regions");
        var openCell = page.GetByTestId($"open-{RegionCode}");
        await Expect(openCell).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await circuitRendered.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        await Expect(page.GetByTestId("live-status")).ToContainTextAsync(":");

        var before = int.Parse(await openCell.InnerTextAsync(), NumberStyles.AllowThousands, MexicanSpanish);
        await page.EvaluateAsync("() => { window.__marker = 'set-before-post'; }");

        using var api = server.CreateApiClient();
        using var response = await api.PostAsJsonAsync("api/v1/events", CaseOpened(unit.Code), cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/events → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");

        await Expect(openCell).ToHaveTextAsync((before + 1).ToString("N0", MexicanSpanish), new LocatorAssertionsToHaveTextOptions { Timeout = 2000 });
        Assert.Equal("set-before-post", await page.EvaluateAsync<string?>("() => window.__marker ?? null"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "regions-live.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");
    }

    /// <summary>
    /// Completes when the circuit's first render batch arrives over the Blazor WebSocket: from then on the page is
    /// interactive and the server-side component (which subscribes to the live feed while initialising) is live.
    /// </summary>
    private static Task WatchForFirstRenderBatch(IPage page)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }

            socket.FrameReceived += (_, frame) =>
            {
                var isRenderBatch = frame.Binary is { } bytes
                    ? bytes.AsSpan().IndexOf("JS.RenderBatch"u8) >= 0
                    : frame.Text?.Contains("JS.RenderBatch", StringComparison.Ordinal) == true;
                if (isRenderBatch)
                {
                    rendered.TrySetResult();
                }
            };
        };
        return rendered.Task;
    }

    private static object CaseOpened(string unitCode) => new
    {
        eventId = Guid.NewGuid(),
        type = "CaseOpened",
        caseId = $"E2E-{Guid.NewGuid():N}"[..20],
        occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        data = new
        {
            unitCode,
            kind = "Complaint",
            channel = "Module",
            category = "mistreatment",
            priority = "High",
            complex = true,
            summary = "E2E: trato inadecuado en ventanilla",
        },
    };
}
