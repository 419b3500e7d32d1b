using Dashboard.Core.Catalogue;
using Dashboard.Core.Imports;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Indicators;

/// <summary>How many attentions a unit gave in a month (<see cref="Month"/> is its first day): the denominator of a complaint rate.</summary>
public sealed record AttentionVolume(string UnitCode, DateOnly Month, int Attentions);

/// <summary>A stored volume with the place it belongs to and who loaded it when.</summary>
public sealed record StoredAttentionVolume(AttentionVolume Volume, string RegionCode, string Institution, DateTimeOffset ImportedAt, string ImportedBy);

/// <summary>A problem with one volume of a batch: its position (0-based), the field as the contract names it, and why.</summary>
public sealed record AttentionVolumeError(int Index, string Field, ImportText Text)
{
    public string Message => Text.English;
}

/// <summary>Attention volumes per unit and month; a unit's month imported again replaces the one it had.</summary>
public interface IAttentionVolumeStore
{
    /// <summary>Stores every volume in one transaction (all or none), with who imported them and when.</summary>
    Task SaveAsync(IReadOnlyList<AttentionVolume> volumes, string importedBy, DateTimeOffset importedAt, CancellationToken cancellationToken = default);

    /// <summary>The volumes of the months <paramref name="from"/> to <paramref name="to"/> (any day of each) within the scope, narrowed by region and unit.</summary>
    Task<IReadOnlyList<StoredAttentionVolume>> ReadAsync(DateOnly from, DateOnly to, ReadScope scope, string? regionCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// The rules a batch of volumes must meet before anything is stored: a unit of the catalogue within the writer's
/// scope, a real month, attentions from 0 up, and one volume per unit and month.
/// </summary>
public static class AttentionVolumeRules
{
    /// <summary>More attentions than any unit gives in a month: a typo, not a volume.</summary>
    public const int MaxAttentions = 10_000_000;

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Every problem of the batch; empty when all of it may be stored.</summary>
    public static IReadOnlyList<AttentionVolumeError> Validate(IReadOnlyList<AttentionVolume> volumes, CatalogueIndex catalogue, ReadScope writer)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(writer);
        var errors = new List<AttentionVolumeError>();
        var seen = new Dictionary<(string, DateOnly), int>();
        for (var i = 0; i < volumes.Count; i++)
        {
            var v = volumes[i];
            var unit = string.IsNullOrEmpty(v.UnitCode) ? null : catalogue.FindUnit(v.UnitCode);
            if (unit is null || !writer.Allows(unit.RegionCode, unit.Code, catalogue.InstitutionOfRegion))
            {
                // Outside the scope reads as not existing: a key of one region learns nothing of another's units.
                errors.Add(new(i, "unitCode", string.IsNullOrEmpty(v.UnitCode) ? ImportTexts.Required() : ImportTexts.NotAUnit(v.UnitCode)));
            }

            if (v.Month.Year is < MinYear or > MaxYear || v.Month.Day != 1)
            {
                errors.Add(new(i, "month", ImportTexts.MonthBetween(MinYear, MaxYear)));
            }

            if (v.Attentions is < 0 or > MaxAttentions)
            {
                errors.Add(new(i, "attentions", ImportTexts.Between(0, MaxAttentions)));
            }

            if (unit is not null)
            {
                if (seen.TryGetValue((unit.Code, v.Month), out var first))
                {
                    errors.Add(new(i, "month", ImportTexts.VolumeTwice(v.UnitCode, v.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), first + 1)));
                }
                else
                {
                    seen[(unit.Code, v.Month)] = i;
                }
            }
        }

        return errors;
    }
}

/// <summary>What a chart of complaints counts: a rate per 10,000 attentions, or complaints.</summary>
public enum ComplaintMeasure
{
    Rate,
    Count,
}

/// <summary>Why a chart counts complaints instead of giving a rate.</summary>
public enum CountReason
{
    /// <summary>Counts were asked for.</summary>
    Chosen,

    /// <summary>Volumes are monthly: a week's attentions are not known.</summary>
    Weeks,

