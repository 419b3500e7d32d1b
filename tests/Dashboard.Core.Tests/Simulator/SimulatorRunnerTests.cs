using System.Text.Json.Nodes;
using Dashboard.Simulator;
using Dashboard.Simulator.Catalogue;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Core.Tests.Simulator;

public sealed class SimulatorRunnerTests
{
    [Fact]
    public async Task TickAsync_SinkFails_KeepsTheBatchAndResendsTheSameEventIds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        // No mailbox backlog: the first tick only starts the simulator's clock.
        var options = new SimulatorOptions { CasesPerMinute = 120, Seed = 5, MailboxBacklog = TimeSpan.Zero };
        var sink = new FlakySink { FailuresLeft = 1 };
        var runner = new SimulatorRunner(new CaseSimulator(DemoCatalogue.Build(), options, time.GetUtcNow()), sink, options, time);

        await runner.TickAsync(TestContext.Current.CancellationToken); // starts the simulator's clock
        time.Advance(TimeSpan.FromSeconds(2));
        await runner.TickAsync(TestContext.Current.CancellationToken); // fails
        time.Advance(TimeSpan.FromSeconds(2));
        await runner.TickAsync(TestContext.Current.CancellationToken); // resends, then sends the new ones

        Assert.Equal(2, sink.Attempts.Count);
        var failed = sink.Attempts[0].Select(e => e!["eventId"]!.GetValue<string>()).ToArray();
        var retried = sink.Attempts[1].Select(e => e!["eventId"]!.GetValue<string>()).ToArray();
        Assert.NotEmpty(failed);
        Assert.Equal(failed, retried.Take(failed.Length));
        Assert.Equal(retried.Length, runner.Sent);
    }

    private sealed class FlakySink : IEventSink
    {
        public int FailuresLeft { get; set; }

        public List<JsonArray> Attempts { get; } = [];

        public Task<bool> SendAsync(JsonArray batch, CancellationToken cancellationToken)
        {
            Attempts.Add((JsonArray)batch.DeepClone());
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("database is locked");
            }

            return Task.FromResult(true);
        }
    }
}
