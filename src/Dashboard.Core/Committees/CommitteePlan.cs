using Dashboard.Core.Catalogue;
using Dashboard.Core.Profiles;

namespace Dashboard.Core.Committees;

/// <summary>
/// The committees a catalogue implies, and which of them an escalation reaches: level 2 goes to a UMAE's own committee
/// for a UMAE case and to the OOAD's (Red's) otherwise; level 3 to the institution's central committee.
/// </summary>
public static class CommitteePlan
{
    public static string CentralCode(Institution institution) => $"C-{institution.Code.ToUpperInvariant()}";

    public static string RegionCode(string regionCode) => $"R-{regionCode}";

    public static string UmaeCode(string unitCode) => $"U-{unitCode}";

    /// <summary>Every committee of the catalogue, named in its institution's words (the profile's <c>CommitteeCentral</c>, <c>CommitteeRegion</c>, <c>CommitteeUmae</c>).</summary>
    public static IReadOnlyList<Committee> From(CatalogueSnapshot catalogue, InstitutionProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(profiles);
        string Name(Institution institution, string kind, string? of) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture,
                profiles.Find(institution)?.Word($"Committee{kind}", "es") ?? (of is null ? "Comité central ({0})" : "Comité de {0}"),
                of ?? profiles.Find(institution)?.Name ?? institution.Code);

        var central = catalogue.Regions.Select(r => r.Institution).Distinct()
            .Select(i => new Committee(CentralCode(i), i, CommitteeKind.Central, null, null, Name(i, "Central", null), null));
        var regions = catalogue.Regions
            .Select(r => new Committee(RegionCode(r.Code), r.Institution, CommitteeKind.Region, r.Code, null, Name(r.Institution, "Region", r.Name), null));
        var umaes = catalogue.Units.Where(u => u.Type == UnitType.Umae)
            .Select(u => new Committee(UmaeCode(u.Code), u.Institution, CommitteeKind.Umae, u.RegionCode, u.Code, Name(u.Institution, "Umae", u.Name), null));
        return [.. central, .. regions, .. umaes];
    }

    /// <summary>The code of the committee an escalation of a case at <paramref name="unit"/> to <paramref name="level"/> reaches; null for level 1 (the unit's director).</summary>
    public static string? For(int level, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return level switch
        {
            2 when unit.Type == UnitType.Umae => UmaeCode(unit.Code),
            2 => RegionCode(unit.RegionCode),
            >= 3 => CentralCode(unit.Institution),
            _ => null,
        };
    }
}
