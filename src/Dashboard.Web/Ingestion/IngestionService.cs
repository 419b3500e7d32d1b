using System.Text.Json;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;

namespace Dashboard.Web.Ingestion;

public enum IngestionStatus
{
    Accepted,
    Invalid,
    Forbidden,
    Conflict,
    Rejected,
}

/// <summary>What happened to a request body; the API maps it to HTTP, the simulator reads it directly.</summary>
public sealed record IngestionOutcome(IngestionStatus Status, AppendResult? Result, IReadOnlyDictionary<string, string[]> Errors)
{
    public static IngestionOutcome Fail(IngestionStatus status, string path, string message) =>
        new(status, null, new Dictionary<string, string[]> { [path] = [message] });
}

/// <summary>
/// The ingestion path every source uses (the HTTP API and the built-in simulator alike):
/// parse and validate the contract, check the caller's scope, then hand the batch to the case-event service.
/// </summary>
public sealed class IngestionService(CaseEventService cases, ICaseReader caseStore, CatalogueService catalogue, TimeProvider time)
{
    /// <summary>Reads, checks and appends a body sent by <paramref name="by"/> (a source's key; its events may name the source's own user).</summary>
    public async Task<IngestionOutcome> IngestAsync(JsonElement body, ReadScope callerScope, CaseActor by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callerScope);
        ArgumentNullException.ThrowIfNull(by);
        var index = catalogue.Current;
        var parsed = CaseEventParser.Parse(body, time.GetUtcNow(), index.FindUnit, index.FindAgent);
        if (!parsed.IsValid)
        {
            return new IngestionOutcome(IngestionStatus.Invalid, null, parsed.Errors);
        }

        var isBatch = body.ValueKind == JsonValueKind.Array;
        var outside = await FindOutsideScopeAsync(parsed.Events, isBatch, callerScope, cancellationToken);
        if (outside is not null)
        {
            return outside;
        }

        var result = await cases.AppendAsync(parsed.Events, by, cancellationToken);
        return result.Outcome switch
        {
            AppendOutcome.Committed => new IngestionOutcome(IngestionStatus.Accepted, result, new Dictionary<string, string[]>()),
            AppendOutcome.Conflict => IngestionOutcome.Fail(IngestionStatus.Conflict, PathOf(isBatch, result.FailedIndex, "eventId"), result.Reason!),
            _ => IngestionOutcome.Fail(IngestionStatus.Rejected, PathOf(isBatch, result.FailedIndex, "type"), result.Reason!),
        };
    }

    /// <summary>A key bound to a region or unit may only write there; checked before anything is stored.</summary>
    private async Task<IngestionOutcome?> FindOutsideScopeAsync(IReadOnlyList<CaseEvent> events, bool isBatch, ReadScope scope, CancellationToken cancellationToken)
    {
        if (scope.Level == ScopeLevel.All)
        {
            return null;
        }

        var openedHere = new Dictionary<string, (string Region, string Unit)>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            (string Region, string Unit)? place = null;
            if (e.Data is CaseOpenedData opened && catalogue.Current.FindUnit(opened.UnitCode) is { } unit)
            {
                place = openedHere[e.CaseId] = (unit.RegionCode, unit.Code);
            }
            else if (openedHere.TryGetValue(e.CaseId, out var known))
            {
                place = known;
            }
            else if (await caseStore.ReadByIdAsync(e.CaseId, ReadScope.All, cancellationToken) is { } existing)
            {
                place = (existing.RegionCode, existing.UnitCode);
            }

            if (place is { } p && !scope.Allows(p.Region, p.Unit, catalogue.Current.InstitutionOfRegion))
            {
                return IngestionOutcome.Fail(IngestionStatus.Forbidden, PathOf(isBatch, i, "caseId"), $"this API key may not write to unit '{p.Unit}' (its scope is {scope})");
            }
        }

        return null;
    }

    private static string PathOf(bool isBatch, int index, string field) => isBatch ? $"[{index}].{field}" : field;
}