    /// <summary>Some unit of the scope has no volume for some month the chart covers (<see cref="ComplaintSeries.MissingMonth"/>).</summary>
    MissingVolumes,

    /// <summary>The scope's units together gave no attention in a period (<see cref="ComplaintSeries.MissingMonth"/>): no rate to divide.</summary>
    NoAttentions,

    /// <summary>The scope has no unit.</summary>
    NoUnits,
}

/// <summary>
/// The series a control chart is drawn on: complaints per 10,000 attentions when <see cref="Measure"/> is
/// <see cref="ComplaintMeasure.Rate"/> (<see cref="Attentions"/> then holds each period's attentions), else the
/// complaints themselves and why (<see cref="Reason"/>): for <see cref="CountReason.MissingVolumes"/> the latest month
/// lacking volumes, how many units lack it, and how many months lack some.
/// </summary>
public sealed record ComplaintSeries(ComplaintMeasure Measure, IReadOnlyList<double> Values, IReadOnlyList<long>? Attentions, CountReason? Reason,
    DateOnly? MissingMonth = null, int MissingUnits = 0, int MissingMonths = 0)
{
    public bool IsRate => Measure == ComplaintMeasure.Rate;
}

/// <summary>
/// Complaint rates per 10,000 attentions, as Making Data Count charts rates: for a scope (a set of units), a period's
/// rate is the scope's complaints over the attentions of all its units, × 10,000 (pooled, not an average of the units'
/// rates). A rate is given only when every unit of the scope has a volume for every month of every period of the chart;
/// otherwise the chart counts complaints and says what is missing. Weeks stay counts: volumes are monthly, and
/// apportioning a month's attentions over its days would invent a denominator.
/// </summary>
public static class ComplaintRates
{
    public const double Per = 10_000;

    public static ComplaintSeries Compute(Period period, IReadOnlyList<PeriodCount> periods, IReadOnlyCollection<string> units,
        IReadOnlyDictionary<(string Unit, DateOnly Month), int> attentions, ComplaintMeasure wanted = ComplaintMeasure.Rate)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(attentions);
        var counts = periods.Select(p => (double)p.Count).ToArray();
        ComplaintSeries Counts(CountReason reason, DateOnly? month = null, int missingUnits = 0, int missingMonths = 0) =>
            new(ComplaintMeasure.Count, counts, null, reason, month, missingUnits, missingMonths);

        if (wanted == ComplaintMeasure.Count)
        {
            return Counts(CountReason.Chosen);
        }

        if (period == Period.Week)
        {
            return Counts(CountReason.Weeks);
        }

        if (units.Count == 0)
        {
            return Counts(CountReason.NoUnits);
        }

        var totals = new long[periods.Count];
        DateOnly? latestMissing = null;
        var missingUnitsThen = 0;
        var monthsMissing = 0;
        for (var i = 0; i < periods.Count; i++)
        {
            for (var month = new DateOnly(periods[i].Start.Year, periods[i].Start.Month, 1); month <= periods[i].End; month = month.AddMonths(1))
            {
                var missing = 0;
                foreach (var unit in units)
                {
                    if (attentions.TryGetValue((unit, month), out var n))
                    {
                        totals[i] += n;
                    }
                    else
                    {
                        missing++;
                    }
                }

                if (missing > 0)
                {
                    monthsMissing++;
                    if (latestMissing is null || month > latestMissing)
                    {
                        (latestMissing, missingUnitsThen) = (month, missing);
                    }
                }
            }
        }

        if (latestMissing is { } lacking)
        {
            return Counts(CountReason.MissingVolumes, lacking, missingUnitsThen, monthsMissing);
        }

        if (Array.FindLastIndex(totals, t => t == 0) is var empty and >= 0)
        {
            return Counts(CountReason.NoAttentions, periods[empty].Start);
        }

        return new ComplaintSeries(ComplaintMeasure.Rate, periods.Select((p, i) => p.Count * Per / totals[i]).ToArray(), totals, null);
    }
}
