namespace Dashboard.Core.Cases;

/// <summary>
/// An event with its stored payload and content hash already computed. Encoding happens on the caller's thread,
/// so the single writer that commits groups spends its time on the database, not on JSON and SHA-256.
/// </summary>
public sealed record EncodedEvent(CaseEvent Event, string DataJson, string ContentHash)
{
    public static EncodedEvent Of(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var json = CaseEventJson.SerializeData(e.Data);
        return new EncodedEvent(e, json, CaseEventJson.ContentHash(e, json));
    }
}
