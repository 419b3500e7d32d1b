using Dapper;
using Dashboard.Core.Storage;
using Dashboard.Data;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Copies SQLite's write-ahead log back into the database beside the writers. SQLite's own checkpoint runs inside
/// the commit that crosses its threshold, so one group of requests waits for the copy and its extra fsync; here it
/// happens every 100 ms on its own connection. PASSIVE never blocks a reader or a writer. The connections keep a high
/// automatic threshold (see <see cref="SqliteConnectionFactory"/>) in case this falls behind. While appends keep
/// coming, this cannot make SQLite start the log over, so under sustained load the log still grows to that threshold.
/// Once a second it also checks that the appender's file is still the database at its path, so a deleted data
/// folder is reported even while nothing is written (every commit checks it too, before it is acknowledged).
/// </summary>
public sealed class WalCheckpointService(ConnectionFactory connections, ILogger<WalCheckpointService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private const int TicksPerFileCheck = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        var tick = 0;
        string? failing = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (++tick % TicksPerFileCheck == 0)
                {
                    await connections.CheckDatabaseFileAsync(stoppingToken);
                }

                await using var connection = await connections.OpenAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: stoppingToken));
                if (failing is not null)
                {
                    logger.LogInformation("The database is writable again: background checkpoints resumed");
                    failing = null;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One line when the trouble starts (or changes), not ten a second while it lasts.
                var problem = StorageFaults.Describe(ex)?.Reason ?? ex.Message;
                if (problem != failing)
                {
                    if (ex is StorageUnavailableException)
                    {
                        logger.LogError("{Problem}. Writes are answered 503 until then", problem);
                    }
                    else
                    {
                        logger.LogWarning("WAL checkpoint failed: {Problem}; SQLite's own checkpoint still bounds the log", problem);
                    }

                    failing = problem;
                }
            }
        }
    }
}
