using System.Collections.Frozen;
using Dashboard.Core.Catalogue;

namespace Dashboard.Core.Profiles;

/// <summary>
/// The institution profiles a deployment runs with. One set serves the whole process, like its catalogue: the host loads
/// it at start from <c>Profiles:Path</c> (the shipped IMSS and EsSalud folders by default) and swaps it whole when an
/// administrator applies a change, so every reader sees one consistent set.
/// </summary>
public sealed class InstitutionProfiles
{
    /// <summary>The folder the shipped profiles are copied to beside every program.</summary>
    public static readonly string ShippedFolder = Path.Combine(AppContext.BaseDirectory, "profiles");

    private static readonly Lazy<InstitutionProfiles> Shipped = new(() => ProfileLoader.Load(ShippedFolder).OrThrow());
    private static volatile InstitutionProfiles? _current;

    private readonly FrozenDictionary<string, InstitutionProfile> _byCode;

    public InstitutionProfiles(IReadOnlyList<InstitutionProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        All = profiles;
        Institutions = profiles.Select(p => p.Institution).ToArray();
        _byCode = profiles.ToFrozenDictionary(p => p.Institution.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The profiles in use: the ones last applied, else the shipped ones.</summary>
    public static InstitutionProfiles Current => _current ?? Shipped.Value;

    /// <summary>Puts <paramref name="profiles"/> in use for every reader from now on (deadlines already set keep theirs).</summary>
    public static void Use(InstitutionProfiles profiles) => _current = profiles ?? throw new ArgumentNullException(nameof(profiles));

    public IReadOnlyList<InstitutionProfile> All { get; }

    /// <summary>Every institution, in folder order.</summary>
    public IReadOnlyList<Institution> Institutions { get; }

    public InstitutionProfile this[Institution institution] =>
        Find(institution) ?? throw new KeyNotFoundException($"no profile for institution '{institution}'");

    public InstitutionProfile? Find(Institution institution) => _byCode.GetValueOrDefault(institution.Code);

    /// <summary>Where an institution comes in lists (its profile's place), unknown ones last.</summary>
    public int PositionOf(Institution institution)
    {
        for (var i = 0; i < Institutions.Count; i++)
        {
            if (Institutions[i] == institution)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The institution a text names (its code, any case: "IMSS", "essalud"), or null when no profile has it.</summary>
    public Institution? Resolve(string? code) =>
        code is not null && _byCode.TryGetValue(code, out var profile) ? profile.Institution : null;
}
