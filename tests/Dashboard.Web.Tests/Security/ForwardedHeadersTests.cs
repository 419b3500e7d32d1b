using System.Net;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>The host on Kestrel behind a proxy it knows (127.0.0.1, as nginx would be), with a tight sign-in limit.</summary>
public sealed class BehindProxyFactory : TableroFactory
{
    public const int SignInsPerMinute = 3;

    public BehindProxyFactory()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    protected override void Customize(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:KnownProxies:0"] = "127.0.0.1",
            ["Security:SignInsPerMinute"] = SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

    public HttpClient ClientFor(string forwardedFor, string forwardedProto = "http")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        return client;
    }
}

public sealed class ForwardedHeadersTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInLimit_CountsEachPersonsAddress_NotTheProxys()
    {
        using var guesser = factory.ClientFor("203.0.113.10");
        using var colleague = factory.ClientFor("203.0.113.20");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= BehindProxyFactory.SignInsPerMinute; i++)
        {
            using var guess = await guesser.GetAsync($"/pantalla/adivinanza-{i}", Ct);
            answers.Add(guess.StatusCode);
        }

        using var other = await colleague.GetAsync("/pantalla/otra", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Session_BehindTlsTermination_IsASecureCookie()
    {
        var token = (await factory.Services.GetRequiredService<AccessAdministration>().CreateDisplayTokenAsync(AccessAdministration.SystemActor("tests"), "TV recepción",
            ReadScope.ForRegion("IMSS-JAL"), Ct)).Value!;
        using var tv = factory.ClientFor("203.0.113.30", "https");

        using var opened = await tv.GetAsync($"/pantalla/{token}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var cookie = opened.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SignInSchemes.CookieName, StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.28.0.0/24", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("proxy.internal", false)]
    [InlineData("10.0.0.0/33", false)]
    public void KnownProxies_TakeAddressesAndNetworks(string entry, bool valid)
    {
        Assert.Equal(valid, !new SecurityOptions { KnownProxies = [entry] }.InvalidKnownProxies().Any());
    }
}
