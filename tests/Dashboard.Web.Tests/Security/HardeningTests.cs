using System.Net;
using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>A host whose API allows each credential 3 requests a second, so the limiter can be seen answering.</summary>
public sealed class TightLimitsFactory : TableroFactory
{
    protected override void Customize(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:RequestsPerSecond"] = "3",
        }));
}

public sealed class HardeningTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OverItsShare_ACredentialHears429WithRetryAfterAndOthersAreNotSlowed()
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await reader.GetAsync("/api/v1/summary", Ct));
        }

        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        using var other = factory.CreateClient(TableroFactory.JaliscoKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/summary", Ct)).StatusCode);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeadersAndAreNeverCached()
    {
        using var client = factory.CreateSessionClient(null);
        using var response = await client.GetAsync("/cuenta/entrar", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task HubAndCircuit_RefuseAForeignOrigin()
    {
        // Its own credential: the limiter test spends the read key's share.
        using var client = factory.CreateClient(TableroFactory.AdminKey);
        foreach (var path in new[] { "/hubs/cases/negotiate?negotiateVersion=1", "/_blazor/negotiate?negotiateVersion=1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Add("Origin", "https://tablero.example.evil");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/cases/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", new Uri(factory.Server.BaseAddress, "/").GetLeftPart(UriPartial.Authority));
        using var allowed = await client.SendAsync(own, Ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordIsRefusedAndAuditedAndAFormWithoutTokenIsRejected()
    {
        var (_, password) = await factory.CreateUserAsync($"tecnica-{Guid.NewGuid():N}"[..16], Role.Agent, ReadScope.ForUnit(TableroFactory.JaliscoUnit.Code));
        using var client = factory.CreateSessionClient(null);

        using var forged = await client.PostAsync(SignInEndpoints.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "x", ["password"] = password }), Ct);
        using var wrong = await factory.PostSignInAsync("nadie.existe", password);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal("/cuenta/entrar?error=1", wrong.Headers.Location!.OriginalString);
        Assert.False(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SignInSchemes.CookieName, StringComparison.Ordinal)));
        var audit = await factory.Services.GetRequiredService<IAuditStore>().ListAsync(null, "nadie.existe", 10, Ct);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(audit).Outcome);
    }

    [Fact]
    public async Task OpenIdConnect_MapsRoleAndScopeToALocalAccountAndRefusesWhatItCannotPlace()
    {
        var store = factory.Services.GetRequiredService<IAccessStore>();
        var settings = new OpenIdConnectSettings();
        var name = $"jsalas-{Guid.NewGuid():N}"[..14];
        ClaimsPrincipal External(string role, string scope) => new(new ClaimsIdentity(
            [new Claim("preferred_username", name), new Claim("name", "Jorge Salas"), new Claim("tablero_role", role), new Claim("tablero_scope", scope)], "oidc"));

        var first = await OpenIdConnectSignIn.MapAsync(External("Director", "region:IMSS-JAL"), settings, store, TimeProvider.System, Ct);
        var moved = await OpenIdConnectSignIn.MapAsync(External("Supervisor", "region:IMSS-NL"), settings, store, TimeProvider.System, Ct);
        var badRole = await OpenIdConnectSignIn.MapAsync(External("Wall", "all"), settings, store, TimeProvider.System, Ct);
        var badScope = await OpenIdConnectSignIn.MapAsync(External("Director", "everything"), settings, store, TimeProvider.System, Ct);
        var account = (await store.ReadUserByNameAsync(name, Ct))!;
        await store.SetRevokedAsync(account.Id, DateTimeOffset.UtcNow, Ct);
        var revoked = await OpenIdConnectSignIn.MapAsync(External("Director", "region:IMSS-JAL"), settings, store, TimeProvider.System, Ct);

        Assert.Equal("region:IMSS-JAL", first.Value!.ReadScope()!.ToString());
        Assert.True(first.Value!.Can(Permission.Escalate));
        Assert.Equal("region:IMSS-NL", moved.Value!.ReadScope()!.ToString());
        Assert.False(moved.Value!.Can(Permission.Escalate));
        // The change of role and scope raised the version: sessions made before it end.
        Assert.NotEqual(first.Value!.FindFirst(TableroClaims.Version)!.Value, moved.Value!.FindFirst(TableroClaims.Version)!.Value);
        Assert.Equal("tablero_role", badRole.Field);
        Assert.Equal("tablero_scope", badScope.Field);
        Assert.False(revoked.Succeeded);
    }
}
