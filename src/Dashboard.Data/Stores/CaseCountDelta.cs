namespace Dashboard.Data.Stores;

/// <summary>
/// How one commit moves the summary's counters (<c>case_counts</c>, also by an open case's SLA state): each changed case
/// leaves its old key and joins its new one; keys that net to zero are left out, so a commit of notes writes none.
/// </summary>
internal sealed record CaseCountDelta(string UnitCode, string RegionCode, string Status, bool Complex, int EscalationLevel, string SlaState, bool Open, int Cases)
{
    /// <summary>An open case's SLA state as the counters key it ('' without an SLA); a closed case's is not kept.</summary>
    public static string SlaStateOf(CaseRow row) => row.IsOpen ? row.SlaState ?? "" : "";

    public static IReadOnlyCollection<CaseCountDelta> Between(IReadOnlyDictionary<string, CaseRow> before, IEnumerable<CaseRow> after)
    {
        var moves = new Dictionary<(string Unit, string Status, bool Complex, int Level, string SlaState), (string Region, bool Open, int Cases)>();
        void Move(CaseRow row, int by)
        {
            var key = (row.UnitCode, row.Status, row.Complex, row.EscalationLevel, SlaStateOf(row));
            moves[key] = (row.RegionCode, row.IsOpen, moves.GetValueOrDefault(key).Cases + by);
        }

        foreach (var row in after)
        {
            if (before.TryGetValue(row.CaseId, out var old))
            {
                if (old.UnitCode == row.UnitCode && old.Status == row.Status && old.Complex == row.Complex && old.EscalationLevel == row.EscalationLevel
                    && SlaStateOf(old) == SlaStateOf(row))
                {
                    continue;
                }

                Move(old, -1);
            }

            Move(row, +1);
        }

        return [.. moves.Where(m => m.Value.Cases != 0)
            .Select(m => new CaseCountDelta(m.Key.Unit, m.Value.Region, m.Key.Status, m.Key.Complex, m.Key.Level, m.Key.SlaState, m.Value.Open, m.Value.Cases))];
    }
}
