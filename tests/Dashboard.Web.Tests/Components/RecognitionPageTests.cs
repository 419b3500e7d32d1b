using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

public sealed class RecognitionPageTests : PageTestContext
{
    private readonly ComplimentStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());

    public RecognitionPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TestCatalogue.Create());
    }

    [Fact]
    public void Render_RanksTechniciansByComplimentsWithTheirUnit()
    {
        var cut = Render<RecognitionPage>();

        Assert.Equal("Muro de Trato Digno", cut.Find("h1").TextContent);
        var ranking = cut.Find("[data-testid=recognition-ranking]").TextContent;
        Assert.Contains(ComplimentStore.Agent.Name, ranking, StringComparison.Ordinal);
        Assert.Contains(TableroFactory.Catalogue.Units.First(u => u.Code == ComplimentStore.Agent.UnitCode).Name, ranking, StringComparison.Ordinal);
    }

    [Fact]
    public void NewCompliment_OnTheFeed_RisesTheCount()
    {
        var cut = Render<RecognitionPage>();

        _store.Count = 8;
        _feed.Publish([new LiveCaseEvent(1, Guid.NewGuid(), "FL-1", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, "IMSS-JAL", ComplimentStore.Agent.UnitCode, CaseStatus.Assigned, false, Priority.Low, 0)]);

        cut.WaitForAssertion(() => Assert.Contains("8", cut.Find("[data-testid=recognition-ranking] td:last-child").TextContent, StringComparison.Ordinal));
    }

    private sealed class ComplimentStore : CaseReadersStub
    {
        public static readonly Core.Catalogue.Agent Agent = TableroFactory.Catalogue.Agents[0];

        public volatile int Count = 7;

        public override Task<(IReadOnlyList<ComplimentCount> ByAgent, IReadOnlyList<ComplimentEntry> Latest)> ReadComplimentsAsync(ReadScope scope, DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<(IReadOnlyList<ComplimentCount>, IReadOnlyList<ComplimentEntry>)>((
                [new ComplimentCount(Agent.UnitCode, Agent.Id, Count, DateTimeOffset.UtcNow)],
                [new ComplimentEntry("FL-1", Agent.UnitCode, Agent.Id, DateTimeOffset.UtcNow)]));
    }
}
