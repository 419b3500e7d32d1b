using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Core.Surveys;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;

namespace Dashboard.Web.Surveys;

/// <summary>One hospital's place in a round: its result, or none (a gap in the coverage).</summary>
public sealed record HospitalSurvey(Unit Unit, SurveyResult? Result);

/// <summary>
/// A round within a scope: every hospital of the scope with its result or none. Coverage is the share of hospitals
/// with a result (the goal is 100 %).
/// </summary>
public sealed record SurveyRoundView(SurveyRound Round, IReadOnlyList<HospitalSurvey> Hospitals)
{
    /// <summary>The answers per question of the reporting hospitals pooled, per institution of the scope (empty when none were imported).</summary>
    public IReadOnlyList<QuestionDistribution> Questions { get; init; } = [];

    public IEnumerable<HospitalSurvey> Reported => Hospitals.Where(h => h.Result is not null);

    public IEnumerable<Unit> Missing => Hospitals.Where(h => h.Result is null).Select(h => h.Unit);

    public int ReportedCount => Hospitals.Count(h => h.Result is not null);

    /// <summary>Share of the scope's hospitals with a result, 0..1; null when the scope has no hospital.</summary>
    public double? Coverage => Hospitals.Count == 0 ? null : (double)ReportedCount / Hospitals.Count;

    /// <summary>All the answers of the round pooled: the scope's own satisfaction figure.</summary>
    public Proportion Satisfaction => Proportion.Wilson(Reported.Sum(h => h.Result!.Satisfied), Reported.Sum(h => h.Result!.Respondents));

    public Proportion DignifiedTreatment => Proportion.Wilson(Reported.Sum(h => h.Result!.TratoDigno), Reported.Sum(h => h.Result!.Respondents));
}

/// <summary>What a trend line follows: a hospital, an OOAD/Red, or an institution.</summary>
public enum TrendLevel
{
    Hospital,
    Region,
    Institution,
}

/// <summary>Satisfaction of one hospital, region or institution over the last rounds (answers pooled); null where it had no result.</summary>
public sealed record SurveyTrend(TrendLevel Level, string Code, string Name, IReadOnlyList<Proportion?> Points);

/// <summary>
/// Perception surveys: importing results (all or nothing, checked against the catalogue and the writer's scope), a
/// round's coverage and results within a scope, and the trend per hospital, region and institution.
/// </summary>
public sealed class SurveyService(ISurveyStore store, CatalogueService catalogue, AuditTrail audit, TimeProvider time)
{
    /// <summary>How many rounds the trend shows: a year of bimesters.</summary>
    public const int TrendRounds = 6;

