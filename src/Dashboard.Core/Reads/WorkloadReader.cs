using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>A unit's técnicas and their open cases.</summary>
public interface IWorkloadReader
{
    /// <summary>Open cases per técnica of one unit within the scope (empty outside it).</summary>
    Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default);
}

/// <summary>One técnica's open cases in a unit (null agent: cases nobody has taken yet).</summary>
public sealed record AgentWorkload(string? AgentId, int OpenCases, int Overdue, int AtRisk);
