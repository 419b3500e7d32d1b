namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>Every page names its icon, and the address browsers try by themselves answers too (no 404 on every page).</summary>
public sealed class FaviconTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    [Fact]
    public async Task FaviconIco_IsServedWithoutSigningIn()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/favicon.ico", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Page_LinksItsIcon_AndTheIconIsServed()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/cuenta/entrar", TestContext.Current.CancellationToken);

        var match = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"icon\" href=\"([^\"]+\\.svg)\"");
        Assert.True(match.Success, html);
        using var icon = await client.GetAsync("/" + match.Groups[1].Value, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }
}
