using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;

namespace Dashboard.Web.Indicators;

/// <summary>
/// Monthly attention volumes per unit, the denominators of complaint rates: imported all or nothing (checked against the
/// catalogue and the writer's scope, who and when recorded, audited), and read within a scope.
/// </summary>
public sealed class AttentionVolumeService(IAttentionVolumeStore store, CatalogueService catalogue, AuditTrail audit, TimeProvider time)
{
    /// <summary>Checks and stores the volumes, written within <paramref name="who"/>'s scope; nothing is stored when any is wrong. Audited.</summary>
    public async Task<IReadOnlyList<AttentionVolumeError>> ImportAsync(IReadOnlyList<AttentionVolume> volumes, ClaimsPrincipal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(who);
        var errors = AttentionVolumeRules.Validate(volumes, catalogue.Current, who.ReadScope() ?? ReadScope.Nothing);
        if (errors.Count == 0)
        {
            await store.SaveAsync(volumes, who.ActorName(), time.GetUtcNow(), cancellationToken);
        }

        await AuditAsync(who, volumes.Count, errors.Count, cancellationToken);
        return errors;
    }

    /// <summary>Reads a CSV file and stores its volumes only if every row is valid. Audited.</summary>
    public async Task<AttentionVolumeCsvResult> ImportCsvAsync(TextReader file, ClaimsPrincipal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var read = AttentionVolumeCsvReader.Read(file, catalogue.Current, who.ReadScope() ?? ReadScope.Nothing);
        if (read.Volumes is { } volumes)
        {
            await store.SaveAsync(volumes, who.ActorName(), time.GetUtcNow(), cancellationToken);
        }

        await AuditAsync(who, read.Volumes?.Count ?? 0, read.Errors.Count, cancellationToken);
        return read;
    }

    /// <summary>The volumes loaded for the months <paramref name="from"/> to <paramref name="to"/> within the scope, narrowed by region and unit.</summary>
    public Task<IReadOnlyList<StoredAttentionVolume>> ReadAsync(DateOnly from, DateOnly to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default) => store.ReadAsync(from, to, scope, regionCode, unitCode, cancellationToken);

    private Task AuditAsync(ClaimsPrincipal who, int volumes, int errors, CancellationToken cancellationToken) =>
        audit.RecordAsync(who, AuditAction.AdminChange, null, errors == 0 ? AuditOutcome.Success : AuditOutcome.Failed,
            errors == 0 ? $"attention volumes: {volumes} stored" : $"attention volumes: refused, {errors} problem(s), nothing stored", cancellationToken);
}
