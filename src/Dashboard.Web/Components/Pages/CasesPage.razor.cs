using Dashboard.Core.Catalogue;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// The cases behind a number of the overview or a region: any filter of the link, within the reader's scope, read a
/// page at a time from the database. A unit's cases open on the unit's own page instead (same filters).
/// </summary>
public sealed partial class CasesPage : IDisposable
{
    private CaseListLink _link = new();

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IStringLocalizer<CasesPage> L { get; set; } = default!;


    private Institution? Institution => Catalogue.InstitutionOf(_link.Filter.RegionCode ?? Scope.RegionCode, _link.Filter.UnitCode ?? Scope.UnitCode);

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _link = CaseListLink.Parse(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    private void OnLinkChanged(CaseListLink link) => Navigation.NavigateTo(link.Href);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = Navigation.ToBaseRelativePath(e.Location).Split('?', '#')[0];
        if (path is "casos" or "cases")
        {
            _ = InvokeAsync(() =>
            {
                _link = CaseListLink.Parse(e.Location);
                StateHasChanged();
            });
        }
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
