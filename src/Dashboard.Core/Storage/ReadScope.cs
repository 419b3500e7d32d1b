namespace Dashboard.Core.Storage;

public enum ScopeLevel
{
    All,
    Region,
    Unit,
}

/// <summary>
/// What a caller may read: everything, one region, or one unit. Every query takes one and filters in SQL,
/// so no path (page, hub, API, export) can forget to filter afterwards.
/// </summary>
public sealed record ReadScope(ScopeLevel Level, string? Code)
{
    public static ReadScope All { get; } = new(ScopeLevel.All, null);

    /// <summary>Reads nothing: the scope of a caller who has none (no unit has an empty code).</summary>
    public static ReadScope Nothing { get; } = new(ScopeLevel.Unit, "");

    public static ReadScope ForRegion(string code) => new(ScopeLevel.Region, code);

    public static ReadScope ForUnit(string code) => new(ScopeLevel.Unit, code);

    public string? RegionCode => Level == ScopeLevel.Region ? Code : null;

    public string? UnitCode => Level == ScopeLevel.Unit ? Code : null;

    public bool Allows(string regionCode, string unitCode) => Level switch
    {
        ScopeLevel.All => true,
        ScopeLevel.Region => string.Equals(Code, regionCode, StringComparison.Ordinal),
        ScopeLevel.Unit => string.Equals(Code, unitCode, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>"all", "region:CODE" or "unit:CODE"; null for anything else.</summary>
    public static ReadScope? Parse(string? value) => value switch
    {
        "all" => All,
        not null when value.StartsWith("region:", StringComparison.Ordinal) && value.Length > "region:".Length => ForRegion(value["region:".Length..]),
        not null when value.StartsWith("unit:", StringComparison.Ordinal) && value.Length > "unit:".Length => ForUnit(value["unit:".Length..]),
        _ => null,
    };

    /// <summary>Whether everything <paramref name="requested"/> covers lies within this scope (a region holds its units).</summary>
    public bool Includes(ReadScope requested, Func<string, string?> regionOfUnit)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(regionOfUnit);
        return Level == ScopeLevel.All
            || requested == this
            || (Level == ScopeLevel.Region && requested.Level == ScopeLevel.Unit && regionOfUnit(requested.Code!) == Code);
    }

    public override string ToString() => Level == ScopeLevel.All ? "all" : $"{Level.ToString().ToLowerInvariant()}:{Code}";
}
