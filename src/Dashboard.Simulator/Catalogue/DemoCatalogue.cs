using Dashboard.Core.Catalogue;

namespace Dashboard.Simulator.Catalogue;

/// <summary>
/// A made-up but plausible catalogue of IMSS (Mexico) and EsSalud (Peru) places and people for demos and load tests.
/// Institutions and places are real; every person's name is generated.
/// </summary>
public static class DemoCatalogue
{
    /// <summary>Deterministic for a seed: same seed, same catalogue.</summary>
    public static CatalogueSnapshot Build(int seed = 2026)
    {
        // A single Random consumed in a fixed order (IMSS first, then EsSalud) is what makes the output repeatable.
        var builder = new CatalogueBuilder(new Random(seed));
        ImssDemoCatalogue.AddTo(builder);
        EsSaludDemoCatalogue.AddTo(builder);
        return builder.ToSnapshot();
    }
}

/// <summary>Collects the catalogue in build order and guarantees every code and id is unique across it.</summary>
internal sealed class CatalogueBuilder(Random random)
{
    private readonly List<Region> _regions = [];
    private readonly List<Unit> _units = [];
    private readonly List<Module> _modules = [];
    private readonly List<Agent> _agents = [];
    private readonly HashSet<string> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _agentNames = new(StringComparer.Ordinal);

    public Random Random { get; } = random;

    public void Add(Region region)
    {
        Claim(region.Code);
        _regions.Add(region);
    }

    public void Add(Unit unit)
    {
        Claim(unit.Code);
        _units.Add(unit);
    }

    /// <summary>
    /// Adds <paramref name="moduleCount"/> modules to the unit, each staffed with
    /// <paramref name="minAgents"/>..<paramref name="maxAgents"/> generated agents.
    /// </summary>
    public void Staff(
        Unit unit,
        int moduleCount,
        string moduleName,
        int minAgents,
        int maxAgents,
        NamePool names,
        string agentIdPrefix)
    {
        for (var m = 1; m <= moduleCount; m++)
        {
            var module = new Module(FormattableString.Invariant($"MOD-{unit.Code}-{m}"), unit.Code, $"{moduleName} {m}");
            Claim(module.Code);
            _modules.Add(module);

            var agentCount = Random.Next(minAgents, maxAgents + 1);
            for (var a = 0; a < agentCount; a++)
            {
                _agents.Add(new Agent(NewAgentId(agentIdPrefix), unit.Code, module.Code, names.Draw(Random, _agentNames)));
            }
        }
    }

    public CatalogueSnapshot ToSnapshot() =>
        new(_regions.ToArray(), _units.ToArray(), _modules.ToArray(), _agents.ToArray());

    private string NewAgentId(string prefix)
    {
        // Random six-digit numbers look like staff numbers; retrying keeps them unique.
        while (true)
        {
            var id = FormattableString.Invariant($"{prefix}-{Random.Next(100_000, 1_000_000)}");
            if (_codes.Add(id))
            {
                return id;
            }
        }
    }

    private void Claim(string code)
    {
        if (!_codes.Add(code))
        {
            throw new InvalidOperationException($"Duplicate code in demo catalogue: {code}");
        }
    }
}
