using System.Net;

namespace Dashboard.Web.Tests.Api;

public sealed class CultureSwitchTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Switch_StoresTheCultureInTheCookieAndGoesBack()
    {
        using var response = await Client().GetAsync("/culture/es-PE?returnUrl=%2Falertas", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/alertas", response.Headers.Location?.ToString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Des-PE", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Switch_ToAnotherSite_GoesHomeInstead()
    {
        using var response = await Client().GetAsync("/culture/en?returnUrl=%2F%2Fevil.example%2F", Ct);

        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Switch_UnknownCulture_IsAProblem()
    {
        using var response = await Client().GetAsync("/culture/fr-FR", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0D%0A%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2Falertas%00")]
    [InlineData("%2F%E2%80%A8")]
    public async Task Switch_ReturnUrlWithControlCharactersOrBackslash_GoesHome(string returnUrl)
    {
        using var response = await Client().GetAsync($"/culture/en?returnUrl={returnUrl}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }
}
