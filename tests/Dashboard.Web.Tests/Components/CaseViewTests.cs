using System.Globalization;
using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

public sealed class CaseViewTests : PageTestContext
{
    private const string CaseId = "QJ-2026-000777";
    private readonly CatalogueService _catalogue = TestCatalogue.Create();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance);
    private readonly FakeStores _stores;

    public CaseViewTests()
    {
        // A complex complaint opened at a Jalisco UMF ten days ago: long overdue.
        var opened = new CaseEvent(Guid.NewGuid(), CaseId, DateTimeOffset.UtcNow.AddDays(-10), new CaseOpenedData(TableroFactory.JaliscoUnit.Code,
            CaseKind.Complaint, Channel.Module, "mistreatment", Priority.High, true, "Trato descortés en ventanilla.", "12345678901"));
        _stores = new FakeStores(_catalogue.Context, opened);
        Services.AddSingleton<ICaseStore>(_stores);
        Services.AddSingleton<ICaseEventStore>(_stores);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(_catalogue);
        Services.AddSingleton(new CaseEventService(_stores, _feed, () => _catalogue.Context, TimeProvider.System));
    }

    [Fact]
    public void Render_ShowsClocksTimelineInSpanishAndNoInsuredId()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.Equal("Nuevo", cut.Find("[data-testid=case-status]").TextContent.Trim());
        Assert.Contains("alta", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Mal trato", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Trato descortés en ventanilla.", cut.Find("[data-testid=case-timeline]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678901", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalate_AppendsACaseEscalatedEventThroughTheService()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        cut.Find("[data-testid=act-escalate]").Click();

        cut.WaitForAssertion(() => Assert.Equal("1 · Dirección de la unidad", cut.Find("[data-testid=case-level]").TextContent.Trim()));
        var escalated = Assert.IsType<CaseEscalatedData>(_stores.Appended.Single().Data);
        Assert.Equal(1, escalated.Level);
    }

    [Fact]
    public void Render_InPeruvianSpanish_UsesEsSaludWords()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-PE");

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.Contains("Reclamo", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Historial", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCase_SaysSoInsteadOfFailing()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, "QJ-NO-EXISTE"));

        Assert.NotNull(cut.Find("[data-testid=case-missing]"));
    }

    /// <summary>One case kept in memory, moved by the real rules, as the database stores would.</summary>
    private sealed class FakeStores : CaseStoreStub, ICaseEventStore
    {
        private readonly CaseContext _context;
        private readonly List<StoredCaseEvent> _events = [];
        private CaseState _state;

        public FakeStores(CaseContext context, CaseEvent opened)
        {
            _context = context;
            _state = CaseRules.Apply(null, opened, context).Next! with { LastSequence = 1 };
            _events.Add(Stored(opened, _state));
        }

        public List<CaseEvent> Appended { get; } = [];

        private static StoredCaseEvent Stored(CaseEvent e, CaseState s) =>
            new(s.LastSequence, e.EventId, e.CaseId, e.Type, e.OccurredAt, e.OccurredAt, s.UnitCode, s.RegionCode, s.Status, s.Complex, s.Priority, s.EscalationLevel, CaseEventJson.SerializeData(e.Data));

        public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
        {
            var results = new List<AppendResult>();
            foreach (var batch in batches)
            {
                var e = batch.Single().Event;
                var decision = CaseRules.Apply(_state, e, _context);
                if (!decision.IsAccepted)
                {
                    results.Add(AppendResult.Failed(AppendOutcome.Rejected, 0, decision.Rejection!));
                    continue;
                }

                _state = decision.Next! with { LastSequence = _state.LastSequence + 1 };
                var stored = Stored(e, _state);
                _events.Add(stored);
                Appended.Add(e);
                results.Add(new AppendResult(AppendOutcome.Committed, [new AppendedEvent(e.EventId, stored.Sequence, false)], [stored]));
            }

            return Task.FromResult<IReadOnlyList<AppendResult>>(results);
        }

        public override Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult(caseId == _state.CaseId ? _state : null);

        public Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoredCaseEvent>>(caseId == _state.CaseId ? _events.ToArray() : []);

        public Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
