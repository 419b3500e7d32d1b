using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;

namespace Dashboard.Core.Cases;

/// <summary>What the rules need to know beyond the case itself: the catalogue's units and the SLA engine.</summary>
public sealed class CaseContext(Func<string, Unit?> findUnit, SlaEngine sla)
{
    public SlaEngine Sla { get; } = sla;

    public Unit? FindUnit(string code) => findUnit(code);
}
