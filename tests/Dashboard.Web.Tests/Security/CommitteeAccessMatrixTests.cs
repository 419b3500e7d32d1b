using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Committee roles × committee scopes: who sees a committee's page, who runs its sessions (president and technical
/// secretary, not a plain member), who follows up a unit's agreement, who records a brigade there. Each line is one
/// person; each column one committee or unit; the whole matrix is compared at once so a change shows every deviation.
/// </summary>
public sealed class CommitteeAccessMatrixTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly string[] Committees = ["C-IMSS", "R-IMSS-JAL", "R-IMSS-NL", "C-ESSALUD"];

    // person: sees page (per committee) | runs sessions (per committee) | follows the JAL unit's agreement | records a brigade at the JAL unit
    private static readonly string[] Expected =
    [
        "admin        see:1111 run:1111 follow:1 brigade:1",
        "central-sec  see:1110 run:1000 follow:0 brigade:0",
        "jal-pres     see:0100 run:0100 follow:1 brigade:1",
        "jal-member   see:0100 run:0000 follow:1 brigade:1",
        "jal-super    see:0100 run:0000 follow:0 brigade:0",
        "nl-director  see:0010 run:0000 follow:0 brigade:0",
        "unit-dir     see:0000 run:0000 follow:1 brigade:1",
        "other-unit   see:0000 run:0000 follow:0 brigade:0",
        "essalud-dir  see:0001 run:0000 follow:0 brigade:0",
    ];

    [Fact]
    public async Task EveryCommitteeRoleAndScope_SeesAndDoesExactlyWhatTheMatrixSays()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Umf);
        var other = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Umf && u.Code != unit.Code);
        var people = new Dictionary<string, (Role Role, ReadScope Scope, string? Committee, CommitteeRole? Part)>
        {
            ["admin"] = (Role.Administrator, ReadScope.All, null, null),
            ["central-sec"] = (Role.Supervisor, ReadScope.ForInstitution(Institution.Imss.Code), "C-IMSS", CommitteeRole.TechnicalSecretary),
            ["jal-pres"] = (Role.Director, ReadScope.ForRegion("IMSS-JAL"), "R-IMSS-JAL", CommitteeRole.President),
            ["jal-member"] = (Role.Director, ReadScope.ForRegion("IMSS-JAL"), "R-IMSS-JAL", CommitteeRole.Member),
            ["jal-super"] = (Role.Supervisor, ReadScope.ForRegion("IMSS-JAL"), null, null),
            ["nl-director"] = (Role.Director, ReadScope.ForRegion("IMSS-NL"), null, null),
            ["unit-dir"] = (Role.Director, ReadScope.ForUnit(unit.Code), null, null),
            ["other-unit"] = (Role.Director, ReadScope.ForUnit(other.Code), null, null),
            ["essalud-dir"] = (Role.Director, ReadScope.ForInstitution(Institution.EsSalud.Code), null, null),
        };

        var service = factory.Services.GetRequiredService<CommitteeService>();
        var system = Person("sistema", Role.Administrator, ReadScope.All);
        var jal = (await factory.Services.GetRequiredService<ICommitteeStore>().ReadByCodeAsync("R-IMSS-JAL", ReadScope.All, Ct))!;
        var session = new CommitteeSession(Guid.NewGuid(), jal.Code, SessionKind.Extraordinary, DateOnly.FromDateTime(DateTime.UtcNow), "Sesión extraordinaria: matriz",
            SessionStatus.Planned, null, [], null, null, null, null);
        await factory.Services.GetRequiredService<ICommitteeSessionStore>().PlanAsync([session], Ct);
        Assert.Null(await service.ChangeSessionAsync(system, session.Id, SessionChange.Open, cancellationToken: Ct));
        Assert.Null(await factory.Services.GetRequiredService<AgreementService>().AddAgreementAsync(system, session.Id,
            new AgreementDraft(AgreementType.Improvement, "Señalizar la ruta a la ventanilla de quejas.", AgreementOwnerKind.Unit, unit.Code, session.ScheduledOn.AddDays(20)), Ct));
        var agreement = (await factory.Services.GetRequiredService<IAgreementStore>().ReadByCommitteeAsync(jal.Code, Ct)).First(a => a.SessionId == session.Id);

        var deviations = new List<string>();
        foreach (var line in Expected)
        {
            var who = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            var (role, scope, committee, part) = people[who];
            var userName = $"{who}-{Guid.NewGuid():N}"[..20];
            var (_, password) = await factory.CreateUserAsync(userName, role, scope);
            if (committee is not null)
            {
                Assert.Null(await service.SetMemberAsync(system, committee, userName, part!.Value, Ct));
            }

            var cookie = await factory.SignInAsync(userName, password);
            using var client = factory.CreateSessionClient(cookie);
            var principal = Person(userName, role, scope);
            var sees = "";
            var runs = "";
            foreach (var code in Committees)
            {
                var html = await client.GetStringAsync($"/comites/{code}", Ct);
                sees += html.Contains("data-testid=\"committee-missing\"", StringComparison.Ordinal) ? "0" : "1";
                runs += await service.CanRunSessionsAsync(principal, code, Ct) ? "1" : "0";
            }

            var follows = await factory.Services.GetRequiredService<AgreementService>().CanFollowUpAsync(principal, agreement, Ct) ? "1" : "0";
            var brigade = factory.Services.GetRequiredService<BrigadeService>().CanRecord(principal, unit.Code) ? "1" : "0";
            var actual = $"{who,-12} see:{sees} run:{runs} follow:{follows} brigade:{brigade}";
            if (!string.Equals(string.Join(' ', actual.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal))
            {
                deviations.Add($"expected {line}\n     got {actual}");
            }
        }

        Assert.True(deviations.Count == 0, string.Join('\n', deviations));
    }

    private static ClaimsPrincipal Person(string name, Role role, ReadScope scope) =>
        new(Dashboard.Web.Security.TableroClaims.Identity("Test", name, role.ToString(), scope, RolePermissions.Of(role), CredentialKind.User, Guid.NewGuid().ToString(), 1));
}
