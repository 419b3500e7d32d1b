namespace Dashboard.Core.Cases;

/// <summary>
/// Earlier complaints against the same staff role at the same unit, for the escalation rules that watch repeats
/// ("a second complaint about the unit's pharmacy within 30 days"). The writer fills it for the batch it appends: the
/// stored openings within the widest rule's window, then each opening of the batch as it is accepted.
/// </summary>
public sealed class RepeatComplaints
{
    private readonly Dictionary<(string Unit, string Role), List<(DateTimeOffset At, string CaseId)>> _openings = [];
    private readonly List<((string Unit, string Role) Key, (DateTimeOffset At, string CaseId) Opening)> _pending = [];
    private readonly Dictionary<string, DateTimeOffset?> _known = new(StringComparer.Ordinal);

    /// <summary>A complaint already stored.</summary>
    public void AddStored(string caseId, string unitCode, string staffRole, DateTimeOffset openedAt) =>
        Insert((unitCode, staffRole), (openedAt, caseId));

    /// <summary>A stored case keeps the answer it was given when it opened, also when its history is played again.</summary>
    public void Remember(string caseId, DateTimeOffset? previous) => _known[caseId] = previous;

    /// <summary>
    /// The openings of the batch being appended, all at once so their order in the batch does not matter (a backlog);
    /// they stay once <see cref="Commit"/> is called and are dropped by <see cref="Discard"/>.
    /// </summary>
    public void AddPending(IEnumerable<CaseEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var e in batch)
        {
            if (e.Data is CaseOpenedData { Kind: CaseKind.Complaint, StaffRole: { } role } opened)
            {
                _pending.Add(((opened.UnitCode, role), (e.OccurredAt, e.CaseId)));
            }
        }
    }

    /// <summary>The batch was stored: its openings count from now on.</summary>
    public void Commit()
    {
        foreach (var (key, opening) in _pending)
        {
            Insert(key, opening);
        }

        _pending.Clear();
    }

    /// <summary>The batch was refused: its openings never happened.</summary>
    public void Discard() => _pending.Clear();

    /// <summary>When the latest complaint before this one at its unit against its staff role was opened, if any.</summary>
    public DateTimeOffset? PreviousOf(string caseId, string unitCode, string staffRole, DateTimeOffset openedAt)
    {
        if (_known.TryGetValue(caseId, out var remembered))
        {
            return remembered;
        }

        var key = (unitCode, staffRole);
        DateTimeOffset? latest = null;
        foreach (var (at, id) in (_openings.GetValueOrDefault(key) ?? []).Concat(_pending.Where(p => p.Key == key).Select(p => p.Opening)))
        {
            if (at <= openedAt && !string.Equals(id, caseId, StringComparison.Ordinal) && (latest is null || at > latest))
            {
                latest = at;
            }
        }

        return latest;
    }

    private void Insert((string Unit, string Role) key, (DateTimeOffset At, string CaseId) opening)
    {
        if (!_openings.TryGetValue(key, out var list))
        {
            _openings[key] = list = [];
        }

        list.Add(opening);
    }
}
