using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

/// <summary>The case registration form: what a técnica, a call-center agent and a telemedicine desk can register, and how.</summary>
public sealed class RegisterCasePageTests : PageTestContext
{
    private readonly CatalogueService _catalogue = TestCatalogue.Create();
    private readonly MemoryLog _log;
    private readonly Module _module;
    private readonly Unit _unit;

    public RegisterCasePageTests()
    {
        _log = new MemoryLog(_catalogue.Context);
        var feed = new InProcessLiveFeed(NullLogger<InProcessLiveFeed>.Instance, _catalogue);
        var service = new CaseEventService(_log, feed, () => _catalogue.Context, TimeProvider.System);
        Services.AddCaseReaders(_log);
        Services.AddSingleton<ILiveFeed>(feed);
        Services.AddSingleton(_catalogue);
        Services.AddSingleton(service);
        Services.AddSingleton(new IngestionService(service, _log, _catalogue, TimeProvider.System));
        var snapshot = _catalogue.Current.Snapshot;
        _module = snapshot.Modules.First(m => snapshot.Units.Single(u => u.Code == m.UnitCode).RegionCode == "IMSS-JAL");
        _unit = snapshot.Units.Single(u => u.Code == _module.UnitCode);
        SignInAs(Role.Agent, ReadScope.ForUnit(_unit.Code), "lucia.hernandez", "Lucía Hernández Ruiz", _module.Code);
    }

    private IRenderedComponent<RegisterCasePage> RenderFilled(string summary = "La asistente médica le gritó en ventanilla.", string? nss = "12345678903")
    {
        var cut = Render<RegisterCasePage>();
        var category = Assert.Single(cut.Instance.SearchCategoriesAsync("mal trato", CancellationToken.None).Result);
        Choose(cut, cut.FindComponent<MudBlazor.MudAutocomplete<Core.Catalogue.Classification.CaseCategory>>().Instance.ValueChanged, category);
        Choose(cut, cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Personal involucrado").Instance.ValueChanged, "medical-assistant");
        cut.Find("textarea[data-testid=summary]").Input(summary);
        if (nss is not null)
        {
            cut.Find("input[data-testid=insured-id]").Input(nss);
        }

        return cut;
    }

    /// <summary>What choosing an option does: the component's value changes on the renderer's thread.</summary>
    private static void Choose<T>(IRenderedComponent<RegisterCasePage> cut, Microsoft.AspNetCore.Components.EventCallback<T> valueChanged, T value) =>
        cut.InvokeAsync(() => valueChanged.InvokeAsync(value)).GetAwaiter().GetResult();

    [Fact]
    public void Tecnica_RegistersAComplaint_WithHerUnitModuleTheStaffRoleAndHerselfAsActorAndAssignee()
    {
        var cut = RenderFilled();
        Assert.Contains(_unit.Name, cut.Find("[data-testid=unit-fixed]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=register]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=registered]")));
        var (e, actor) = Assert.Single(_log.Appended);
        var opened = Assert.IsType<CaseOpenedData>(e.Data);
        Assert.Equal((_unit.Code, _module.Code, "medical-assistant", "mistreatment", Channel.Module, "lucia.hernandez"),
            (opened.UnitCode, opened.ModuleCode, opened.StaffRole, opened.Category, opened.Channel, opened.AgentId));
        Assert.Equal(new CaseActor(ActorKind.Person, UserId.ToString("D"), "Lucía Hernández Ruiz", Role.Agent), actor);
        Assert.StartsWith($"{_unit.Code}-", e.CaseId, StringComparison.Ordinal);
        // Masked from here on: the full number is not on the page any more.
        Assert.Equal("*******8903", cut.Find("[data-testid=registered-insured]").TextContent);
        Assert.DoesNotContain("12345678903", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compliment_NamesATecnicaOfTheUnit_AsThePraisedPerson_NotTheOneWhoTakesIt()
    {
        var cut = RenderFilled("Quiero felicitar a la técnica por su paciencia.", nss: null);
        Choose(cut, cut.FindComponent<MudBlazor.MudSelect<CaseKind>>().Instance.ValueChanged, CaseKind.Compliment);
        cut.WaitForAssertion(() => cut.FindComponent<MudBlazor.MudAutocomplete<Agent>>());
        var offered = (await cut.Instance.SearchPraisedAsync(null, CancellationToken.None)).ToArray();
        Assert.All(offered, a => Assert.Equal(_unit.Code, a.UnitCode));
        var praised = offered.First();
        Assert.Equal("Persona reconocida", cut.FindComponent<MudBlazor.MudAutocomplete<Agent>>().Instance.Label);
        Choose(cut, cut.FindComponent<MudBlazor.MudAutocomplete<Agent>>().Instance.ValueChanged, praised);

        cut.Find("[data-testid=register]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=registered]")));
        var opened = Assert.IsType<CaseOpenedData>(_log.Appended[0].Event.Data);
        Assert.Equal((CaseKind.Compliment, new PraisedStaff(AgentId: praised.Id), "lucia.hernandez"), (opened.Kind, opened.PraisedStaff, opened.AgentId));
    }

