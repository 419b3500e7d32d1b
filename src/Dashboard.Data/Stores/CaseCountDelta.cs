namespace Dashboard.Data.Stores;

/// <summary>
/// How one commit moves the summary's counters (<c>case_counts</c>): each changed case leaves its old key and joins its
/// new one; keys that net to zero are left out, so a commit of assignments and notes writes none.
/// </summary>
internal sealed record CaseCountDelta(string UnitCode, string RegionCode, string Status, bool Complex, int EscalationLevel, int Cases)
{
    public static IReadOnlyCollection<CaseCountDelta> Between(IReadOnlyDictionary<string, CaseRow> before, IEnumerable<CaseRow> after)
    {
        var moves = new Dictionary<(string Unit, string Status, bool Complex, int Level), (string Region, int Cases)>();
        void Move(CaseRow row, int by)
        {
            var key = (row.UnitCode, row.Status, row.Complex, row.EscalationLevel);
            moves[key] = (row.RegionCode, moves.GetValueOrDefault(key).Cases + by);
        }

        foreach (var row in after)
        {
            if (before.TryGetValue(row.CaseId, out var old))
            {
                if (old.UnitCode == row.UnitCode && old.Status == row.Status && old.Complex == row.Complex && old.EscalationLevel == row.EscalationLevel)
                {
                    continue;
                }

                Move(old, -1);
            }

            Move(row, +1);
        }

        return [.. moves.Where(m => m.Value.Cases != 0).Select(m => new CaseCountDelta(m.Key.Unit, m.Value.Region, m.Key.Status, m.Key.Complex, m.Key.Level, m.Value.Cases))];
    }
}
