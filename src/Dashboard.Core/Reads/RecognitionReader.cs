using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>The recognition wall: compliments by técnica and the newest ones.</summary>
public interface IRecognitionReader
{
    /// <summary>Compliments since <paramref name="since"/> per técnica and unit, and the newest ones.</summary>
    Task<(IReadOnlyList<ComplimentCount> ByAgent, IReadOnlyList<ComplimentEntry> Latest)> ReadComplimentsAsync(ReadScope scope, DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}

/// <summary>Compliments for one técnica (agent) of one unit; a compliment registered without a técnica has a null agent.</summary>
public sealed record ComplimentCount(string UnitCode, string? AgentId, int Compliments, DateTimeOffset LastAt);

/// <summary>One compliment as the recognition wall shows it: who and where, never the insured person's words.</summary>
public sealed record ComplimentEntry(string CaseId, string UnitCode, string? AgentId, DateTimeOffset OpenedAt);
