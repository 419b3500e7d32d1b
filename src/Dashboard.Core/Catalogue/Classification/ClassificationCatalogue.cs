using System.Collections.Frozen;

namespace Dashboard.Core.Catalogue.Classification;

/// <summary>The three domains of the Healthcare Complaints Analysis Tool (HCAT; Reader, Gillespie and Roberts, 2014).</summary>
public enum ComplaintDomain
{
    Clinical,
    Management,
    Relational,
}

/// <summary>A complaint category: an HCAT category or one of the field's own (mal trato, surtimiento…) under its HCAT parent.</summary>
public sealed record CaseCategory(string Code, ComplaintDomain Domain, string Hcat, string Es, string En);

/// <summary>The staff role a case is about (asistente médica, farmacia, enfermería…).</summary>
public sealed record StaffRole(string Code, string Es, string En);

/// <summary>
/// How an institution classifies its cases: categories and staff roles. Data, not code: its profile's
/// <c>classification.json</c>, so a deployment changes a file, not C#.
/// </summary>
public sealed class ClassificationCatalogue
{
    private readonly FrozenDictionary<string, CaseCategory> _categories;
    private readonly FrozenDictionary<string, StaffRole> _staffRoles;

    public ClassificationCatalogue(Institution institution, IReadOnlyList<CaseCategory> categories, IReadOnlyList<StaffRole> staffRoles)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(staffRoles);
        Institution = institution;
        Categories = categories;
        StaffRoles = staffRoles;
        _categories = categories.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        _staffRoles = staffRoles.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>
    /// The mistreatment category ("mal trato" at IMSS, "maltrato" at EsSalud): the one the central committee watches by
    /// staff role. Every institution profile has it.
    /// </summary>
    public const string Mistreatment = "mistreatment";

    public Institution Institution { get; }

    public IReadOnlyList<CaseCategory> Categories { get; }

    public IReadOnlyList<StaffRole> StaffRoles { get; }

    /// <summary>The classification of the institution's profile in use; an institution without one has no categories.</summary>
    public static ClassificationCatalogue For(Institution institution) =>
        Profiles.InstitutionProfiles.Current.Find(institution)?.Classification ?? new ClassificationCatalogue(institution, [], []);

    public CaseCategory? FindCategory(string code) => _categories.GetValueOrDefault(code);

    public StaffRole? FindStaffRole(string code) => _staffRoles.GetValueOrDefault(code);
}
