using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>What the rules need to know beyond the case itself: the catalogue's units and the SLA engine.</summary>
public sealed class CaseContext(Func<string, Unit?> findUnit, SlaEngine sla)
{
    private readonly Func<string, Unit?> _findUnit = findUnit;

    /// <summary>The default of <see cref="LateEventWindow"/>.</summary>
    public static readonly TimeSpan DefaultLateEventWindow = TimeSpan.FromDays(30);

    public SlaEngine Sla { get; } = sla;

    /// <summary>
    /// How far back a late event may rewrite a case's SLA history (recomputed clocks, withdrawn breaches). An older
    /// one is stored and moves the case as if it arrived in order, its clocks and breaches left as they were.
    /// </summary>
    public TimeSpan LateEventWindow { get; init; } = DefaultLateEventWindow;

    /// <summary>Earlier complaints against the same unit and staff role, when the ladder has a rule that watches repeats.</summary>
    public RepeatComplaints? Repeats { get; init; }

    public Unit? FindUnit(string code) => _findUnit(code);

    /// <summary>The same context, answering repeats from <paramref name="repeats"/> (the writer's, for one append).</summary>
    public CaseContext With(RepeatComplaints repeats) => new(_findUnit, Sla) { LateEventWindow = LateEventWindow, Repeats = repeats };
}
