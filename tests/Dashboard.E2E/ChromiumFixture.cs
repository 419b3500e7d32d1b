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

    public async ValueTask InitializeAsync()
    {
        if (!IsInstalled)
        {
            return;
        }

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
