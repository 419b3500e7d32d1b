using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// A técnica, a call-center or telemedicine desk (or a director on a brigade visit) registers a case. The form becomes
/// the same events a source system sends and goes through the same ingestion path: parser, scope, rules and the
/// case-event service, with the person as the actor. It carries its event ids from the moment it opens, so a double
/// click or a retry after a dropped connection is answered as the same case, never a second one.
/// </summary>
public sealed partial class RegisterCasePage
{
    private IReadOnlyList<Unit> _unitChoices = [];
    private Unit? _unit;
    private Module? _moduleFixed;
    private string? _moduleCode;
    private CaseKind _kind = CaseKind.Complaint;
    private Channel _channel = Channel.Module;
    private Priority _priority = Priority.Medium;
    private CaseCategory? _category;
    private string? _staffRole;
    private Agent? _praisedAgent;
    private bool _praisedOther;
    private string? _praisedName;
    private string? _praisedRole;
    private string? _summary;
    private string? _insuredId;
    private bool _complex;
    private bool _takeIt = true;
    private bool _closeAtOnce;
    private bool _saving;
    private string? _formProblem;
    private Dictionary<string, string> _problems = [];
    private Registered? _registered;

    // What makes a retry the same request: the events' ids and the moment of the first attempt.
    private Guid _openedId, _resolvedId, _closedId;
    private DateTimeOffset? _occurredAt;

    [Inject] private IngestionService Ingestion { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<RegisterCasePage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    private sealed record Registered(string CaseId, Institution Institution, string? MaskedInsuredId, bool ClosedAtOnce);

    /// <summary>A técnica's unit comes from her account; other desks pick one within their scope.</summary>
    private bool UnitFixed => Scope.Level == Core.Storage.ScopeLevel.Unit && _unit is not null;

    private Institution? Institution => _unit?.Institution;

    private Channel? FixedChannel => Viewer.AccountRole() is { } role ? RolePermissions.FixedChannel(role) : null;

    /// <summary>A técnica at her module usually attends the person in front of her: the case is hers from the start.</summary>
    private bool MayTakeIt => Viewer.AccountRole() == Role.Agent && UnitFixed;

    private IReadOnlyList<Module> ModulesOfUnit => _unit is null ? [] :
        Catalogue.Current.Snapshot.Modules.Where(m => m.UnitCode == _unit.Code).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToArray();

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var index = Catalogue.Current;
        _unitChoices = index.Snapshot.Units.Where(u => Scope.Allows(u.RegionCode, u.Code, index.InstitutionOfRegion)).ToArray();
        if (Scope.Level == Core.Storage.ScopeLevel.Unit)
        {
            _unit = _unitChoices.Count > 0 ? _unitChoices[0] : null;
            _moduleFixed = Viewer.ModuleCode() is { } code ? index.Snapshot.Modules.FirstOrDefault(m => m.Code == code && m.UnitCode == _unit?.Code) : null;
        }

        _channel = FixedChannel ?? Channel.Module;
        NewRequest();
    }

