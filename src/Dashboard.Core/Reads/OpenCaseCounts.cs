
namespace Dashboard.Core.Reads;

/// <summary>
/// Open cases now within a scope or filter (complex, at risk, overdue, by escalation level) and the breaches of each
/// unit's own day: the big numbers of the wall and of the overview alike.
/// </summary>
public sealed record OpenCaseCounts(int OpenCases, int OpenComplex, int AtRisk, int Overdue, int BreachedToday, int Level1, int Level2, int Level3);
