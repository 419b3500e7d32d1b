using Dashboard.Core.Catalogue;
using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Indicators;

/// <summary>
/// The demo's attention volumes, so its complaint charts show both readings: every unit of the director's OOAD
/// (Jalisco) and of the first Red gets its volumes, so those regions chart rates per 10,000 attentions; in every other
/// region only every second unit does, so those units chart rates and their regions count complaints and say which
/// volumes are missing. Three years of months up to the current one, from each unit's size, with a little seasonal
/// and random movement (deterministic). Nothing is written when volumes are already loaded.
/// </summary>
public static class DemoVolumes
{
    public const int Months = 36;

    /// <summary>Attentions a month per unit of size.</summary>
    private const int PerSize = 1_200;

    public static async Task SeedAsync(IAttentionVolumeStore store, CatalogueSnapshot catalogue, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogue);
        var last = new DateOnly(now.Year, now.Month, 1);
        var first = last.AddMonths(-(Months - 1));
        if ((await store.ReadAsync(first, last, ReadScope.All, cancellationToken: cancellationToken)).Count > 0)
        {
            return;
        }

        var whole = new HashSet<string>(StringComparer.Ordinal) { "IMSS-JAL" };
        if (catalogue.Regions.Where(r => r.Institution == Institution.EsSalud).OrderBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault() is { } red)
        {
            whole.Add(red.Code);
        }

        var volumes = new List<AttentionVolume>();
        foreach (var region in catalogue.Units.GroupBy(u => u.RegionCode, StringComparer.Ordinal))
        {
            var units = region.OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();
            for (var i = 0; i < units.Length; i++)
            {
                if (!whole.Contains(region.Key) && i % 2 == 1)
                {
                    continue;
                }

                var random = new Random(Simulation.DemoHash.Of(units[i].Code));
                for (var month = first; month <= last; month = month.AddMonths(1))
                {
                    // Fewer attentions in December and the summer holidays, a few percent either way from month to month.
                    var season = month.Month switch { 12 => 0.85, 7 or 8 => 0.92, _ => 1.0 };
                    var attentions = (int)(Math.Max(1, units[i].Size) * PerSize * season * (0.95 + random.NextDouble() * 0.1));
                    volumes.Add(new AttentionVolume(units[i].Code, month, attentions));
                }
            }
        }

        await store.SaveAsync(volumes, "demo", now, cancellationToken);
    }
}
