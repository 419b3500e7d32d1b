using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Tests.Components;

/// <summary>Several cases kept in memory, moved by the real rules as the database stores would, read as a técnica's desk.</summary>
public sealed class DeskStores(CaseContext context) : CaseReadersStub, IMyCasesReader, ICaseEventAppender
{
    private readonly Dictionary<string, CaseState> _cases = [];
    private long _sequence;

    /// <summary>What was appended, with the actor each event was stored with.</summary>
    public List<EncodedEvent> Appended { get; } = [];

    public DeskStores With(params CaseEvent[] events)
    {
        foreach (var e in events)
        {
            _cases.TryGetValue(e.CaseId, out var current);
            _cases[e.CaseId] = CaseRules.Apply(current, e, context).Next! with { LastSequence = ++_sequence };
        }

        return this;
    }

    public CaseState this[string caseId] => _cases[caseId];

    private IEnumerable<CaseState> InScope(ReadScope scope) => _cases.Values.Where(c => scope.Allows(c.RegionCode, c.UnitCode, _ => c.Institution.ToString()));

    public Task<IReadOnlyList<CaseState>> ReadAssignedOpenAsync(string agentId, ReadScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseState>>(InScope(scope).Where(c => c.AgentId == agentId && c.Status.IsOpen())
            .OrderBy(c => c.Status == CaseStatus.Paused).ThenBy(c => Web.Components.Pages.MyCasesPage.DueOf(c) ?? DateTimeOffset.MaxValue).ToArray());

    public Task<IReadOnlyList<CaseState>> ReadUnassignedNewAsync(ReadScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseState>>(InScope(scope).Where(c => c.AgentId is null && c.Status == CaseStatus.New).OrderBy(c => c.OpenedAt).ToArray());

    public override Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult(InScope(scope).FirstOrDefault(c => c.CaseId == caseId));

    public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
    {
        var results = new List<AppendResult>();
        lock (_cases)
        {
            foreach (var batch in batches)
            {
                var encoded = batch.Single();
                var e = encoded.Event;
                var decision = CaseRules.Apply(_cases.GetValueOrDefault(e.CaseId), e, context);
                if (!decision.IsAccepted)
                {
                    results.Add(AppendResult.Failed(AppendOutcome.Rejected, 0, decision.Rejection!));
                    continue;
                }

                var state = decision.Next! with { LastSequence = ++_sequence };
                _cases[e.CaseId] = state;
                Appended.Add(encoded);
                var stored = new StoredCaseEvent(state.LastSequence, e.EventId, e.CaseId, e.Type, e.OccurredAt, e.OccurredAt, state.UnitCode, state.RegionCode, state.Status,
                    state.Complex, state.Priority, state.EscalationLevel, CaseEventJson.SerializeData(e.Data));
                results.Add(new AppendResult(AppendOutcome.Committed, [new AppendedEvent(e.EventId, stored.Sequence, false)], [stored]));
            }
        }

        return Task.FromResult<IReadOnlyList<AppendResult>>(results);
    }

    public Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<EncodedEvent>> plan, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
