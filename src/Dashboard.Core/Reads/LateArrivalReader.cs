using Dashboard.Core.Cases;

namespace Dashboard.Core.Reads;

/// <summary>
/// Data quality for administrators: how many events each source sent late (placed behind events already stored, the
/// arrivals the answer's <c>note</c> speaks of), per day of arrival (UTC). Counted by the appender in the transaction that
/// stores them, so the figures are the log's.
/// </summary>
public interface ILateArrivalReader
{
    /// <summary>Every source's late arrivals per day from <paramref name="since"/> (a UTC day) on, newest day first.</summary>
    Task<IReadOnlyList<LateArrivalDay>> ReadSinceAsync(DateOnly since, CancellationToken cancellationToken = default);
}

/// <summary>
/// One source's late arrivals of one day: events received late, how many of them withdrew a breach, and how many had
/// occurred beyond <c>Sla:LateEventWindow</c> (stored without rewriting SLA history).
/// </summary>
public sealed record LateArrivalDay(DateOnly Day, LateArrivalSource Source, int Late, int Withdrew, int BeyondWindow);

/// <summary>
/// Who sent late: a source system by its API key's name, the people working in Tablero together as the desk ("desk":
/// a técnica registering what happened earlier), or Tablero's own producers (the demo simulator, a history import).
/// </summary>
public sealed record LateArrivalSource(ActorKind Kind, string Id, string Name)
{
    public const string DeskId = "desk";

    /// <summary>Events stored before actors were kept read as the source system.</summary>
    public const string UnnamedSourceId = "";

    public static LateArrivalSource Of(CaseActor? actor) => actor switch
    {
        null => new(ActorKind.Source, UnnamedSourceId, ""),
        { Kind: ActorKind.Person } => new(ActorKind.Person, DeskId, DeskId),
        { Kind: ActorKind.Source } => new(ActorKind.Source, actor.Id, actor.Name),
        _ => new(ActorKind.System, actor.Id, actor.Id),
    };
}
