using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Cases;

namespace Dashboard.Core.Sla;

/// <summary>
/// What the system must say about a case at a given instant: warnings, breaches and escalation steps whose time
/// has come, in time order. Each event is named by a hash of what it is about, so a sweep that runs twice, or two
/// that run at once, produce the same event ids and the second is stored as a duplicate.
/// </summary>
public static class SlaSweep
{
    /// <summary>Warnings, breaches and escalations: at most a handful per case, however late the sweep is.</summary>
    private const int MaxEventsPerCase = 16;

    public static IReadOnlyList<CaseEvent> DueEvents(CaseState state, DateTimeOffset now, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var due = new List<CaseEvent>();
        if (context.FindUnit(state.UnitCode) is not { } unit)
        {
            return due;
        }

        // Applying each event through the rules keeps the plan and the rules in agreement (a breach starts the ladder).
        while (due.Count < MaxEventsPerCase && NextDue(state, now, context, unit) is { } e)
        {
            var decision = CaseRules.Apply(state, e, context);
            if (!decision.IsAccepted)
            {
                throw new InvalidOperationException($"the SLA plan for case '{state.CaseId}' broke a rule: {decision.Rejection}");
            }

            due.Add(e);
            state = decision.Next!;
        }

        return due;
    }

    /// <summary>
    /// What the sweep, running every second, records for a case by <paramref name="until"/>: each deadline planned at
    /// its own instant, so a warning comes before the breach that follows it (a catch-up at one instant, as
    /// <see cref="DueEvents"/> is, records only the breach). The case after them, and the events in order.
    /// </summary>
    public static (CaseState State, IReadOnlyList<CaseEvent> Events) DueThrough(CaseState state, DateTimeOffset until, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var events = new List<CaseEvent>();
        while (state.Sla?.NextDeadlineAt is { } next && next <= until && DueEvents(state, next, context) is { Count: > 0 } due)
        {
            foreach (var e in due)
            {
                state = CaseRules.Apply(state, e, context).Next!;
                events.Add(e);
            }
        }

        return (state, events);
    }

    private static CaseEvent? NextDue(CaseState c, DateTimeOffset now, CaseContext context, Catalogue.Unit unit)
    {
        if (c.Sla is not { } sla || !c.Status.IsOpen())
        {
            return null;
        }

        CaseEvent? next = null;
        foreach (var kind in SlaClockKinds.All)
        {
            if (!sla.IsTicking(kind))
            {
                continue;
            }

            var clock = sla.Clock(kind)!;
            var candidate = clock.DueAt <= now ? Event(c.CaseId, clock.DueAt, new SlaBreachedData(kind, clock.DueAt), $"{kind}")
                : clock is { WarnAt: { } warn, WarnedAt: null } && warn <= now ? Event(c.CaseId, warn, new SlaWarningData(kind, clock.DueAt), $"{kind}")
                : null;
            next = Earlier(next, candidate);
        }

        if (next is null && context.Sla.NextEscalation(c, unit) is { } step && step.At <= now)
        {
            next = Event(c.CaseId, step.At, new CaseEscalatedData(step.Level, EscalationReason(sla, step.Level, unit)), $"{step.Level}|{sla.BreachedAt:O}");
        }

        return next;
    }

    /// <summary>
    /// Worded for the people of the unit: which clock ran out (a first response not given is not a case left
    /// unresolved) and when, in the unit's own time.
    /// </summary>
    public static string EscalationReason(CaseSla sla, int level, Catalogue.Unit unit)
    {
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(unit);
        var origin = sla.BreachedAt!.Value;
        var local = TimeZoneInfo.ConvertTime(origin, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone));
        var what = sla.FirstResponse?.BreachedAt == origin
            ? "plazo de primera respuesta vencido el {0:yyyy-MM-dd HH:mm} (hora de la unidad) sin atender"
            : "plazo de resolución vencido el {0:yyyy-MM-dd HH:mm} (hora de la unidad) sin resolver";
        return string.Format(CultureInfo.InvariantCulture, "Escalamiento automático al nivel {0}: ", level) + string.Format(CultureInfo.InvariantCulture, what, local);
    }

    private static CaseEvent Earlier(CaseEvent? a, CaseEvent? b) => a is null ? b! : b is null || a.OccurredAt <= b.OccurredAt ? a : b;

    private static CaseEvent Event(string caseId, DateTimeOffset at, CaseEventData data, string about) =>
        new(DeterministicId(at, $"{caseId}|{data.Type}|{about}|{at.UtcTicks}"), caseId, at, data);

    /// <summary>
    /// A name-based id (RFC 9562 version 8) that sorts by the event's instant: the first 48 bits are its Unix time in
    /// milliseconds, as in version 7, and the rest comes from SHA-256 of the name. Sorted by time, a catch-up that
    /// appends thousands of breaches adds them at one end of the event-id index instead of on a random page each.
    /// </summary>
    public static Guid DeterministicId(DateTimeOffset at, string name)
    {
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("tablero-sla:" + name), bytes);
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.ToUnixTimeMilliseconds() << 16 | BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]));
        bytes[6] = (byte)(bytes[6] & 0x0F | 0x80);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes[..16], bigEndian: true);
    }
}
