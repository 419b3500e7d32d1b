using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>What the rules need to know beyond the case itself: the catalogue's units and the SLA engine.</summary>
public sealed class CaseContext(Func<string, Unit?> findUnit, SlaEngine sla)
{
    /// <summary>The default of <see cref="LateEventWindow"/>.</summary>
    public static readonly TimeSpan DefaultLateEventWindow = TimeSpan.FromDays(30);

    public SlaEngine Sla { get; } = sla;

    /// <summary>
    /// How far back a late event may rewrite a case's SLA history (recomputed clocks, withdrawn breaches). An older
    /// one is stored and moves the case as if it arrived in order, its clocks and breaches left as they were.
    /// </summary>
    public TimeSpan LateEventWindow { get; init; } = DefaultLateEventWindow;

    public Unit? FindUnit(string code) => findUnit(code);
}
