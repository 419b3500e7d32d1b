using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Web.Alerts;
using Dashboard.Web.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Committees;

/// <summary>
/// Committees are generated from the catalogue at start, and the ladder's levels 2 and 3 alert the committee's own
/// address: a UMAE case reaches the UMAE's committee, never the OOAD's.
/// </summary>
public sealed class CommitteeAlertsTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHost_HasACommitteeForEveryInstitutionRegionAndUmae()
    {
        var committees = await factory.Services.GetRequiredService<ICommitteeStore>().ReadAllAsync(ReadScope.All, Ct);

        Assert.Equal(TableroFactory.Catalogue.Regions.Count, committees.Count(c => c.Kind == CommitteeKind.Region));
        Assert.Equal(TableroFactory.Catalogue.Units.Count(u => u.Type == UnitType.Umae), committees.Count(c => c.Kind == CommitteeKind.Umae));
        Assert.Contains(committees, c => c.Code == "C-IMSS");
        Assert.Contains(committees, c => c.Code == "C-ESSALUD");
    }

    [Fact]
    public async Task AnOverdueComplexUmaeCase_AlertsItsUmaeCommitteeAtLevel2_AndTheCentralCommitteeAtLevel3()
    {
        var umae = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umae);
        var store = factory.Services.GetRequiredService<ICommitteeStore>();
        Assert.True(await store.SetEmailAsync(CommitteePlan.UmaeCode(umae.Code), "comite.trato.digno@umae-prueba.example", Ct));
        Assert.True(await store.SetEmailAsync(CommitteePlan.CentralCode(Institution.Imss), "comite.central@central-prueba.example", Ct));

        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var opened = EventJson.Opened(caseId, umae.Code, complex: true);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddDays(-14).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        using var response = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", opened, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);
        await factory.Services.GetRequiredService<AlertJob>().RunAsync(Ct);

        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        var emails = (await connection.QueryAsync<(long Level, string Recipients)>(
            "SELECT level, recipients FROM alerts WHERE case_id = @caseId AND channel = 'Email' ORDER BY level", new { caseId })).ToArray();
        Assert.Equal(3, emails.Length);
        Assert.DoesNotContain("umae-prueba", emails[0].Recipients, StringComparison.Ordinal);
        Assert.Equal("comite.trato.digno@umae-prueba.example", emails[1].Recipients);
        Assert.Equal("comite.central@central-prueba.example", emails[2].Recipients);
    }
}
