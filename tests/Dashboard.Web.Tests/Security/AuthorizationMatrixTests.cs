using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Who may reach what, on every path: each role, a director of region A, anonymous and a revoked user, against a
/// case in region A and one in region B, through the case page, the case API, the events catch-up, the export, a hub
/// join, the job dashboard, and the quarterly report of the case's OOAD committee (its workbook and its print page).
/// The expected answer of every cell is in the table below; the test lists every deviation.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    // Answers: data (the case is shown), hidden (404 or absent, as if it did not exist), joined / refused (hub group),
    // signin (sent to the sign-in page), denied (sent to the no-permission page), 401, 403, ok (hangfire; the data-quality and profiles pages shown), form (the case
    // registration form opens; which units it offers is the scope's, tested with the form).
    private static readonly string[] Expected =
    [
        //  who            path       case A    case B
        "Administrator  page       data      data",
        "Administrator  api        data      data",
        "Administrator  events     data      data",
        "Administrator  export     data      data",
        "Administrator  hub        joined    joined",
        "Administrator  hangfire   ok        ok",
        "Administrator  register   denied    denied",
        "Administrator  quality    ok        ok",
        "Administrator  profiles   ok        ok",
        "Administrator  report     data      data",
        "Administrator  minutes    data      data",
        "DirectorA      page       data      hidden",
        "DirectorA      api        data      hidden",
        "DirectorA      events     data      hidden",
        "DirectorA      export     data      hidden",
        "DirectorA      hub        joined    refused",
        "DirectorA      hangfire   denied    denied",
        "DirectorA      register   form      form",
        "DirectorA      quality    denied    denied",
        "DirectorA      profiles   denied    denied",
        "DirectorA      report     data      hidden",
        "DirectorA      minutes    data      hidden",
        "Supervisor     page       data      data",
        "Supervisor     api        data      data",
        "Supervisor     events     data      data",
        "Supervisor     export     data      data",
        "Supervisor     hub        joined    joined",
        "Supervisor     hangfire   denied    denied",
        "Supervisor     register   denied    denied",
        "Supervisor     quality    denied    denied",
        "Supervisor     profiles   denied    denied",
        "Supervisor     report     data      data",
        "Supervisor     minutes    data      data",
        "AgentA         page       data      hidden",
        "AgentA         api        data      hidden",
        "AgentA         events     data      hidden",
        "AgentA         export     403       403",
        "AgentA         hub        joined    refused",
        "AgentA         hangfire   denied    denied",
        "AgentA         register   form      form",
        "AgentA         quality    denied    denied",
        "AgentA         profiles   denied    denied",
        "AgentA         report     403       403",
        "AgentA         minutes    hidden    hidden",
        "WallA          page       denied    denied",
        "WallA          api        403       403",
        "WallA          events     403       403",
        "WallA          export     403       403",
        "WallA          hub        403       403",
        "WallA          hangfire   denied    denied",
        "WallA          register   denied    denied",
        "WallA          quality    denied    denied",
        "WallA          report     403       403",
        "WallA          minutes    denied    denied",
        "Anonymous      page       signin    signin",
        "Anonymous      api        401       401",
        "Anonymous      events     401       401",
        "Anonymous      export     401       401",
        "Anonymous      hub        401       401",
        "Anonymous      hangfire   signin    signin",
        "Anonymous      register   signin    signin",
        "Anonymous      quality    signin    signin",
        "Anonymous      report     401       401",
        "Anonymous      minutes    signin    signin",
        "Revoked        page       signin    signin",
        "Revoked        api        401       401",
        "Revoked        events     401       401",
        "Revoked        export     401       401",
        "Revoked        hub        401       401",
        "Revoked        hangfire   signin    signin",
        "Revoked        register   signin    signin",
        "Revoked        quality    signin    signin",
        "Revoked        report     401       401",
        "Revoked        minutes    signin    signin",
        // Source systems: a key holds only Ingest, Read, Export, Admin (RolePermissions.ForApiKeys); pages are for people.
        "IngestKey      api        data      data",
        "IngestKey      events     data      data",
        "IngestKey      export     403       403",
        "IngestKey      hub        joined    joined",
        "IngestKey      report     403       403",
        "ReadKey        export     403       403",
        "ReadKey        report     403       403",
        "ExportKeyA     api        data      hidden",
        "ExportKeyA     events     data      hidden",
        "ExportKeyA     export     data      hidden",
        "ExportKeyA     hub        joined    refused",
        "ExportKeyA     report     data      hidden",
        // A national scope per institution: IMSS's sees both IMSS cases, EsSalud's neither.
        "DirectorImss   page       data      data",
        "DirectorImss   api        data      data",
        "DirectorImss   events     data      data",
        "DirectorImss   export     data      data",
        "DirectorImss   hub        joined    joined",
        "DirectorImss   hangfire   denied    denied",
        "DirectorImss   register   form      form",
        "DirectorImss   quality    denied    denied",
        "DirectorImss   report     data      data",
        "DirectorImss   minutes    data      data",
        "ExportKeyImss  api        data      data",
        "ExportKeyImss  events     data      data",
        "ExportKeyImss  export     data      data",
        "ExportKeyImss  hub        joined    joined",
        "ExportKeyImss  report     data      data",
        "ExportKeyEsSalud api      hidden    hidden",
        "ExportKeyEsSalud events   hidden    hidden",
        "ExportKeyEsSalud export   hidden    hidden",
        "ExportKeyEsSalud hub      refused   refused",
        "ExportKeyEsSalud report     hidden    hidden",
        // Remote desks: IMSS's call center reads and registers for every IMSS unit, EsSalud's telemedicine desk for none of IMSS's.
        "CallCenterImss page       data      data",
        "CallCenterImss api        data      data",
        "CallCenterImss events     data      data",
        "CallCenterImss export     403       403",
        "CallCenterImss hub        joined    joined",
        "CallCenterImss hangfire   denied    denied",
        "CallCenterImss register   form      form",
        "CallCenterImss quality    denied    denied",
        "CallCenterImss report     403       403",
        "CallCenterImss minutes    data      data",
        "TelemedicineEsSalud page  hidden    hidden",
        "TelemedicineEsSalud api   hidden    hidden",
        "TelemedicineEsSalud events hidden   hidden",
        "TelemedicineEsSalud export 403      403",
        "TelemedicineEsSalud hub   refused   refused",
        "TelemedicineEsSalud hangfire denied denied",
        "TelemedicineEsSalud register form   form",
        "TelemedicineEsSalud quality denied denied",
        "TelemedicineEsSalud report     403       403",
        "TelemedicineEsSalud minutes    hidden    hidden",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRoleOnEveryPath_GetsExactlyTheExpectedAnswer()
    {
        var deviations = new List<string>();
        foreach (var line in Expected)
        {
            var (who, path, expectA, expectB) = line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var w, var p, var a, var b] ? (w, p, a, b) : throw new FormatException(line);
            foreach (var (caseId, unitCode, expected) in new[] { (world.CaseA, world.UnitA, expectA), (world.CaseB, world.UnitB, expectB) })
            {
                var actual = await AnswerAsync(world.Credential(who), path, caseId, unitCode);
                if (actual != expected)
                {
                    deviations.Add($"{who} {path} {caseId}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(deviations.Count == 0, $"{deviations.Count} deviation(s):\n{string.Join('\n', deviations)}");
    }

    private async Task<string> AnswerAsync((string Header, string Value)? credential, string path, string caseId, string unitCode)
    {
        using var client = world.Factory.CreateSessionClient(null);
        if (credential is { } c)
        {
            client.DefaultRequestHeaders.Add(c.Header, c.Value);
        }

        return path switch
        {
            "page" => await PageAsync(client, caseId),
            "api" => await ApiAsync(client, $"/api/v1/cases/{caseId}", body => body.Contains(caseId, StringComparison.Ordinal)),
            "events" => await ApiAsync(client, $"/api/v1/events?after={world.SequenceBefore}&limit=1000", body => body.Contains(caseId, StringComparison.Ordinal)),
            "export" => await ApiAsync(client, "/api/v1/exports/cases.csv", body => body.Contains(caseId, StringComparison.Ordinal)),
            "hub" => await HubAsync(credential, unitCode),
            "hangfire" => await HangfireAsync(client),
            "register" => await RegisterAsync(client),
            "quality" => await AdminPageAsync(client, "/admin/calidad-datos", "late-arrivals"),
            "profiles" => await AdminPageAsync(client, "/admin/perfiles", "profiles"),
            "report" => await ApiAsync(client, $"/api/v1/exports/committee-report.xlsx?committee={CommitteeOf(unitCode)}&year={Quarter.Year}&quarter={Quarter.Number}", _ => true),
            "minutes" => await MinutesAsync(client, CommitteeOf(unitCode)),
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
        };
    }

    private static async Task<string> PageAsync(HttpClient client, string caseId)
    {
        using var response = await client.GetAsync($"/casos/{caseId}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return response.StatusCode switch
        {
            HttpStatusCode.OK when body.Contains("data-testid=\"case-status\"", StringComparison.Ordinal) => "data",
            HttpStatusCode.OK when body.Contains("data-testid=\"case-missing\"", StringComparison.Ordinal) => "hidden",
            HttpStatusCode.Redirect => Redirect(response),
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<string> ApiAsync(HttpClient client, string url, Func<string, bool> holdsTheCase)
    {
        using var response = await client.GetAsync(url, Ct);
        if (response.StatusCode is HttpStatusCode.OK)
        {
            return holdsTheCase(await response.Content.ReadAsStringAsync(Ct)) ? "data" : "hidden";
        }

        return response.StatusCode == HttpStatusCode.NotFound ? "hidden" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> HubAsync((string Header, string Value)? credential, string unitCode)
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(world.Factory.Server.BaseAddress, "hubs/cases"), o =>
            {
                o.HttpMessageHandlerFactory = _ => world.Factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                if (credential is { } c)
                {
                    o.Headers.Add(c.Header, c.Value);
                }
            })
            .Build();
        try
        {
            await hub.StartAsync(Ct);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is { } status)
        {
            return ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            await hub.InvokeAsync<long>("Join", $"unit:{unitCode}", Ct);
            return "joined";
        }
        catch (Microsoft.AspNetCore.SignalR.HubException)
        {
            return "refused";
        }
    }

    private static async Task<string> RegisterAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/casos/nuevo", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return response.StatusCode switch
        {
            HttpStatusCode.OK when body.Contains("data-testid=\"register\"", StringComparison.Ordinal) => "form",
            HttpStatusCode.Redirect => Redirect(response),
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The OOAD committee of the case's unit: its quarterly report is the committee's export and its print page.</summary>
    private static string CommitteeOf(string unitCode) => Dashboard.Core.Committees.CommitteePlan.RegionCode(TableroFactory.Catalogue.Units.First(u => u.Code == unitCode).RegionCode);

    private static Dashboard.Web.Committees.ReportQuarter Quarter => Dashboard.Web.Committees.ReportQuarter.Of(DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>The quarterly report's print page of a committee: "data" when its tables are shown, "hidden" when answered as absent.</summary>
    private static async Task<string> MinutesAsync(HttpClient client, string committee)
    {
        using var response = await client.GetAsync($"/comites/informe/{committee}?anio={Quarter.Year}&trimestre={Quarter.Number}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return response.StatusCode switch
        {
            HttpStatusCode.OK when body.Contains("data-testid=\"quarterly-report\"", StringComparison.Ordinal) => "data",
            HttpStatusCode.OK when body.Contains("data-testid=\"committee-missing\"", StringComparison.Ordinal) => "hidden",
            HttpStatusCode.Redirect => Redirect(response),
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An administrators' page (data quality, institution profiles): "ok" when its table is shown.</summary>
    private static async Task<string> AdminPageAsync(HttpClient client, string path, string table)
    {
        using var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return response.StatusCode switch
        {
            HttpStatusCode.OK when body.Contains($"data-testid=\"{table}\"", StringComparison.Ordinal) => "ok",
            HttpStatusCode.Redirect => Redirect(response),
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<string> HangfireAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/hangfire", Ct);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => "ok",
            HttpStatusCode.Redirect => Redirect(response),
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string Redirect(HttpResponseMessage response) => response.Headers.Location?.OriginalString switch
    {
        { } to when to.Contains(SignInEndpoints.AccessDeniedPage, StringComparison.Ordinal) => "denied",
        { } to when to.Contains(SignInEndpoints.SignInPage, StringComparison.Ordinal) => "signin",
        var to => $"302 {to}",
    };

    /// <summary>One host, its people, a wall display and two complex complaints: one in Jalisco (A), one in Nuevo León (B).</summary>
    public sealed class World : IAsyncLifetime
    {
        public TableroFactory Factory { get; } = new();

        public Dictionary<string, string?> Cookies { get; } = new() { ["Anonymous"] = null };

        public Dictionary<string, string> Keys { get; } = new() { ["IngestKey"] = TableroFactory.IngestKey, ["ReadKey"] = TableroFactory.ReadKey };

        public (string Header, string Value)? Credential(string who) =>
            Keys.TryGetValue(who, out var key) ? ("X-Api-Key", key) : Cookies[who] is { } cookie ? ("Cookie", cookie) : null;

        public string UnitA { get; } = TableroFactory.JaliscoUnit.Code;

        public string UnitB { get; } = TableroFactory.NuevoLeonUnit.Code;

        public string CaseA { get; } = $"QJ-A-{Guid.NewGuid():N}"[..16];

        public string CaseB { get; } = $"QJ-B-{Guid.NewGuid():N}"[..16];

        public long SequenceBefore { get; private set; }

        public async ValueTask InitializeAsync()
        {
            var regionA = ReadScope.ForRegion("IMSS-JAL");
            foreach (var (who, role, scope) in new[]
                     {
                         ("Administrator", Role.Administrator, ReadScope.All), ("DirectorA", Role.Director, regionA), ("Supervisor", Role.Supervisor, ReadScope.All),
                         ("AgentA", Role.Agent, ReadScope.ForUnit(UnitA)), ("Revoked", Role.Director, regionA),
                         ("DirectorImss", Role.Director, ReadScope.ForInstitution("Imss")),
                         ("CallCenterImss", Role.CallCenterAgent, ReadScope.ForInstitution("Imss")),
                         ("TelemedicineEsSalud", Role.TelemedicineAgent, ReadScope.ForInstitution("EsSalud")),
                     })
            {
                var (_, password) = await Factory.CreateUserAsync(who.ToLowerInvariant(), role, scope);
                Cookies[who] = await Factory.SignInAsync(who.ToLowerInvariant(), password);
            }

            Cookies["WallA"] = await Factory.OpenDisplayAsync(regionA);
            Keys["ExportKeyA"] = (await Factory.Services.GetRequiredService<AccessAdministration>().CreateApiKeyAsync(AccessAdministration.SystemActor("tests"),
                "informes-jalisco", [Permission.Read, Permission.Export], regionA)).Value!;
            foreach (var (who, institution) in new[] { ("ExportKeyImss", "Imss"), ("ExportKeyEsSalud", "EsSalud") })
            {
                Keys[who] = (await Factory.Services.GetRequiredService<AccessAdministration>().CreateApiKeyAsync(AccessAdministration.SystemActor("tests"),
                    $"informes-{institution.ToLowerInvariant()}", [Permission.Read, Permission.Export], ReadScope.ForInstitution(institution))).Value!;
            }

            var revoked = (await Factory.Services.GetRequiredService<IAccessStore>().ReadUserByNameAsync("revoked"))!;
            Assert.True((await Factory.Services.GetRequiredService<AccessAdministration>().SetRevokedAsync(AccessAdministration.SystemActor("tests"), revoked.Id, true)).Succeeded);

            using var ingest = Factory.CreateClient(TableroFactory.IngestKey);
            using var posted = await ingest.PostAsync("/api/v1/events", new StringContent(
                new System.Text.Json.Nodes.JsonArray(EventJson.Opened(CaseA, UnitA, complex: true), EventJson.Opened(CaseB, UnitB, complex: true)).ToJsonString(),
                Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            // The catch-up path is read from just before these two events.
            SequenceBefore = (await posted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("results").EnumerateArray()
                .Min(r => r.GetProperty("sequence").GetInt64()) - 1;
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
