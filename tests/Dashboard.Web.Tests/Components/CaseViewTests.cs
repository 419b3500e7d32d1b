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
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());
    private readonly FakeStores _stores;

    public CaseViewTests()
    {
        // A complex complaint opened at a Jalisco UMF ten days ago: long overdue.
        var opened = new CaseEvent(Guid.NewGuid(), CaseId, DateTimeOffset.UtcNow.AddDays(-10), new CaseOpenedData(TableroFactory.JaliscoUnit.Code,
            CaseKind.Complaint, Channel.Module, "mistreatment", Priority.High, true, "Trato descortés en ventanilla.", "12345678903"));
        _stores = new FakeStores(_catalogue.Context, opened);
        Services.AddCaseReaders(_stores);
        Services.AddSingleton<ICaseEventLog>(_stores);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(_catalogue);
        Services.AddSingleton(new CaseEventService(_stores, _feed, () => _catalogue.Context, TimeProvider.System));
    }

    [Fact]
    public void Render_ShowsClocksTimelineInSpanishAndOnlyTheMaskedInsuredId()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.Equal("Nuevo", cut.Find("[data-testid=case-status]").TextContent.Trim());
        Assert.Contains("alta", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Mal trato", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Trato descortés en ventanilla.", cut.Find("[data-testid=case-timeline]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", cut.Markup, StringComparison.Ordinal);
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
    public void Act_WhenStorageIsUnavailable_SaysSoAndKeepsThePage()
    {
        _stores.Unavailable = true;
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        cut.Find("[data-testid=act-escalate]").Click();

        var snackbar = Services.GetRequiredService<MudBlazor.ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => (s.Message ?? "").Contains("almacenamiento no está disponible", StringComparison.Ordinal)));
        Assert.Empty(_stores.Appended);
        Assert.NotNull(cut.Find("[data-testid=case-status]"));
    }

    [Fact]
    public void Render_InPeruvianSpanish_SpeaksPeruvianSpanish()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-PE");

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.Contains("Historial", cut.Markup, StringComparison.Ordinal);
        // An IMSS case keeps the IMSS words, whoever reads it.
        Assert.Contains("Derechohabiente (NSS)", cut.Find("[data-testid=case-insured]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EsSaludCase_SaysReclamoAndAseguradoEvenInMexicanSpanish()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Institution == Core.Catalogue.Institution.EsSalud);
        var stores = new FakeStores(_catalogue.Context, new CaseEvent(Guid.NewGuid(), "RC-2026-000042", DateTimeOffset.UtcNow.AddDays(-2), new CaseOpenedData(unit.Code,
            CaseKind.Complaint, Channel.Module, "waiting-time", Priority.Medium, false, "Demora en la cita de especialidad.", "45678912")));
        Services.AddCaseReaders(stores);
        Services.AddSingleton<ICaseEventLog>(stores);

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, "RC-2026-000042"));

        Assert.Contains("Reclamo", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Asegurado (DNI)", cut.Find("[data-testid=case-insured]").TextContent, StringComparison.Ordinal);
        Assert.Equal("****8912", cut.Find("[data-testid=insured-id]").TextContent);
    }

    [Fact]
    public void Note_TypedWithoutLeavingTheField_EnablesTheButtonAndTheFirstClickSendsIt()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));
        Assert.True(cut.Find("[data-testid=act-note]").HasAttribute("disabled"));

        // An input event only, no change (blur): what a person typing and clicking at once sends.
        cut.Find("textarea[data-testid=note-text]").Input("Se llamó al derechohabiente para reprogramar.");

        Assert.False(cut.Find("[data-testid=act-note]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=act-resolve]").HasAttribute("disabled"));
        cut.Find("[data-testid=act-note]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Se llamó al derechohabiente para reprogramar.", Assert.IsType<NoteAddedData>(Assert.Single(_stores.Appended).Data).Text));
    }

    [Fact]
    public async Task AfterAnAction_TheCategoryStaysInTheReadersLanguage_WhenTheRefreshArrivesFromAThreadWithoutIt()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));
        Assert.Equal("Mal trato", cut.Find("[data-testid=case-category]").TextContent);

        cut.Find("[data-testid=act-escalate]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=case-level]")));
        // Read on opening, after the action, and on the action's own event from the feed.
        cut.WaitForAssertion(() => Assert.True(_stores.Reads >= 3));
        var before = _stores.Reads;
        // The feed delivers on the writer's or a job's thread, whose culture is the process default (English here).
        await Task.Run(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            _feed.Publish([new LiveCaseEvent(99, Guid.NewGuid(), CaseId, CaseEventType.NoteAdded, DateTimeOffset.UtcNow, TableroFactory.JaliscoUnit.RegionCode,
                TableroFactory.JaliscoUnit.Code, CaseStatus.New, true, Priority.High, 1)]);
        }, Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.True(_stores.Reads > before));
        Assert.Equal("Mal trato", cut.Find("[data-testid=case-category]").TextContent);
        Assert.Equal("Escalado", cut.FindAll("[data-testid=case-timeline] b")[^1].TextContent);
    }

    [Fact]
    public void Render_SpeaksWordsNotCodes_PolicyChannelAndClocks()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.Equal("Queja IMSS compleja de prioridad alta", cut.Find("[data-testid=case-policy]").TextContent);
        var timeline = cut.Find("[data-testid=case-timeline]").TextContent;
        Assert.Contains("por Módulo de atención", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("(Module)", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("imss-", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("America/", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Hora del Centro (Ciudad de México)", cut.Find("[data-testid=case-zone]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EsSaludCase_OffersToPauseWaitingForTheAseguradoInItsRed()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Institution == Core.Catalogue.Institution.EsSalud && TableroFactory.Catalogue.Agents.Any(a => a.UnitCode == u.Code));
        var agent = TableroFactory.Catalogue.Agents.First(a => a.UnitCode == unit.Code);
        var stores = new FakeStores(_catalogue.Context, new CaseEvent(Guid.NewGuid(), "RC-2026-000043", DateTimeOffset.UtcNow.AddHours(-2), new CaseOpenedData(unit.Code,
            CaseKind.Complaint, Channel.CallCenter, "waiting-time", Priority.Medium, false, "Demora en la cita.", "45678912", AgentId: agent.Id)));
        Services.AddCaseReaders(stores);
        Services.AddSingleton<ICaseEventLog>(stores);

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, "RC-2026-000043"));

        Assert.Equal("Pausar (espera al asegurado)", cut.Find("[data-testid=act-pause]").TextContent.Trim());
        Assert.DoesNotContain("derechohabiente", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(TableroFactory.Catalogue.Regions.Single(r => r.Code == unit.RegionCode).Name, cut.Find("[data-testid=case-about]").TextContent, StringComparison.Ordinal);
        Assert.Contains("por Centro de contacto", cut.Find("[data-testid=case-timeline]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EsSaludCase_EscalatedByHand_NamesTheLevelInEsSaludsStructure_AndWhoDidIt()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Institution == Core.Catalogue.Institution.EsSalud);
        var stores = new FakeStores(_catalogue.Context, new CaseEvent(Guid.NewGuid(), "RC-2026-000044", DateTimeOffset.UtcNow.AddHours(-2), new CaseOpenedData(unit.Code,
            CaseKind.Complaint, Channel.Module, "mistreatment", Priority.High, true, "Maltrato en admisión.")));
        Services.AddCaseReaders(stores);
        Services.AddSingleton<ICaseEventLog>(stores);
        Services.AddSingleton(new CaseEventService(stores, _feed, () => _catalogue.Context, TimeProvider.System));
        SignInAs(Core.Access.Role.Director, Core.Storage.ReadScope.All, "carmen.rojas", "Carmen Rojas");
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, "RC-2026-000044"));
        // Stored before actors were kept: it reads as the source system.
        Assert.Equal("Autor: sistema de origen", cut.Find("[data-testid=timeline-actor]").TextContent.Trim());

        cut.Find("[data-testid=act-escalate]").Click();

        cut.WaitForAssertion(() => Assert.Equal("1 · Dirección del centro asistencial", cut.Find("[data-testid=case-level]").TextContent.Trim()));
        Assert.DoesNotContain("Comité", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentMissingFromTheCatalogue_IsNamedInWordsNeverByItsCode()
    {
        var stores = new FakeStores(_catalogue.Context, new CaseEvent(Guid.NewGuid(), "QJ-2026-000900", DateTimeOffset.UtcNow.AddHours(-1), new CaseOpenedData(TableroFactory.JaliscoUnit.Code,
            CaseKind.Complaint, Channel.Web, "waiting-time", Priority.Low, false, "Espera larga.", AgentId: "UMF-JAL-102-AGT")));
        Services.AddCaseReaders(stores);
        Services.AddSingleton<ICaseEventLog>(stores);

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, "QJ-2026-000900"));

        Assert.DoesNotContain("UMF-JAL-102-AGT", cut.Find("[data-testid=case-actions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("técnica que ya no está en el catálogo", cut.Find("[data-testid=case-actions]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliment_ShowsWhatWasPraisedNotAComplaintCategory()
    {
        var stores = new FakeStores(_catalogue.Context, new CaseEvent(Guid.NewGuid(), "FE-2026-000001", DateTimeOffset.UtcNow.AddHours(-1), new CaseOpenedData(TableroFactory.JaliscoUnit.Code,
            CaseKind.Compliment, Channel.Mailbox, "mistreatment", Priority.Low, false, "Agradece la atención de la enfermera.")));
        Services.AddCaseReaders(stores);
        Services.AddSingleton<ICaseEventLog>(stores);

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, "FE-2026-000001"));

        Assert.Equal("Elogio: el trato recibido", cut.Find("[data-testid=case-category]").TextContent);
        Assert.DoesNotContain("Mal trato", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void InsuredId_IsMaskedUntilRevealedWithAReasonAndTheRevealIsAudited()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));
        Assert.Equal("*******8903", cut.Find("[data-testid=insured-id]").TextContent);
        Assert.True(cut.Find("[data-testid=reveal]").HasAttribute("disabled"));

        cut.Find("input[data-testid=reveal-reason]").Input("Llamada de seguimiento al derechohabiente");
        cut.Find("[data-testid=reveal]").Click();

        cut.WaitForAssertion(() => Assert.Equal("12345678903", cut.Find("[data-testid=insured-id]").TextContent));
        var reveal = Assert.Single(AuditLog.Entries, e => e.Action == Core.Access.AuditAction.IdentifierRevealed);
        Assert.Equal(CaseId, reveal.CaseId);
        Assert.Equal("Llamada de seguimiento al derechohabiente", reveal.Detail);
        Assert.DoesNotContain(AuditLog.Entries, e => (e.Detail ?? "").Contains("12345678903", StringComparison.Ordinal));
    }

    [Fact]
    public void Opening_IsWrittenToTheAuditLogOnceNotPerLiveRefresh()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));
        cut.Find("[data-testid=act-escalate]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=case-level]")));

        var viewed = Assert.Single(AuditLog.Entries, e => e.Action == Core.Access.AuditAction.CaseViewed);
        Assert.Equal(("laura.mendez", "Administrator", "all"), (viewed.Actor, viewed.Role, viewed.Scope));
    }

    [Fact]
    public void Supervisor_SeesTheCaseButNoActionsAndCannotReveal()
    {
        SignInAs(Core.Access.Role.Supervisor, ReadScope.All);

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.NotNull(cut.Find("[data-testid=case-status]"));
        Assert.Empty(cut.FindAll("[data-testid=case-actions]"));
        Assert.Empty(cut.FindAll("[data-testid=reveal]"));
        Assert.Equal("*******8903", cut.Find("[data-testid=insured-id]").TextContent);
    }

    [Fact]
    public void Agent_MayWorkTheCaseButNotEscalateIt()
    {
        SignInAs(Core.Access.Role.Agent, ReadScope.ForUnit(TableroFactory.JaliscoUnit.Code));

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.NotNull(cut.Find("[data-testid=act-note]"));
        Assert.Empty(cut.FindAll("[data-testid=act-escalate]"));
    }

    [Fact]
    public void DirectorOfAnotherRegion_IsToldTheCaseIsNotThere()
    {
        SignInAs(Core.Access.Role.Director, ReadScope.ForRegion("IMSS-NL"));

        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, CaseId));

        Assert.NotNull(cut.Find("[data-testid=case-missing]"));
        Assert.DoesNotContain("Trato descortés", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(AuditLog.Entries, e => e.Action == Core.Access.AuditAction.CaseViewed);
    }

    [Fact]
    public void UnknownCase_SaysSoInsteadOfFailing()
    {
        var cut = Render<CaseView>(p => p.Add(c => c.CaseId, "QJ-NO-EXISTE"));

        Assert.NotNull(cut.Find("[data-testid=case-missing]"));
    }

    /// <summary>One case kept in memory, moved by the real rules, as the database stores would.</summary>
    private sealed class FakeStores : CaseReadersStub, ICaseEventLog, ICaseEventAppender
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

        /// <summary>How many times the page read the case (its first load, after an action, on a live refresh).</summary>
        public int Reads { get; private set; }

        /// <summary>Appends fail as a full disk would.</summary>
        public bool Unavailable { get; set; }

        private static StoredCaseEvent Stored(CaseEvent e, CaseState s) =>
            new(s.LastSequence, e.EventId, e.CaseId, e.Type, e.OccurredAt, e.OccurredAt, s.UnitCode, s.RegionCode, s.Status, s.Complex, s.Priority, s.EscalationLevel, CaseEventJson.SerializeData(e.Data));

        public Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<EncodedEvent>> plan, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
        {
            if (Unavailable)
            {
                throw new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13);
            }

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

        public override Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default)
        {
            Reads++;
            // Filtered by scope as the SQL is.
            return Task.FromResult(caseId == _state.CaseId && scope.Allows(_state.RegionCode, _state.UnitCode, _ => _state.Institution.ToString()) ? _state : null);
        }

        public Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoredCaseEvent>>(caseId == _state.CaseId && scope.Allows(_state.RegionCode, _state.UnitCode, _ => _state.Institution.ToString()) ? _events.ToArray() : []);

        public Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
