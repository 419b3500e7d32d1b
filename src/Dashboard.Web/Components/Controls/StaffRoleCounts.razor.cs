using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// A unit's or region's complaints of a period by the staff role they are about, all categories and mistreatment
/// apart (the central committee's priority: medical assistants and pharmacy). Each count opens the complaints behind
/// it; complaints without a staff role are counted as "not specified".
/// </summary>
public sealed partial class StaffRoleCounts : ComponentBase
{
    private IReadOnlyList<StaffRoleCount> _rows = [];
    private CaseFilter? _loaded;

    /// <summary>Whose complaints: a unit or a region (the period comes from <see cref="From"/> and <see cref="To"/>).</summary>
    [Parameter, EditorRequired] public CaseFilter Filter { get; set; } = CaseFilter.None;

    [Parameter, EditorRequired] public DateOnly From { get; set; }

    [Parameter, EditorRequired] public DateOnly To { get; set; }

    [Parameter, EditorRequired] public ReadScope Scope { get; set; } = ReadScope.Nothing;

    [Parameter, EditorRequired] public Institution Institution { get; set; }

    [Inject] private IStaffRoleReader Cases { get; set; } = default!;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<StaffRoleCounts> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    private CaseFilter Complaints => Filter with { Kind = CaseKind.Complaint, OpenedFrom = From, OpenedTo = To };

    /// <summary>Most mistreatment first, then most complaints; the unspecified last.</summary>
    private IEnumerable<StaffRoleCount> Rows => _rows
        .OrderBy(r => r.StaffRole is null)
        .ThenByDescending(r => r.Mistreatment)
        .ThenByDescending(r => r.Cases)
        .ThenBy(r => r.StaffRole is { } role ? Vocabulary.StaffRoleName(Institution, role) : "", StringComparer.CurrentCulture);

    private string MistreatmentName => Vocabulary.CategoryName(Institution, ClassificationCatalogue.Mistreatment);

    protected override async Task OnParametersSetAsync()
    {
        if (Complaints != _loaded)
        {
            await LoadAsync();
        }
    }

    /// <summary>Re-reads the counts (the live page calls it after events).</summary>
    public async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var filter = Complaints;
        _loaded = filter;
        // Once per page load: the page around it re-reads it when events came in since the prerender read it.
        Task<IReadOnlyList<StaffRoleCount>> Read() => Cases.ReadCountsByStaffRoleAsync(filter, Scope, Catalogue.DaysAt(Time.GetUtcNow()));
        _rows = await PrerenderedReads.ReadOnceAsync(Services, $"{nameof(StaffRoleCounts)}:{filter}", () => RendererInfo.IsInteractive, Read);
    }

    /// <summary>The complaints behind a count, open or closed: the unit's page (or the case list) with the same filter.</summary>
    private string Href(string staffRole, string? category) =>
        new CaseListLink { Filter = Complaints with { StaffRole = staffRole, Category = category }, StatusFilter = CaseListLink.AnyStatus }.Href;

    private int Share(int cases)
    {
        var most = _rows.Count == 0 ? 0 : _rows.Max(r => r.Cases);
        return most == 0 ? 0 : Math.Max(2, cases * 100 / most);
    }

    private static string Capital(string word) => word.Length == 0 ? word : string.Concat(char.ToUpper(word[0], CultureInfo.CurrentCulture).ToString(), word[1..]);

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
