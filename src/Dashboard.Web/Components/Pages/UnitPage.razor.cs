using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>A unit's open cases, a page at a time from the database (server-side paging), with their clocks and age.</summary>
public sealed partial class UnitPage
{
    private IReadOnlyList<AgentWorkload> _workload = [];

    [Parameter] public string UnitCode { get; set; } = "";

    [Inject] private ICaseStore Cases { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<UnitPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Shared.Vocabulary> V { get; set; } = default!;


    private Unit? Unit => Catalogue.Current.FindUnit(UnitCode);

    private string UnitName => Unit?.Name ?? UnitCode;

    protected override async Task OnParametersSetAsync() => _workload = await Cases.ReadWorkloadAsync(UnitCode, Scope);

    private string AgentName(string? id) => id is null ? L["Unassigned"] : Catalogue.Current.Snapshot.Agents.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    private async Task<GridData<CaseState>> LoadAsync(GridState<CaseState> state, CancellationToken cancellationToken)
    {
        var page = await Cases.ReadPageAsync(new CaseListQuery(null, UnitCode, Open: true, null, state.Page + 1, state.PageSize), Scope, cancellationToken);
        return new GridData<CaseState> { Items = page.Items, TotalItems = page.Total };
    }

    private string Due(CaseState c) =>
        c.Sla?.Resolution is { } clock ? Catalogue.UnitTime(c.UnitCode, clock.DueAt).ToString("g", CultureInfo.CurrentCulture) : "—";

    /// <summary>Aging buckets a supervisor reads at a glance.</summary>
    private string Age(CaseState c)
    {
        var age = Time.GetUtcNow() - c.OpenedAt;
        return age.TotalDays < 1 ? L["AgeToday"] : age.TotalDays < 3 ? L["Age1to3"] : age.TotalDays < 7 ? L["Age3to7"] : age.TotalDays < 30 ? L["Age7to30"] : L["AgeOver30"];
    }
}
