using System.Collections.Frozen;

namespace Dashboard.Core.Catalogue;

/// <summary>An immutable, fast lookup over a catalogue snapshot; replaced whole when the catalogue changes.</summary>
public sealed class CatalogueIndex
{
    private readonly FrozenDictionary<string, Unit> _units;
    private readonly FrozenDictionary<string, Region> _regions;
    private readonly FrozenDictionary<string, Agent> _agents;

    public CatalogueIndex(CatalogueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        _units = snapshot.Units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
        _regions = snapshot.Regions.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        // A técnica listed twice (two imports' overlap) counts once: the last one read wins.
        _agents = snapshot.Agents.GroupBy(a => a.Id, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public static CatalogueIndex Empty { get; } = new(new CatalogueSnapshot([], [], [], []));

    public CatalogueSnapshot Snapshot { get; }

    public Unit? FindUnit(string code) => _units.GetValueOrDefault(code);

    public Region? FindRegion(string code) => _regions.GetValueOrDefault(code);

    /// <summary>A técnica of the catalogue by her id.</summary>
    public Agent? FindAgent(string id) => _agents.GetValueOrDefault(id);

    /// <summary>The region a unit belongs to (scope checks take it as a function).</summary>
    public string? RegionOfUnit(string unitCode) => FindUnit(unitCode)?.RegionCode;

    /// <summary>The institution a region belongs to, as stored and as an institution scope names it.</summary>
    public string? InstitutionOfRegion(string regionCode) => FindRegion(regionCode)?.Institution.ToString();
}
