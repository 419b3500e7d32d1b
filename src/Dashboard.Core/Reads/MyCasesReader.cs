using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>A técnica's desk: the open cases assigned to her and the new ones nobody has taken yet, within her scope.</summary>
public interface IMyCasesReader
{
    /// <summary>The open cases (new, assigned, paused) assigned to <paramref name="agentId"/>, nearest deadline first, paused ones last; at most 200.</summary>
    Task<IReadOnlyList<CaseState>> ReadAssignedOpenAsync(string agentId, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>The new cases nobody has taken, oldest first; at most 200.</summary>
    Task<IReadOnlyList<CaseState>> ReadUnassignedNewAsync(ReadScope scope, CancellationToken cancellationToken = default);
}
