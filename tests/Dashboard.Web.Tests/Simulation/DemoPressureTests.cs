using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Simulator;
using Dashboard.Web.Alerts;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Simulation;
using Dashboard.Web.Sla;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Simulation;

/// <summary>
/// A fresh demo on a fake clock: Tuesday 1 Dec 2026, 11:00 in Mexico City. The host loads its demo history at start
/// (two days here, to keep the test short; the demo loads 90) through import-history, then the simulator that wrote it
/// goes on live.
/// </summary>
public sealed class DemoFactory : TableroFactory
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 11, 0, 0, TimeSpan.FromHours(-6));

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override void Customize(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:HistoryDays"] = "2",
            ["Simulator:Seed"] = "20261201",
        }));
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public sealed class DemoPressureTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FreshDemo_TenMinutesLive_ShowsCasesAtRiskOverdueAndAnAutomaticEscalationWithItsAlert()
    {
        var services = factory.Services;
        var history = Assert.Single(await services.GetRequiredService<IHistoryImportStore>().ReadAllAsync(Ct));
        Assert.NotNull(history.CompletedAt);
        var simulator = services.GetRequiredService<SimulatorHandover>().Take();
        Assert.NotNull(simulator);
        simulator.OpenMailboxesAtNextTick();
        var options = services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var runner = new SimulatorRunner(simulator, new IngestionSink(services.GetRequiredService<IngestionService>(), NullLogger.Instance), options, factory.Clock);
        var sweep = services.GetRequiredService<SlaSweepJob>();
        var alerts = services.GetRequiredService<AlertJob>();

        // Ten minutes as the host lives them: the simulator every half second, the sweep and the alert job every five.
        for (var tick = 1; tick <= 1200; tick++)
        {
            factory.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await runner.TickAsync(Ct);
            if (tick % 10 == 0)
            {
                await sweep.RunAsync(Ct);
                await alerts.RunAsync(Ct);
            }
        }

        Assert.True(runner.Sent > 0);
        Assert.Equal(0, runner.Refused);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");
        var now = factory.Clock.GetUtcNow();
        var today = new DateTimeOffset(TimeZoneInfo.ConvertTime(now, zone).Date, zone.GetUtcOffset(now));
        var wall = await services.GetRequiredService<IWallReader>().ReadWallAsync(ReadScope.All, today, today.AddDays(1), 10, Ct);
        Assert.True(wall.Counts.AtRisk > 0, $"at risk: {wall.Counts}");
        Assert.True(wall.Counts.Overdue > 0, $"overdue: {wall.Counts}");
        Assert.True(wall.MedianFirstResponseToday > TimeSpan.FromMinutes(1), $"median first response today: {wall.MedianFirstResponseToday}");

        // An escalation the sweep appended after the history (live), and the alerts it raised; none for the history's own.
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        var live = (await connection.QueryAsync<(string CaseId, long Level)>(
            "SELECT case_id, json_extract(data, '$.level') FROM case_events WHERE type = 'CaseEscalated' AND sequence > @Last AND json_extract(data, '$.reason') LIKE 'Escalamiento automático%'",
            new { Last = history.LastSequence })).ToArray();
        Assert.NotEmpty(live);
        var alerted = (await connection.QueryAsync<(string CaseId, long Level)>("SELECT case_id, level FROM alerts WHERE channel = 'InApp'")).ToHashSet();
        Assert.Contains(live, alerted.Contains);
        var historyEscalations = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM case_events WHERE type = 'CaseEscalated' AND sequence > @After AND sequence <= @Last",
            new { After = history.AfterSequence, Last = history.LastSequence });
        Assert.True(historyEscalations > 0, "the history has escalations of its own");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM alerts WHERE escalated_sequence > @After AND escalated_sequence <= @Last", new { After = history.AfterSequence, Last = history.LastSequence }));
    }
}
