using Dashboard.Core.Access;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Daily Hangfire job: closed cases older than <see cref="SecurityOptions.RetainPersonalDataFor"/> lose the insured
/// person's NSS/DNI and the free texts; counts, categories, times and outcomes stay for the trends. Each run is
/// written to the audit log.
/// </summary>
public sealed class RetentionJob(IPersonalDataPurge store, AuditTrail audit, IOptions<SecurityOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "retention";
    private const int Batch = 500;

    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now - options.Value.RetainPersonalDataFor;
        var total = 0;
        IReadOnlyList<string> purged;
        do
        {
            purged = await store.PurgePersonalDataAsync(before, now, Batch, cancellationToken);
            total += purged.Count;
        }
        while (purged.Count == Batch);

        if (total > 0)
        {
            await audit.RecordAsync("retention-job", "System", "all", AuditAction.PersonalDataPurged, null, AuditOutcome.Success,
                $"{total} closed case(s) before {before:yyyy-MM-dd}", cancellationToken);
            logger.LogInformation("Retention erased the personal data of {Count} case(s) closed before {Before:O}", total, before);
        }

        return total;
    }
}