    private void NewRequest()
    {
        (_openedId, _resolvedId, _closedId, _occurredAt) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null);
    }

    private void StartAnother()
    {
        _registered = null;
        _kind = CaseKind.Complaint;
        _priority = Priority.Medium;
        _category = null;
        _staffRole = null;
        ClearPraised();
        _summary = null;
        _insuredId = null;
        _complex = false;
        _closeAtOnce = false;
        _takeIt = true;
        _problems = [];
        _formProblem = null;
        if (!UnitFixed)
        {
            _unit = null;
        }

        NewRequest();
    }

    private void UnitChanged()
    {
        // Categories, staff roles and the identifier's format belong to the unit's institution.
        if (_category is not null && Institution is { } i && ClassificationCatalogue.For(i).FindCategory(_category.Code) != _category)
        {
            _category = null;
        }

        if (_staffRole is not null && (Institution is not { } j || ClassificationCatalogue.For(j).FindStaffRole(_staffRole) is null))
        {
            _staffRole = null;
        }

        _moduleCode = null;
        _problems.Remove("unitCode");
        // A técnica praised belongs to her unit; a role to the unit's institution.
        if (_praisedAgent is not null && _praisedAgent.UnitCode != _unit?.Code)
        {
            _praisedAgent = null;
        }

        if (_praisedRole is not null && (Institution is not { } k || ClassificationCatalogue.For(k).FindStaffRole(_praisedRole) is null))
        {
            _praisedRole = null;
        }
    }

    private void ClearPraised()
    {
        (_praisedAgent, _praisedOther, _praisedName, _praisedRole) = (null, false, null, null);
        foreach (var key in _problems.Keys.Where(k => k.StartsWith(PraisedField, StringComparison.Ordinal)).ToArray())
        {
            _problems.Remove(key);
        }
    }

    private void PraisedOtherChanged(bool other)
    {
        _praisedOther = other;
        if (other)
        {
            _praisedAgent = null;
        }
        else
        {
            (_praisedName, _praisedRole) = (null, null);
        }
    }

    private const string PraisedField = "praisedStaff";

    /// <summary>Whom the form says the compliment praises: the técnica chosen, or the name and role typed; nobody otherwise.</summary>
    private PraisedStaff? Praised => _kind != CaseKind.Compliment ? null
        : !_praisedOther ? (_praisedAgent is { } agent ? new PraisedStaff(AgentId: agent.Id) : null)
        : string.IsNullOrWhiteSpace(_praisedName) && _praisedRole is null ? null
        : new PraisedStaff(Name: _praisedName?.Trim() ?? "", Role: _praisedRole);

    /// <summary>Checked as it is typed, as the parser checks it on the way in.</summary>
    private string? PraisedNameProblem
    {
        get
        {
            var name = _praisedName?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                return _praisedRole is not null && _submitted ? L["PraisedNameMissing"] : Problem($"{PraisedField}.name");
            }

            return _praisedName!.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                ? L["PraisedNameOneLine"]
                : name.Length > PraisedStaff.MaxName ? L["PraisedNameTooLong", PraisedStaff.MaxName, name.Length]
                : Problem($"{PraisedField}.name");
        }
    }

    private string? PraisedRoleProblem => _praisedRole is null && !string.IsNullOrWhiteSpace(_praisedName) && _submitted ? L["PraisedRoleMissing"] : Problem($"{PraisedField}.role");

    private string? PraisedProblem => Problem($"{PraisedField}.agentId") ?? Problem(PraisedField);

    private bool _submitted;

    internal Task<IEnumerable<Agent>> SearchPraisedAsync(string? text, CancellationToken cancellationToken)
    {
        var compare = CultureInfo.CurrentCulture.CompareInfo;
        const CompareOptions loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var found = Catalogue.Current.Snapshot.Agents
            .Where(a => a.UnitCode == _unit?.Code)
            .Where(a => string.IsNullOrWhiteSpace(text) || text == _praisedAgent?.Name || compare.IndexOf(a.Name, text.Trim(), loose) >= 0)
            .OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .Take(50);
        return Task.FromResult(found);
    }

    private void KindChanged()
    {
        if (_kind is not (CaseKind.Orientation or CaseKind.Compliment))
        {
            _closeAtOnce = false;
        }

        if (_kind != CaseKind.Compliment)
        {
            ClearPraised();
        }
    }

    /// <summary>Ctrl+Enter registers from any field.</summary>
    private Task OnKeyDownAsync(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e) =>
        e is { CtrlKey: true, Key: "Enter" } ? RegisterAsync() : Task.CompletedTask;

    private async Task RegisterAsync()
    {
        if (_saving)
        {
            return;
        }

        _saving = true;
        _formProblem = null;
        try
        {
            await SubmitAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task SubmitAsync()
    {
        _problems = [];
        _submitted = true;
        if (InsuredProblem is not null || (_kind == CaseKind.Compliment && (PraisedNameProblem is not null || PraisedRoleProblem is not null)))
        {
            return;
        }

        _occurredAt ??= Time.GetUtcNow();
        var unit = _unit;
        var caseId = unit is null ? "" : CaseIdFor(unit, _occurredAt.Value, _openedId);
        var opened = new CaseOpenedData(
            unit?.Code ?? "",
            _kind,
            FixedChannel ?? _channel,
            _category?.Code ?? "",
            _priority,
            _complex,
            _summary?.Trim() ?? "",
            string.IsNullOrWhiteSpace(_insuredId) ? null : _insuredId.Trim(),
            _moduleFixed?.Code ?? _moduleCode,
            MayTakeIt && _takeIt ? Viewer.AgentId() : null,
            _staffRole,
            Praised);
        var events = new List<CaseEvent> { new(_openedId, caseId, _occurredAt.Value, opened) };
        var closeAtOnce = _closeAtOnce && _kind is CaseKind.Orientation or CaseKind.Compliment;
        if (closeAtOnce)
        {
            events.Add(new CaseEvent(_resolvedId, caseId, _occurredAt.Value, new CaseResolvedData("attended-at-registration", L["ClosedAtOnceSummary", V.Word($"Kind{_kind}", unit?.Institution)])));
            events.Add(new CaseEvent(_closedId, caseId, _occurredAt.Value, new CaseClosedData(null)));
        }

        // Exactly what a source system would send; empty required fields are sent empty, so the parser names them.
        var body = new JsonArray(events.Select(e => (JsonNode)CaseEventContract.ToJson(e)).ToArray());
        IngestionOutcome outcome;
        try
        {
            outcome = await Ingestion.IngestAsync(JsonSerializer.SerializeToElement(body), Scope, Viewer.CaseActor());
        }
        catch (Exception ex) when (Data.StorageFaults.Describe(ex) is not null)
        {
            // Nothing was stored; the same ids go again on the next attempt.
            _formProblem = L["StorageUnavailable"];
            return;
        }

        switch (outcome.Status)
        {
            case IngestionStatus.Accepted:
                _submitted = false;
                _registered = new Registered(caseId, unit!.Institution, opened.InsuredId is { } id ? InsuredIdFormat.Mask(id) : null, closeAtOnce);
                _insuredId = null;
                break;
            case IngestionStatus.Invalid:
                foreach (var (path, messages) in outcome.Errors)
                {
                    var field = path[(path.LastIndexOf('.') + 1)..];
                    // The praised person's fields are named within her object ("praisedStaff.name").
                    if (path.Contains($".{PraisedField}.", StringComparison.Ordinal))
                    {
                        field = $"{PraisedField}.{field}";
                    }

                    var text = L[$"Problem_{field}"] is { ResourceNotFound: false } own ? own.Value : string.Join("; ", messages);
                    if (path.Contains(".data.", StringComparison.Ordinal) && FieldsShown.Contains(field))
                    {
                        _problems[field] = text;
                    }
                    else
                    {
                        _formProblem = text;
                    }
                }

                break;
            case IngestionStatus.Forbidden:
                _formProblem = L["OutsideScope"];
                break;
            default:
                _formProblem = L["Refused", outcome.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? ""];
                break;
        }
    }

    /// <summary>The fields that show their own problem beside them; any other goes above the button.</summary>
    private static readonly HashSet<string> FieldsShown = ["unitCode", "category", "staffRole", "summary", "insuredId",
        PraisedField, $"{PraisedField}.agentId", $"{PraisedField}.name", $"{PraisedField}.role"];

    /// <summary>
    /// The case number people read aloud on the phone: the unit, the day on the unit's clock and six characters of the
    /// form's event id ("UMF-JAL-001-261204-3F9A2C"). Derived, not drawn, so every retry of the same form asks for the same case.
    /// </summary>
    internal static string CaseIdFor(Unit unit, DateTimeOffset at, Guid eventId)
    {
        var local = TimeZoneInfo.ConvertTime(at, Times.Find(unit.TimeZone));
        return string.Create(CultureInfo.InvariantCulture, $"{unit.Code}-{local:yyMMdd}-{eventId.ToString("N")[..6].ToUpperInvariant()}");
    }

    private string? Problem(string field) => _problems.GetValueOrDefault(field);

    /// <summary>Checked as it is typed, in the unit's institution's format; the parser checks it again on the way in.</summary>
    private string? InsuredProblem
    {
        get
        {
            var value = _insuredId?.Trim();
            if (string.IsNullOrEmpty(value) || Institution is not { } institution)
            {
                return Problem("insuredId");
            }

            var name = V.Word("InsuredIdName", institution);
            var length = InsuredIdFormat.Length(institution);
            if (!value.All(char.IsAsciiDigit))
            {
                return L["InsuredDigitsOnly", name];
            }

            if (value.Length != length)
            {
                return L["InsuredLength", name, length, value.Length];
            }

            return InsuredIdFormat.Check(institution, value) is null ? null : L["InsuredCheckDigit", name].Value;
        }
    }

    internal Task<IEnumerable<Unit>> SearchUnitsAsync(string? text, CancellationToken cancellationToken)
    {
        var compare = CultureInfo.CurrentCulture.CompareInfo;
        const CompareOptions loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        bool Matches(string? value) => string.IsNullOrWhiteSpace(text) || (value is not null && compare.IndexOf(value, text.Trim(), loose) >= 0);
        var found = _unitChoices
            .Where(u => Matches(u.Name) || Matches(u.Code) || Matches(Catalogue.Current.FindRegion(u.RegionCode)?.Name))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture)
            .Take(50);
        return Task.FromResult(found);
    }

    internal Task<IEnumerable<CaseCategory>> SearchCategoriesAsync(string? text, CancellationToken cancellationToken)
    {
        if (Institution is not { } institution)
        {
            return Task.FromResult(Enumerable.Empty<CaseCategory>());
        }

        var compare = CultureInfo.CurrentCulture.CompareInfo;
        const CompareOptions loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var all = ClassificationCatalogue.For(institution).Categories;
        // Grouped by HCAT domain (clinical, management, relational), each group in the reader's alphabetical order.
        var found = all
            .Where(c => string.IsNullOrWhiteSpace(text) || (_category is not null && text == CategoryText(_category))
                || compare.IndexOf(CategoryText(c), text.Trim(), loose) >= 0 || compare.IndexOf(L[$"Domain{c.Domain}"].Value, text.Trim(), loose) >= 0)
            .OrderBy(c => c.Domain)
            .ThenBy(c => CategoryText(c), StringComparer.CurrentCulture);
        return Task.FromResult<IEnumerable<CaseCategory>>(found.ToArray());
    }

    private string UnitText(Unit unit) =>
        Catalogue.Current.FindRegion(unit.RegionCode) is { } region ? $"{unit.Name} · {region.Name}" : unit.Name;

    private string KindText(CaseKind kind) => V.Word($"Kind{kind}", Institution);

    private string CategoryText(CaseCategory category) => Institution is { } i ? Vocabulary.CategoryName(i, category.Code) : category.Code;

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
}
