using Dapper;
using Dashboard.Data;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Copies SQLite's write-ahead log back into the database beside the writers. SQLite's own checkpoint runs inside
/// the commit that crosses its threshold, so one group of requests waits for the copy and its extra fsync; here it
/// happens every 100 ms on its own connection. PASSIVE never blocks a reader or a writer. The connections keep a high
/// automatic threshold (see <see cref="SqliteConnectionFactory"/>) in case this falls behind. While appends keep
/// coming, this cannot make SQLite start the log over, so under sustained load the log still grows to that threshold.
/// </summary>
public sealed class WalCheckpointService(ConnectionFactory connections, ILogger<WalCheckpointService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await connections.OpenAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "WAL checkpoint failed; SQLite's own checkpoint still bounds the log");
            }
        }
    }
}
