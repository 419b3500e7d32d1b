using System.Text.Json;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Api;

public sealed record IngestResultItem(Guid EventId, long Sequence, string Status);

public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<IngestResultItem> Results)
{
    public static IngestResponse From(AppendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = result.Results.Select(r => new IngestResultItem(r.EventId, r.Sequence, r.Duplicate ? "duplicate" : "accepted")).ToArray();
        return new IngestResponse(items.Count(i => i.Status == "accepted"), items.Count(i => i.Status == "duplicate"), items);
    }
}

public sealed record EventDto(
    long Sequence,
    Guid EventId,
    string CaseId,
    CaseEventType Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string UnitCode,
    string RegionCode,
    JsonElement Data)
{
    /// <summary>The insured person's id leaves the server masked; the full value is for the case's own unit (identity issue).</summary>
    public static EventDto From(StoredCaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var data = CaseEventJson.DeserializeData(e.Type, e.DataJson);
        if (data is CaseOpenedData { InsuredId: { } id } opened)
        {
            data = opened with { InsuredId = InsuredIdFormat.Mask(id) };
        }

        return new EventDto(e.Sequence, e.EventId, e.CaseId, e.Type, e.OccurredAt, e.RecordedAt, e.UnitCode, e.RegionCode,
            JsonSerializer.SerializeToElement(data, data.GetType(), CaseEventJson.Options));
    }
}

public sealed record CaseDto(
    string CaseId,
    string UnitCode,
    string RegionCode,
    Institution Institution,
    CaseKind Kind,
    Channel Channel,
    string Category,
    Priority Priority,
    bool Complex,
    CaseStatus Status,
    int EscalationLevel,
    string? AgentId,
    PauseReason? PauseReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    long LastSequence,
    IReadOnlyList<EventDto>? Events)
{
    public static CaseDto From(CaseState c, IReadOnlyList<EventDto>? events)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.CaseId, c.UnitCode, c.RegionCode, c.Institution, c.Kind, c.Channel, c.Category, c.Priority, c.Complex, c.Status,
            c.EscalationLevel, c.AgentId, c.PauseReason, c.OpenedAt, c.ResolvedAt, c.ClosedAt, c.UpdatedAt, c.LastSequence, events);
    }
}
