namespace Dashboard.Core.Cases;

/// <summary>
/// An event with its stored payload and content hash already computed. Encoding happens on the caller's thread,
/// so the single writer that commits groups spends its time on the database, not on JSON and SHA-256.
/// </summary>
public sealed record EncodedEvent(CaseEvent Event, string DataJson, string ContentHash, string ActorJson)
{
    /// <summary>The event as <paramref name="by"/> sends it (the actor is stored with it, outside its content hash).</summary>
    public static EncodedEvent Of(CaseEvent e, CaseActor by)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(by);
        var json = CaseEventJson.SerializeData(e.Data);
        return new EncodedEvent(e, json, CaseEventJson.ContentHash(e, json), by.For(e).ToJson());
    }
}