    /// <summary>The bimester under way today (UTC date; a day's difference at a bimester's edge does not matter here).</summary>
    public SurveyRound CurrentRound => SurveyRound.Of(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    /// <summary>Checks and stores the results, written within <paramref name="who"/>'s scope; nothing is stored when any is wrong. Audited.</summary>
    public async Task<IReadOnlyList<SurveyError>> ImportAsync(IReadOnlyList<SurveyResult> results, ClaimsPrincipal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(who);
        var errors = SurveyRules.Validate(results, catalogue.Current, who.ReadScope() ?? ReadScope.Nothing, Questionnaire);
        if (errors.Count == 0)
        {
            await store.SaveAsync(results, cancellationToken);
        }

        await AuditAsync(who, results.Count, errors.Count, cancellationToken);
        return errors;
    }

    /// <summary>Reads a CSV file and stores its results only if every row is valid. Audited.</summary>
    public async Task<SurveyCsvResult> ImportCsvAsync(TextReader file, ClaimsPrincipal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var read = SurveyCsvReader.Read(file, catalogue.Current, who.ReadScope() ?? ReadScope.Nothing, Questionnaire);
        if (read.Results is { } results)
        {
            await store.SaveAsync(results, cancellationToken);
        }

        await AuditAsync(who, read.Results?.Count ?? 0, read.Errors.Count, cancellationToken);
        return read;
    }

    private Task AuditAsync(ClaimsPrincipal who, int results, int errors, CancellationToken cancellationToken) =>
        audit.RecordAsync(who, AuditAction.AdminChange, null, errors == 0 ? AuditOutcome.Success : AuditOutcome.Failed,
            errors == 0 ? $"survey results: {results} stored" : $"survey results: refused, {errors} problem(s), nothing stored", cancellationToken);

    /// <summary>The hospitals of the scope (narrowed by region and unit) with their result for the round.</summary>
    public async Task<SurveyRoundView> ReadRoundAsync(SurveyRound round, ReadScope scope, string? regionCode = null, string? unitCode = null,
        bool withAnswers = false, CancellationToken cancellationToken = default)
    {
        var results = (await store.ReadAsync(round, round, scope, regionCode, unitCode, withAnswers, cancellationToken)).ToDictionary(r => r.Result.UnitCode, r => r.Result);
        var hospitals = Hospitals(scope, regionCode, unitCode).Select(u => new HospitalSurvey(u, results.GetValueOrDefault(u.Code))).ToArray();
        var questions = hospitals.Where(h => h.Result is not null).GroupBy(h => h.Unit.Institution)
            .OrderBy(g => Core.Profiles.InstitutionProfiles.Current.PositionOf(g.Key))
            .SelectMany(g => SurveyDistribution.Of(g.Key.Code, Questionnaire(g.Key), g.Select(h => h.Result!)))
            .ToArray();
        return new SurveyRoundView(round, hospitals) { Questions = questions };
    }

    /// <summary>The institution's questions and answer scale, from its profile (none when its profile has no survey section).</summary>
    public static SurveyQuestionnaire Questionnaire(Institution institution) =>
        Core.Profiles.InstitutionProfiles.Current.Find(institution)?.Survey ?? SurveyQuestionnaire.None;

    /// <summary>Satisfaction over the <see cref="TrendRounds"/> rounds up to <paramref name="last"/>: the institution(s), the regions, then each hospital.</summary>
    public async Task<IReadOnlyList<SurveyTrend>> ReadTrendAsync(SurveyRound last, ReadScope scope, string? regionCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default)
    {
        var rounds = last.LastRounds(TrendRounds);
        var rows = await store.ReadAsync(rounds[0], last, scope, regionCode, unitCode, cancellationToken: cancellationToken);
        var index = catalogue.Current;

        SurveyTrend Line(TrendLevel level, string code, string name, IEnumerable<StoredSurveyResult> of)
        {
            var byRound = of.ToLookup(r => r.Result.Round);
            return new SurveyTrend(level, code, name, rounds.Select(round => byRound[round].Any()
                ? Proportion.Wilson(byRound[round].Sum(r => r.Result.Satisfied), byRound[round].Sum(r => r.Result.Respondents))
                : (Proportion?)null).ToArray());
        }

        // The institution's line only where the reader sees the whole institution: over one region it would repeat that
        // region's figure under the institution's name.
        var wholeInstitution = scope.Level is ScopeLevel.All or ScopeLevel.Institution && regionCode is null && unitCode is null;
        var institutions = !wholeInstitution ? [] : rows.GroupBy(r => r.Institution).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(TrendLevel.Institution, g.Key, g.Key, g));
        var regions = rows.GroupBy(r => r.RegionCode).Select(g => Line(TrendLevel.Region, g.Key, index.FindRegion(g.Key)?.Name ?? g.Key, g))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture);
        var units = rows.GroupBy(r => r.Result.UnitCode).Select(g => Line(TrendLevel.Hospital, g.Key, index.FindUnit(g.Key)?.Name ?? g.Key, g))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture);
        return [.. institutions, .. regions, .. units];
    }

    /// <summary>The hospitals the survey should reach in the scope, by name.</summary>
    public IReadOnlyList<Unit> Hospitals(ReadScope scope, string? regionCode = null, string? unitCode = null)
    {
        var index = catalogue.Current;
        return index.Snapshot.Units
            .Where(u => SurveyRules.IsHospital(u.Type) && scope.Allows(u.RegionCode, u.Code, index.InstitutionOfRegion)
                && (regionCode is null || u.RegionCode == regionCode) && (unitCode is null || u.Code == unitCode))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture).ToArray();
    }
}
