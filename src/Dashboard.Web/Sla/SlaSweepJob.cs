using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sla;

/// <summary>What one sweep did: cases looked at, and events it added (duplicates of another sweep's are not counted).</summary>
public sealed record SweepResult(int DueCases, int NewEvents);

/// <summary>
/// The recurring Hangfire job that notices deadlines. Through the case-event service, it reads only the cases whose
/// next deadline has come (an index range), plans their warnings, breaches and escalation steps, and appends them
/// like any other event. Its events are named deterministically, so running it twice, or two at once, stores them once.
/// </summary>
public sealed class SlaSweepJob(ICaseReader cases, CaseEventService events, CatalogueService catalogue, TimeProvider time, IOptions<SlaOptions> options, ILogger<SlaSweepJob> logger,
    Telemetry.TableroMetrics? metrics = null)
{
    public const string RecurringJobId = "sla-sweep";

    // The next tick is a second away: a failed one is simply the next one's work.
    [AutomaticRetry(Attempts = 0)]
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var context = catalogue.Context;
        var batchSize = options.Value.SweepBatchSize;
        int dueCases = 0, newEvents = 0;
        // The probe is a read beside the writer: an idle tick (nearly every tick) never queues behind ingestion.
        if ((await cases.ReadDueAsync(now, 1, cancellationToken)).Count == 0)
        {
            return new SweepResult(0, 0);
        }

        // Another round only while a full batch made progress: after downtime this catches up in one run.
        DueAppendResult swept;
        int added;
        do
        {
            swept = await events.AppendDueAsync(now, batchSize, c => Plan(c, now, context), cancellationToken);
            dueCases += swept.DueCases;
            added = swept.Results.Sum(r => r.NewEvents.Count);
            newEvents += added;
            // A breach occurs at its deadline: the sweep's lag is how long after it the breach was recorded.
            foreach (var breach in swept.Results.SelectMany(r => r.NewEvents).Where(e => e.Type == CaseEventType.SlaBreached))
            {
                metrics?.BreachStored(breach.RecordedAt - breach.OccurredAt);
            }

            foreach (var refused in swept.Results.Where(r => r.Outcome != AppendOutcome.Committed))
            {
                logger.LogWarning("SLA sweep event not applied: {Reason}", refused.Reason);
            }
        }
        while (swept.DueCases == batchSize && added > 0 && !cancellationToken.IsCancellationRequested);

        if (newEvents > 0)
        {
            logger.LogInformation("SLA sweep at {Now:O}: {Events} events for {Cases} due cases", now, newEvents, dueCases);
        }

        return new SweepResult(dueCases, newEvents);
    }

    /// <summary>One case's plan; a case whose plan fails is logged and skipped, never allowed to stop the sweep for everyone.</summary>
    private IReadOnlyList<CaseEvent> Plan(CaseState c, DateTimeOffset now, CaseContext context)
    {
        try
        {
            return SlaSweep.DueEvents(c, now, context);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError(ex, "SLA sweep could not plan case {CaseId}", c.CaseId);
            return [];
        }
    }
}
