using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Committees;
using Dashboard.Core.Profiles;
using Dashboard.Web.Catalogue;

namespace Dashboard.Web.Committees;

/// <summary>A calendar quarter (1 to 4) of a year, as a committee reports on it: its days in the institution's zone.</summary>
public readonly record struct ReportQuarter(int Year, int Number)
{
    public const int FirstYear = 2020;
    public const int LastYear = 2100;

    public static bool IsValid(int year, int number) => year is >= FirstYear and <= LastYear && number is >= 1 and <= 4;

    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The quarter a day falls in.</summary>
    public static ReportQuarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>The quarter's first and the next quarter's first midnight in <paramref name="zone"/>, as instants: [From, To).</summary>
    public (DateTimeOffset From, DateTimeOffset To) Instants(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (Midnight(FirstDay, zone), Midnight(LastDay.AddDays(1), zone));
    }

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>A unit's figures of the quarter, with its name from the catalogue.</summary>
public sealed record ReportUnit(string UnitName, UnitIndicators Figures);

/// <summary>A case flagged with institutional impact in the quarter: its id, unit, category and the director's reason; never the insured person's data.</summary>
public sealed record ReportImpactCase(string CaseId, string UnitName, string CategoryName, string Reason, DateOnly FlaggedOn, CaseStatus Status, int EscalationLevel);

/// <summary>An agreement of the quarter with the names a reader needs; <see cref="OwnerName"/> is null when it is issued to every committee.</summary>
public sealed record ReportAgreement(Agreement Agreement, string CommitteeName, string? OwnerName, bool Overdue);

/// <summary>One line of a brigade: one per finding (a brigade without findings has one line without one).</summary>
public sealed record ReportBrigadeLine(Brigade Brigade, string UnitName, BrigadeFinding? Finding, string? CategoryName, string? StaffRoleName);

/// <summary>
/// A committee's quarterly report: what the minutes and the workbook show, read once. <see cref="Totals"/> adds up the
/// units' figures; <see cref="Institution"/> is the institution's full name for the printed header.
/// </summary>
public sealed record QuarterlyReportData(
    Committee Committee,
    string Institution,
    ReportQuarter Quarter,
    DateOnly MadeOn,
    IReadOnlyList<ReportUnit> Units,
    UnitIndicators Totals,
    IReadOnlyList<ReportImpactCase> Impact,
    IReadOnlyList<EscalationOutcome> Escalations,
    IReadOnlyList<ReportAgreement> Agreements,
    IReadOnlyList<ReportBrigadeLine> Brigades)
{
    /// <summary>A central committee's report: each OOAD/UMAE committee and where it stands with its agreements (empty for the others).</summary>
    public IReadOnlyList<(string CommitteeName, CommitteeAgreementCounts Counts)> Compliance { get; init; } = [];
}

/// <summary>
/// Gathers a committee's quarterly report over its own scope (<see cref="CommitteeAgenda.ScopeOf"/>), for the quarter's
/// days in the institution's zone: the indicators by unit, the cases flagged with institutional impact within it, the
/// escalations by level and where they stand, the agreements recorded or due within it (overdue marked as of now),
/// and the brigades that visited within it with their findings. Names come from the catalogue and the institution's
/// classification, in Spanish; no insured person's data is read.
/// </summary>
public sealed class QuarterlyReport(
    ICommitteeBoardReader board, IAgreementStore agreements, IBrigadeStore brigades, ICommitteeStore committees, AgreementService agreementNames,
    CatalogueService catalogue, TimeProvider time)
{
    /// <summary>More flagged cases than a committee could discuss; the report is not an export of every case.</summary>
    public const int MaxImpactCases = 2_000;

    public async Task<QuarterlyReportData> ReadAsync(Committee committee, ReportQuarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        if (!ReportQuarter.IsValid(quarter.Year, quarter.Number))
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "a quarter 1 to 4 of a year from 2020 to 2100");
        }

        var profile = InstitutionProfiles.Current.Find(committee.Institution);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile?.TimeZone ?? "UTC");
        var (from, to) = quarter.Instants(zone);
        var scope = CommitteeAgenda.ScopeOf(committee);
        var index = catalogue.Current;
        var classification = ClassificationCatalogue.For(committee.Institution);
        var now = time.GetUtcNow();
        string UnitName(string code) => index.FindUnit(code)?.Name ?? code;
        string CategoryName(string code) => classification.FindCategory(code)?.Es ?? code;

        var units = (await board.ReadUnitIndicatorsAsync(scope, from, to, cancellationToken))
            .Select(u => new ReportUnit(UnitName(u.UnitCode), u))
            .OrderBy(u => u.UnitName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("es-MX"), ignoreCase: true))
            .ToArray();
        var totals = new UnitIndicators("", units.Sum(u => u.Figures.Opened), units.Sum(u => u.Figures.Complaints), units.Sum(u => u.Figures.Mistreatment),
            units.Sum(u => u.Figures.Resolved), units.Sum(u => u.Figures.Open), units.Sum(u => u.Figures.ResolutionBreached), units.Sum(u => u.Figures.Escalated));

        // The reader also returns cases flagged earlier and still open (for an agenda); the report keeps the quarter's.
        var impact = (await board.ReadImpactCasesAsync(scope, from, to, MaxImpactCases, cancellationToken))
            .Where(c => c.FlaggedAt >= from && c.FlaggedAt < to)
            .OrderBy(c => c.FlaggedAt).ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Select(c => new ReportImpactCase(c.CaseId, UnitName(c.UnitCode), CategoryName(c.Category), c.Reason,
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.FlaggedAt, zone).DateTime), c.Status, c.EscalationLevel))
            .ToArray();

        var escalations = (await board.ReadEscalationOutcomesAsync(scope, from, to, cancellationToken)).OrderBy(e => e.Level).ThenBy(e => e.Status).ToArray();

        var names = (await committees.ReadAllAsync(scope, cancellationToken)).ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var agreed = (await agreements.ReadForPeriodAsync(scope, quarter.FirstDay, quarter.LastDay, cancellationToken))
            .Select(a => new ReportAgreement(a, names.GetValueOrDefault(a.CommitteeCode) ?? a.CommitteeCode,
                a.OwnerKind == AgreementOwnerKind.Committees ? null : agreementNames.OwnerName(a, ""), a.IsOverdue(now)))
            .ToArray();

        var visits = (await brigades.ReadAsync(scope, quarter.FirstDay, quarter.LastDay, cancellationToken))
            .OrderBy(b => b.VisitedOn)
            .SelectMany(b => b.Findings.Count == 0
                ? [new ReportBrigadeLine(b, UnitName(b.UnitCode), null, null, null)]
                : b.Findings.Select(f => new ReportBrigadeLine(b, UnitName(b.UnitCode), f, CategoryName(f.Category),
                    f.StaffRole is { } role ? classification.FindStaffRole(role)?.Es ?? role : null)))
            .ToArray();

        // Who has and has not complied, as the central committee's page shows it on the day the report is made.
        var compliance = committee.Kind != CommitteeKind.Central ? []
            : (await agreements.ReadCountsByCommitteeAsync(scope, now, cancellationToken)).Where(c => names.ContainsKey(c.CommitteeCode) && c.CommitteeCode != committee.Code)
                .Select(c => (names[c.CommitteeCode], c)).OrderBy(c => c.Item1, StringComparer.Ordinal).ToArray();

        return new QuarterlyReportData(committee, profile?.FullName ?? profile?.Name ?? committee.Institution.Code, quarter,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime), units, totals, impact, escalations, agreed, visits) { Compliance = compliance };
    }
}
