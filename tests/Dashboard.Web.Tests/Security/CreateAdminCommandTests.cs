using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Web.Security;

namespace Dashboard.Web.Tests.Security;

public sealed class CreateAdminCommandTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_CreatesAnAdministratorWhosePrintedPasswordSignsInAndRefusesATakenName()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(factory.Services, ["create-admin", "Admin.Central"], output, errors);
        var again = await CreateAdminCommand.RunAsync(factory.Services, ["create-admin", "admin.central"], new StringWriter(), errors);

        Assert.Equal(0, exit);
        Assert.Equal(1, again);
        Assert.Contains("is taken", errors.ToString(), StringComparison.Ordinal);
        var password = Regex.Match(output.ToString(), @"\(shown once\): (\S+)").Groups[1].Value;
        using var session = factory.CreateSessionClient(await factory.SignInAsync("admin.central", password));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/hangfire", Ct)).StatusCode);
    }
}
