using System.Collections.Concurrent;

namespace Dashboard.Data.Stores;

/// <summary>
/// <c>Case_Update.sql</c> with only those of its marked lines (<c>-- only if changed: Part</c>) whose part changed.
/// SQLite rewrites the index entries of every indexed column an UPDATE sets, even to the value it already had: an
/// event that moves one clock would otherwise rewrite seven indexes (3–4× the work, measured).
/// </summary>
internal sealed class CaseUpdateStatement(string template)
{
    private const string Marker = "-- only if changed: ";

    /// <summary>The indexed parts of a case row, by the names the SQL file marks their lines with.</summary>
    internal static readonly IReadOnlyList<(string Name, Func<CaseRow, CaseRow, bool> Changed)> Parts =
    [
        ("Open", (a, b) => a.IsOpen != b.IsOpen || a.Complex != b.Complex),
        ("SlaState", (a, b) => !string.Equals(a.SlaState, b.SlaState, StringComparison.Ordinal)),
        ("NextDeadline", (a, b) => a.NextDeadlineAt != b.NextDeadlineAt),
        ("FirstResponseBreached", (a, b) => a.FirstResponseBreachedAt != b.FirstResponseBreachedAt),
        ("ResolutionBreached", (a, b) => a.ResolutionBreachedAt != b.ResolutionBreachedAt),
        ("Resolved", (a, b) => a.ResolvedAt != b.ResolvedAt),
        ("Closed", (a, b) => a.ClosedAt != b.ClosedAt),
        ("Agent", (a, b) => !string.Equals(a.AgentId, b.AgentId, StringComparison.Ordinal)),
        ("Status", (a, b) => !string.Equals(a.Status, b.Status, StringComparison.Ordinal)),
        ("Impact", (a, b) => a.ImpactFlaggedAt != b.ImpactFlaggedAt),
    ];

    private readonly ConcurrentDictionary<string, string> _byParts = new(StringComparer.Ordinal);

    /// <summary>Which parts differ, as a key for <see cref="For"/> (rows with the same key share one statement).</summary>
    public static string ChangedParts(CaseRow before, CaseRow after) =>
        string.Join(',', Parts.Where(p => p.Changed(before, after)).Select(p => p.Name));

    public string For(string changedParts) => _byParts.GetOrAdd(changedParts, parts =>
    {
        var changed = parts.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', template.Split('\n').Where(line =>
        {
            var marker = line.IndexOf(Marker, StringComparison.Ordinal);
            return marker < 0 || changed.Contains(line[(marker + Marker.Length)..].Trim(), StringComparer.Ordinal);
        }));
    });
}
