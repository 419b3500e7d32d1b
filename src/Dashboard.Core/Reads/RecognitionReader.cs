using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>
/// The recognition wall (Muro de Trato Digno): compliments counted for the person they praise, per unit and region,
/// over a period. A compliment that names nobody is counted as such, never for the técnica its case was assigned to.
/// </summary>
public interface IRecognitionReader
{
    /// <summary>
    /// Compliments opened in [from, to) within the scope: the <c>limit</c> people praised most, every unit's totals and
    /// the newest compliments. <c>agentsOnly</c>: only the técnicas of the catalogue (their day, 16 November, at IMSS).
    /// </summary>
    Task<RecognitionBoard> ReadRecognitionAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int limit, bool agentsOnly = false, CancellationToken cancellationToken = default);
}

/// <summary>One praised person at one unit: a técnica of the catalogue (<see cref="AgentId"/>) or a name and staff role.</summary>
public sealed record PraisedCount(string UnitCode, string RegionCode, string? AgentId, string? Name, string? Role, int Compliments, DateTimeOffset LastAt)
{
    public PraisedStaff Person => new(AgentId, AgentId is null ? Name : null, AgentId is null ? Role : null);
}

/// <summary>A unit's or a region's compliments in the period, and how many of them name nobody.</summary>
public sealed record ComplimentTotals(string Code, int Compliments, int Unidentified)
{
    public int Identified => Compliments - Unidentified;
}

/// <summary>One compliment as the wall shows it: whom and where, never the insured person's words; null praised when it names nobody.</summary>
public sealed record ComplimentEntry(string CaseId, string UnitCode, PraisedStaff? Praised, DateTimeOffset OpenedAt);

/// <summary>What the recognition wall reads for a scope and period.</summary>
public sealed record RecognitionBoard(
    IReadOnlyList<PraisedCount> People,
    IReadOnlyList<ComplimentTotals> Units,
    IReadOnlyList<ComplimentTotals> Regions,
    IReadOnlyList<ComplimentEntry> Latest)
{
    public static RecognitionBoard Empty { get; } = new([], [], [], []);

    public int Compliments => Units.Sum(u => u.Compliments);

    /// <summary>"Sin persona identificada": compliments that name nobody.</summary>
    public int Unidentified => Units.Sum(u => u.Unidentified);
}
