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

    public override string ToString() => Level == ScopeLevel.All ? "all" : $"{Level.ToString().ToLowerInvariant()}:{Code}";
}