    [Fact]
    public void Compliment_SomeoneNotInTheCatalogue_NeedsARole_SaidBesideTheField_ThenIsStoredByNameAndRole()
    {
        var cut = RenderFilled("Gracias a la enfermera del turno de noche.", nss: null);
        Choose(cut, cut.FindComponent<MudBlazor.MudSelect<CaseKind>>().Instance.ValueChanged, CaseKind.Compliment);
        cut.WaitForAssertion(() => cut.Find("[data-testid=praised-other]"));
        var other = cut.FindComponents<MudBlazor.MudCheckBox<bool>>().Single(c => c.Instance.Label!.StartsWith("No está en el catálogo", StringComparison.Ordinal));
        Choose(cut, other.Instance.ValueChanged, true);
        cut.WaitForAssertion(() => cut.Find("input[data-testid=praised-name]").Input("  María José López "));

        cut.Find("[data-testid=register]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Elija la función de la persona.", cut.Find("[data-testid=praised-role]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(_log.Appended);

        Choose(cut, cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Función de la persona").Instance.ValueChanged, "nursing");
        cut.Find("[data-testid=register]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=registered]")));
        Assert.Equal(new PraisedStaff(Name: "María José López", Role: "nursing"), Assert.IsType<CaseOpenedData>(_log.Appended[0].Event.Data).PraisedStaff);
    }

    [Fact]
    public void EmptyForm_NamesEachMissingFieldBesideItInSpanish_AndStoresNothing()
    {
        var cut = Render<RegisterCasePage>();

        cut.Find("[data-testid=register]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Escribe el resumen", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("Elige el motivo", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(_log.Appended);
    }

    [Fact]
    public void MistypedNss_IsCaughtAsItIsTyped_AndNothingIsSent()
    {
        var cut = RenderFilled(nss: "12345678901");
        Assert.Contains("El dígito verificador no coincide: revisa el NSS", cut.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=register]").Click();

        Assert.Empty(_log.Appended);
        cut.Find("input[data-testid=insured-id]").Input("1234567890");
        Assert.Contains("El NSS tiene 11 dígitos; van 10", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void RetryAfterStorageFault_RegistersTheSameCaseOnce()
    {
        var cut = RenderFilled();
        _log.FailNext = true;

        cut.Find("[data-testid=register]").Click();
        cut.WaitForAssertion(() => Assert.Contains("el almacenamiento no responde", cut.Find("[data-testid=form-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_log.Appended);

        cut.Find("[data-testid=register]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=registered]")));
        // Had the first attempt been stored after all, this one is answered as its duplicate: same event id, same case.
        var (first, _) = Assert.Single(_log.Appended);
        Assert.Equal(first.EventId, _log.Attempts.Distinct().Single());
    }

    [Fact]
    public void Orientation_AttendedOnTheSpot_IsRegisteredResolvedAndClosedInOneStep()
    {
        var cut = RenderFilled("Orientación sobre el trámite de incapacidad.", nss: null);
        Choose(cut, cut.FindComponent<MudBlazor.MudSelect<CaseKind>>().Instance.ValueChanged, CaseKind.Orientation);
        cut.WaitForAssertion(() => cut.Find("[data-testid=close-at-once]"));
        var closeAtOnce = cut.FindComponents<MudBlazor.MudCheckBox<bool>>().Single(c => c.Instance.Label!.StartsWith("Atendido en el momento", StringComparison.Ordinal));
        Choose(cut, closeAtOnce.Instance.ValueChanged, true);

        cut.Find("[data-testid=register]").Click();

        cut.WaitForAssertion(() => Assert.Contains("registrado y cerrado", cut.Find("[data-testid=registered]").TextContent, StringComparison.Ordinal));
        Assert.Equal([CaseEventType.CaseOpened, CaseEventType.CaseResolved, CaseEventType.CaseClosed], _log.Appended.Select(a => a.Event.Type));
        Assert.Equal(CaseStatus.Closed, _log.States.Single().Value.Status);
    }

    [Fact]
    public async Task CallCenter_PicksAnyUnitOfItsInstitutionOnly_AndRegistersThroughTheCallCenterChannel()
    {
        SignInAs(Role.CallCenterAgent, ReadScope.ForInstitution("Imss"), "mariana.torres", "Mariana Torres");
        var cut = Render<RegisterCasePage>();

        Assert.Equal("Centro de contacto", cut.Find("[data-testid=channel-fixed]").TextContent.Trim().Replace("Canal", "", StringComparison.Ordinal).Trim());
        var jalisco = await cut.Instance.SearchUnitsAsync("jalisco", CancellationToken.None);
        Assert.NotEmpty(jalisco);
        Assert.All(jalisco, u => Assert.Equal(Institution.Imss, u.Institution));
        Assert.All(await cut.Instance.SearchUnitsAsync("", CancellationToken.None), u => Assert.Equal(Institution.Imss, u.Institution));
        Assert.DoesNotContain(await cut.Instance.SearchUnitsAsync("Rebagliati", CancellationToken.None), u => u.Institution == Institution.EsSalud);
        Assert.Contains(await cut.Instance.SearchUnitsAsync(TableroFactory.JaliscoUnit.Code.ToLowerInvariant(), CancellationToken.None), u => u.Code == TableroFactory.JaliscoUnit.Code);
    }

    [Fact]
    public void TelemedicineDesk_SpeaksEsSaludsWords_ForTheDniAndTheCategories()
    {
        SignInAs(Role.TelemedicineAgent, ReadScope.ForInstitution("EsSalud"), "rosa.quispe", "Rosa Quispe");
        var cut = Render<RegisterCasePage>();

        Assert.Equal("Telemedicina", cut.Find("[data-testid=channel-fixed]").TextContent.Replace("Canal", "", StringComparison.Ordinal).Trim());
        var unit = _catalogue.Current.Snapshot.Units.First(u => u.Institution == Institution.EsSalud);
        Choose(cut, cut.FindComponent<MudBlazor.MudAutocomplete<Unit>>().Instance.ValueChanged, unit);
        cut.WaitForAssertion(() => Assert.Contains("Asegurado (DNI)", cut.Markup, StringComparison.Ordinal));
        cut.Find("input[data-testid=insured-id]").Input("4567891");
        Assert.Contains("El DNI tiene 8 dígitos; van 7", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ReachingTheReasonWithTab_DoesNotSelectItsText_SoKeysTypedBeforeTheServerAnswersAreKept()
    {
        var cut = Render<RegisterCasePage>();

        cut.Find("input[data-testid=category]").Focus();

        // A select-all sent back after focus lands a round trip late, over the letters she has typed since, and her next key replaces them.
        var reason = cut.FindComponent<MudBlazor.MudAutocomplete<Core.Catalogue.Classification.CaseCategory>>();
        cut.WaitForAssertion(() => Assert.True(reason.Instance.Open)); // the focus was handled: its list is open
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier.Contains("select", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The event log in memory, moved by the real rules; each append remembers its actor.</summary>
    private sealed class MemoryLog(CaseContext context) : CaseReadersStub, ICaseEventAppender
    {
        public Dictionary<string, CaseState> States { get; } = [];

        public List<(CaseEvent Event, CaseActor Actor)> Appended { get; } = [];

        /// <summary>Every CaseOpened event id an append was tried with.</summary>
        public List<Guid> Attempts { get; } = [];

        private readonly HashSet<Guid> _stored = [];
        private long _sequence;

        /// <summary>The next append fails as a full disk would.</summary>
        public bool FailNext { get; set; }

        public Task<IReadOnlyList<AppendResult>> AppendGroupAsync(IReadOnlyList<IReadOnlyList<EncodedEvent>> batches, DateTimeOffset recordedAt, CaseContext ignored, CancellationToken cancellationToken = default)
        {
            Attempts.AddRange(batches.SelectMany(b => b).Where(e => e.Event.Type == CaseEventType.CaseOpened).Select(e => e.Event.EventId));
            if (FailNext)
            {
                FailNext = false;
                throw new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13);
            }

            var results = new List<AppendResult>();
            foreach (var batch in batches)
            {
                var appended = new List<AppendedEvent>();
                foreach (var encoded in batch)
                {
                    var e = encoded.Event;
                    if (!_stored.Add(e.EventId))
                    {
                        appended.Add(new AppendedEvent(e.EventId, 0, true));
                        continue;
                    }

                    var decision = CaseRules.Apply(States.GetValueOrDefault(e.CaseId), e, context);
                    Assert.True(decision.IsAccepted, decision.Rejection);
                    States[e.CaseId] = decision.Next! with { LastSequence = ++_sequence };
                    Appended.Add((e, CaseActor.FromJson(encoded.ActorJson)!));
                    appended.Add(new AppendedEvent(e.EventId, _sequence, false));
                }

                results.Add(new AppendResult(AppendOutcome.Committed, appended, []));
            }

            return Task.FromResult<IReadOnlyList<AppendResult>>(results);
        }

        public Task<DueAppendResult> AppendDueAsync(DateTimeOffset now, int limit, Func<CaseState, IReadOnlyList<EncodedEvent>> plan, DateTimeOffset recordedAt, CaseContext ignored, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public override Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult(States.GetValueOrDefault(caseId));
    }
}
