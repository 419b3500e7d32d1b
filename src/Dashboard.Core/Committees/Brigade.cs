using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Committees;

/// <summary>
/// A brigade: directors who visit a unit on a day to analyse the causes of mistreatment, the areas they walked, and
/// what they found. It feeds the unit's page, the committee's agenda (findings not yet acted on) and the quarterly report.
/// </summary>
public sealed record Brigade(
    Guid Id,
    Institution Institution,
    string RegionCode,
    string UnitCode,
    DateOnly VisitedOn,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Areas,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public IReadOnlyList<BrigadeFinding> Findings { get; init; } = [];
}

/// <summary>A finding by cause of mistreatment: the category and the staff role it concerns; it may become an agreement.</summary>
public sealed record BrigadeFinding(Guid Id, Guid BrigadeId, string Category, string? StaffRole, string Text, Guid? AgreementId);

/// <summary>What a brigade's record must hold.</summary>
public static class BrigadeRules
{
    public const int MaxFindingLength = 1000;
    public const int MaxListLength = 2000;

    /// <summary>Null when the brigade may be recorded, else why not (a code for the page's words).</summary>
    public static string? WhyNot(DateOnly visitedOn, DateOnly today, IReadOnlyList<string> members, IReadOnlyList<string> areas, IReadOnlyList<BrigadeFinding> findings,
        Func<string, bool> isCategory, Func<string, bool> isStaffRole)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(isCategory);
        ArgumentNullException.ThrowIfNull(isStaffRole);
        return visitedOn > today ? "BrigadeInFuture"
            : members.Count == 0 ? "BrigadeMembersRequired"
            : areas.Count == 0 ? "BrigadeAreasRequired"
            : string.Join('\n', members).Length > MaxListLength || string.Join('\n', areas).Length > MaxListLength ? "BrigadeListTooLong"
            : findings.Any(f => string.IsNullOrWhiteSpace(f.Text) || f.Text.Length > MaxFindingLength) ? "FindingTextRequired"
            : findings.Any(f => !isCategory(f.Category)) ? "FindingCategoryUnknown"
            : findings.Any(f => f.StaffRole is { } role && !isStaffRole(role)) ? "FindingStaffRoleUnknown"
            : null;
    }

    /// <summary>A typed list (one per line or comma), trimmed, without blanks or repeats.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.CurrentCultureIgnoreCase)];
}

/// <summary>Brigades and their findings; reads filter by the caller's scope in SQL.</summary>
public interface IBrigadeStore
{
    /// <summary>The brigade and its findings, together.</summary>
    Task InsertAsync(Brigade brigade, CancellationToken cancellationToken = default);

    Task<Brigade?> ReadByIdAsync(Guid id, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>A scope's brigades visited within the dates, newest first, with their findings.</summary>
    Task<IReadOnlyList<Brigade>> ReadAsync(ReadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>A scope's findings not yet turned into an agreement, with their brigade, oldest visit first (capped).</summary>
    Task<IReadOnlyList<(Brigade Brigade, BrigadeFinding Finding)>> ReadOpenFindingsAsync(ReadScope scope, int max, CancellationToken cancellationToken = default);

    /// <summary>The findings an agreement was made from.</summary>
    Task<IReadOnlyList<BrigadeFinding>> ReadByAgreementAsync(Guid agreementId, CancellationToken cancellationToken = default);
}
