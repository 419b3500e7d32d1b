using Bunit;
using Bunit.TestDoubles;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

/// <summary>What a page load's prerender hands to its circuit, and what it keeps back so the circuit reads for itself.</summary>
public sealed class PrerenderedReadsTests : BunitContext
{
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());
    private readonly BunitPersistentComponentState _state;
    private int _reads;

    public PrerenderedReadsTests()
    {
        Services.AddSingleton<ILiveFeed>(_feed);
        _state = AddBunitPersistentComponentState();
    }

    private Task<T> Read<T>(T value)
    {
        _reads++;
        return Task.FromResult(value);
    }

    public sealed record Counts(int Open, int Overdue);

    /// <summary>A read with a value only a property without a public setter holds: it cannot come back from JSON.</summary>
    public sealed record Computed(int Cases)
    {
        public int Open { get; private init; }

        public static Computed Of(int cases, int open) => new(cases) { Open = open };
    }

    [Fact]
    public async Task TheCircuit_TakesWhatThePrerenderRead_Once()
    {
        var prerender = new PrerenderedReads(Services);
        await prerender.ReadAsync("counts", interactive: false, () => Read(new Counts(3, 5)));
        _state.TriggerOnPersisting();
        var circuit = new PrerenderedReads(Services);
        var missed = false;

        Assert.Equal(new Counts(3, 5), await circuit.ReadAsync("counts", interactive: true, () => Read(new Counts(4, 6)), () => missed = true));
        Assert.Equal(1, _reads);
        Assert.False(missed);
        Assert.Equal(new Counts(4, 6), await circuit.ReadAsync("counts", interactive: true, () => Read(new Counts(4, 6))));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task EventsCommittedInBetween_AreReportedAsMissed()
    {
        var prerender = new PrerenderedReads(Services);
        await prerender.ReadAsync("counts", interactive: false, () => Read(7));
        _state.TriggerOnPersisting();
        _feed.Publish([new LiveCaseEvent(1, Guid.NewGuid(), "QJ-1", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, "IMSS-JAL", "UMF-JAL-023", CaseStatus.New, false, Priority.High, 0)]);
        var missed = false;

        Assert.Equal(7, await new PrerenderedReads(Services).ReadAsync("counts", interactive: true, () => Read(8), () => missed = true));
        Assert.True(missed);
    }

    [Fact]
    public Task ANaN_HasNoJson_SoTheCircuitReadsIt() => AssertTheCircuitReads(double.NaN, 1.5);

    [Fact]
    public Task AValueOnlyAComputedPropertyHolds_DoesNotReadBack_SoTheCircuitReadsIt() => AssertTheCircuitReads(Computed.Of(4, 2), Computed.Of(5, 3));

    [Fact]
    public Task AResultOverTheBudget_IsReadByTheCircuit() => AssertTheCircuitReads(new string('x', PrerenderedReads.BudgetBytes), "fresh");

    /// <summary>The prerender reads <paramref name="value"/> and a small count; the circuit reads the value again but takes the count.</summary>
    private async Task AssertTheCircuitReads<T>(T value, T fresh)
    {
        var prerender = new PrerenderedReads(Services);
        await prerender.ReadAsync("value", interactive: false, () => Read(value));
        await prerender.ReadAsync("small", interactive: false, () => Read(12));
        _state.TriggerOnPersisting();
        var circuit = new PrerenderedReads(Services);

        Assert.Equal(fresh, await circuit.ReadAsync("value", interactive: true, () => Read(fresh)));
        Assert.Equal(12, await circuit.ReadAsync("small", interactive: true, () => Read(13)));
    }
}
