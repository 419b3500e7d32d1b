using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data;

/// <summary>Opens a pooled connection per call; stores are singletons and hold no connection.</summary>
public abstract class ConnectionFactory(string connectionString)
{
    protected string ConnectionString { get; } = connectionString;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>How this provider writes many rows of one statement fastest.</summary>
    public abstract BatchWriter BatchWriter { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>The event log's single appender: a connection that keeps the pages it updates cached between its commits.</summary>
    public virtual Task<DbConnection> OpenForAppendAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    public static ConnectionFactory Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionFactory(connectionString),
        DatabaseProvider.SqlServer => new SqlServerConnectionFactory(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

public sealed class SqliteConnectionFactory(string connectionString) : ConnectionFactory(connectionString)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override BatchWriter BatchWriter { get; } = new SqliteBatchWriter();

    // In WAL mode a connection empties its page cache before a read whenever another connection has committed since
    // its last one, so under ingestion a big cache does not make reads cheaper: the wall board's scans of the cases
    // table refilled up to 32 MB per read, four times a second, and the freed pages piled up in the native allocator.
    // Reads keep SQLite's default 2 MB; the appender keeps 32 MB, so the indexes it updates stay in memory.
    private const int ReadCacheKib = 2000;
    private const int AppendCacheKib = 32768;

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(ReadCacheKib, cancellationToken);

    public override Task<DbConnection> OpenForAppendAsync(CancellationToken cancellationToken = default) => OpenAsync(AppendCacheKib, cancellationToken);

    private async Task<DbConnection> OpenAsync(int cacheKib, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();
        // synchronous=FULL: an acknowledged event survives a power cut, not only a crash.
        // busy_timeout: writers queue for the one write lock instead of failing at once.
        pragmas.CommandText = $"PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -{cacheKib};";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}

public sealed class SqlServerConnectionFactory(string connectionString) : ConnectionFactory(connectionString)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override BatchWriter BatchWriter { get; } = new DbCommandBatchWriter();

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
