using System.Collections.Concurrent;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Recognition;

/// <summary>
/// The recognition slide's numbers, read once a minute per scope and period for every wall that shows them (as
/// <see cref="Wall.WallBoard"/> does for the live slides): fifty TVs of one OOAD rotating to the slide cost one read.
/// Compliments are a few a day per unit; a minute late is on time for a wall of thanks.
/// </summary>
public sealed class RecognitionWallCache(IRecognitionReader reader, TimeProvider time)
{
    public const int People = 6;

    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(ReadScope Scope, DateTimeOffset From, DateTimeOffset To, bool AgentsOnly), (DateTimeOffset At, Task<RecognitionBoard> Board)> _boards = new();

    public Task<RecognitionBoard> ReadAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, bool agentsOnly)
    {
        var key = (scope, from, to, agentsOnly);
        var now = time.GetUtcNow();
        if (_boards.TryGetValue(key, out var entry) && now - entry.At < Fresh && !entry.Board.IsFaulted && !entry.Board.IsCanceled)
        {
            return entry.Board;
        }

        var read = reader.ReadRecognitionAsync(scope, from, to, People, agentsOnly);
        _boards[key] = (now, read);
        // Yesterday's periods and scopes no wall shows any more go.
        foreach (var stale in _boards.Where(b => now - b.Value.At > 10 * Fresh).Select(b => b.Key).ToArray())
        {
            _boards.TryRemove(stale, out _);
        }

        return read;
    }
}
