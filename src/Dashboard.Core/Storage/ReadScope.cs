namespace Dashboard.Core.Storage;

public enum ScopeLevel
{
    All,
    Institution,
    Region,
    Unit,
}

/// <summary>
/// What a caller may read: everything, one institution (its national view), one region, or one unit. Every query takes one and filters in SQL,
/// so no path (page, hub, API, export) can forget to filter afterwards.
/// </summary>
public sealed record ReadScope(ScopeLevel Level, string? Code)
{
    public static ReadScope All { get; } = new(ScopeLevel.All, null);

    /// <summary>Reads nothing: the scope of a caller who has none (no unit has an empty code).</summary>
    public static ReadScope Nothing { get; } = new(ScopeLevel.Unit, "");

    /// <summary>One institution's national scope; <paramref name="institution"/> is its name as stored (<c>Imss</c>, <c>EsSalud</c>).</summary>
    public static ReadScope ForInstitution(string institution) => new(ScopeLevel.Institution, institution);

    public static ReadScope ForRegion(string code) => new(ScopeLevel.Region, code);

    public static ReadScope ForUnit(string code) => new(ScopeLevel.Unit, code);

    public string? Institution => Level == ScopeLevel.Institution ? Code : null;

    public string? RegionCode => Level == ScopeLevel.Region ? Code : null;

    public string? UnitCode => Level == ScopeLevel.Unit ? Code : null;

    /// <summary>Whether an event or case of this region and unit is visible; <paramref name="institutionOfRegion"/> answers for an institution scope.</summary>
    public bool Allows(string regionCode, string unitCode, Func<string, string?> institutionOfRegion) => Level switch
    {
        ScopeLevel.All => true,
        ScopeLevel.Institution => string.Equals(Code, institutionOfRegion(regionCode), StringComparison.Ordinal),
        ScopeLevel.Region => string.Equals(Code, regionCode, StringComparison.Ordinal),
        ScopeLevel.Unit => string.Equals(Code, unitCode, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>"all", "institution:CODE" (a profile's code in any case: IMSS, ESSALUD), "region:CODE" or "unit:CODE"; null for anything else.</summary>
    public static ReadScope? Parse(string? value) => value switch
    {
        "all" => All,
        not null when value.StartsWith("institution:", StringComparison.Ordinal)
            && Profiles.InstitutionProfiles.Current.Resolve(value["institution:".Length..]) is { } institution => ForInstitution(institution.Code),
        not null when value.StartsWith("region:", StringComparison.Ordinal) && value.Length > "region:".Length => ForRegion(value["region:".Length..]),
        not null when value.StartsWith("unit:", StringComparison.Ordinal) && value.Length > "unit:".Length => ForUnit(value["unit:".Length..]),
        _ => null,
    };

    /// <summary>Whether everything <paramref name="requested"/> covers lies within this scope (a region holds its units).</summary>
    public bool Includes(ReadScope requested, Func<string, string?> regionOfUnit, Func<string, string?> institutionOfRegion)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(regionOfUnit);
        ArgumentNullException.ThrowIfNull(institutionOfRegion);
        var region = requested.Level switch
        {
            ScopeLevel.Region => requested.Code,
            ScopeLevel.Unit => regionOfUnit(requested.Code!),
            _ => null,
        };
        return Level == ScopeLevel.All
            || requested == this
            || (Level == ScopeLevel.Region && requested.Level == ScopeLevel.Unit && region == Code)
            || (Level == ScopeLevel.Institution && region is not null && institutionOfRegion(region) == Code);
    }

    public override string ToString() => Level switch
    {
        ScopeLevel.All => "all",
        ScopeLevel.Institution => $"institution:{Code!.ToUpperInvariant()}",
        _ => $"{Level.ToString().ToLowerInvariant()}:{Code}",
    };
}
