using Dashboard.Core.Catalogue;

namespace Dashboard.Core.Committees;

/// <summary>
/// Where a Trato Digno committee sits: one central committee per institution, one per OOAD (EsSalud: per Red), and one
/// per UMAE — beside the OOAD ones, not under them.
/// </summary>
public enum CommitteeKind
{
    Central,
    Region,
    Umae,
}

/// <summary>A member's part in her committee.</summary>
public enum CommitteeRole
{
    President,
    TechnicalSecretary,
    Member,
}

/// <summary>
/// A committee: its code (<c>C-IMSS</c>, <c>R-IMSS-JAL</c>, <c>U-UMAE-JAL-01</c>), what it covers, its name and the
/// address the escalation ladder alerts at its level.
/// </summary>
public sealed record Committee(
    string Code,
    Institution Institution,
    CommitteeKind Kind,
    string? RegionCode,
    string? UnitCode,
    string Name,
    string? Email)
{
    /// <summary>The escalation level that reaches it: 3 for a central committee, 2 for the others.</summary>
    public int Level => Kind == CommitteeKind.Central ? 3 : 2;
}

/// <summary>A user in a committee, with her part in it.</summary>
public sealed record CommitteeMember(string CommitteeCode, Guid UserId, string UserName, string DisplayName, CommitteeRole Role);
