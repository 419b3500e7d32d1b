using System.Text;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. The executable path is always given, so Playwright
/// never looks for (or downloads) a browser of its own; when Chromium is missing, nothing is launched
/// and the tests skip with <see cref="MissingReason"/>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static string MissingReason => $"Chromium not found at {ExecutablePath}: apt-get install -y chromium";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(MissingReason);

    /// <summary>A fresh browser profile as a Mexican supervisor's 1920×1080 screen has it, pointed at the server.</summary>
    public Task<IBrowserContext> NewScreenAsync(Uri baseAddress) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseAddress.ToString(),
        Locale = "es-MX",
        ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
    });

    /// <summary>A new screen signed in through the sign-in form, as a person would, already on <paramref name="path"/>.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedInScreenAsync(Uri baseAddress, string userName, string password, string path)
    {
        var context = await NewScreenAsync(baseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        // Not signed in yet: the page sends the visitor to the form and back afterwards.
        await page.WaitForURLAsync("**/cuenta/entrar**");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/cuenta/", StringComparison.Ordinal));
        return (context, page);
    }

    /// <summary>
    /// Completes when the circuit sends a render batch holding <paramref name="testId"/>. The prerendered HTML already has
    /// that cell, so it proves nothing; a render batch over the Blazor WebSocket does: the interactive component has
    /// loaded its rows, and it subscribes to the live feed in the same step, before it renders them. (Waiting for the
    /// first render batch is not enough: a small one without the table arrives earlier, and posting then was flaky.)
    /// </summary>
    public static Task WatchForInteractiveRender(IPage page, string testId)
    {
        var marker = Encoding.UTF8.GetBytes(testId);
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }

            socket.FrameReceived += (_, frame) =>
            {
                var holdsCell = frame.Binary is { } bytes
                    ? bytes.AsSpan().IndexOf(marker) >= 0
                    : frame.Text?.Contains(testId, StringComparison.Ordinal) == true;
                if (holdsCell)
                {
                    rendered.TrySetResult();
                }
            };
        };
        return rendered.Task;
    }

    public async ValueTask InitializeAsync()
    {
        if (!IsInstalled)
        {
            return;
        }

        // Expectations wait for their condition, and this is only how long before one counts as failed: CI runs beside
        // other work, where a page that takes 6 s is slow, not wrong (Playwright's 5 s default failed under load).
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
