using System.Data.Common;
using Dashboard.Core.Storage;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Data;

/// <summary>Opens a pooled connection per call; stores are singletons and hold no connection.</summary>
public abstract class ConnectionFactory(string connectionString) : IAsyncDisposable
{
    protected string ConnectionString { get; } = connectionString;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>How this provider writes many rows of one statement fastest.</summary>
    public abstract BatchWriter BatchWriter { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Called after each commit on the appender's connection, before anyone is told the write is durable: throws
    /// <see cref="StorageUnavailableException"/> when what was committed would not be there after a restart.
    /// </summary>
    public virtual void EnsureCommittedToDatabaseFile(DbConnection writer)
    {
    }

    /// <summary>The same check on the appender's connection without writing: for a watchdog between appends.</summary>
    public virtual Task CheckDatabaseFileAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// The connection the event log is appended through, held by one appender at a time; dispose the lease to
    /// hand it on. A provider whose connections are interchangeable simply opens a pooled one.
    /// </summary>
    public virtual async Task<WriterLease> AcquireWriterAsync(CancellationToken cancellationToken = default) =>
        new(await OpenAsync(cancellationToken), static connection => connection.DisposeAsync());

    /// <summary>Several reads that must see one committed state, without holding up writers.</summary>
    public virtual async Task<DbTransaction> BeginReadSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public static ConnectionFactory Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionFactory(connectionString),
        DatabaseProvider.SqlServer => new SqlServerConnectionFactory(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

public sealed class SqliteConnectionFactory(string connectionString) : ConnectionFactory(WithoutCreate(connectionString))
{
    private readonly SemaphoreSlim _writerTurn = new(1, 1);
    private SqliteConnection? _writer;

    /// <summary>Why no connection is handed out any more; set once the database file is no longer the one opened.</summary>
    private volatile string? _lost;

    /// <summary>
    /// The migrator creates the file; afterwards a missing file is a fault to report, not a reason to start an empty
    /// database beside the lost one (SQLite's default mode creates it, and every read then failed on a missing table).
    /// </summary>
    private static string WithoutCreate(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate && !builder.DataSource.Equals(":memory:", StringComparison.Ordinal))
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The file SQLite has open may be deleted, moved or replaced under it (an operator's rm -rf, a restore over a
    /// running service): SQLite keeps writing to the unlinked file, commits succeed, and all of it is gone at the next
    /// start. SQLite's own SQLITE_FCNTL_HAS_MOVED compares the open file with what its path names now (one stat call).
    /// Once that happens nothing more is acknowledged: the service must be restarted on a restored database.
    /// </summary>
    public override void EnsureCommittedToDatabaseFile(DbConnection writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_lost is null && HasMoved((SqliteConnection)writer))
        {
            _lost = $"the database file {((SqliteConnection)writer).DataSource} was deleted, moved or replaced while Tablero was running; " +
                "nothing more is accepted until the service is restarted with its database in place";
        }

        ThrowIfLost();
    }

    public override async Task CheckDatabaseFileAsync(CancellationToken cancellationToken = default)
    {
        await using var writer = await AcquireWriterAsync(cancellationToken);
        EnsureCommittedToDatabaseFile(writer.Connection);
    }

    private void ThrowIfLost()
    {
        if (_lost is { } reason)
        {
            throw new StorageUnavailableException(reason);
        }
    }

    private static bool HasMoved(SqliteConnection connection)
    {
        var moved = 0;
        var result = NativeMethods.sqlite3_file_control(connection.Handle!.DangerousGetHandle(), MainDatabase, HasMovedOperation, ref moved);
        return result == raw.SQLITE_OK && moved != 0;
    }

    private const int HasMovedOperation = 20; // SQLITE_FCNTL_HAS_MOVED
    private static readonly byte[] MainDatabase = "main\0"u8.ToArray();

    /// <summary>SQLitePCLRaw does not expose sqlite3_file_control; the bundled library (e_sqlite3) exports it.</summary>
    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("e_sqlite3", CallingConvention = System.Runtime.InteropServices.CallingConvention.Cdecl)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_file_control(IntPtr db, byte[] databaseName, int operation, ref int value);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override BatchWriter BatchWriter { get; } = new SqliteBatchWriter();

    /// <summary>
    /// SQLite has one writer anyway, and a connection drops its whole page cache whenever another connection wrote
    /// in between. Appending always through the same connection keeps the indexes it walks in its cache; with pooled
    /// connections taking turns, each group re-read them from the file.
    /// </summary>
    public override async Task<WriterLease> AcquireWriterAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfLost();
        await _writerTurn.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not { State: System.Data.ConnectionState.Open })
            {
                if (_writer is not null)
                {
                    await _writer.DisposeAsync();
                }

                _writer = await OpenAsync(AppendCacheKib, cancellationToken);
            }
        }
        catch
        {
            _writerTurn.Release();
            throw;
        }

        return new WriterLease(_writer, _ =>
        {
            _writerTurn.Release();
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Deferred: Microsoft.Data.Sqlite begins IMMEDIATE by default, which takes the database's one write lock, so a
    /// wall's refresh would make the appender wait (and sleep in SQLite's busy handler). In WAL mode a deferred
    /// transaction reads one snapshot from its first read on and blocks nobody.
    /// </summary>
    public override Task<DbTransaction> BeginReadSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override async ValueTask DisposeAsync()
    {
        await _writerTurn.WaitAsync();
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }

        _writerTurn.Release();
        await base.DisposeAsync();
    }

    // A connection empties its page cache whenever another connection committed since its last transaction, so under
    // ingestion a big cache does not make reads cheaper: the wall board's scans refilled up to 32 MB per read, four
    // times a second, and the freed pages piled up in the native allocator (measured with 20 walls). Reads keep
    // SQLite's default 2 MB and fall back on the memory map; the one appender keeps 32 MB for the indexes it updates.
    private const int ReadCacheKib = 2000;
    private const int AppendCacheKib = 32768;

    /// <summary>The appender's settings, for measurements that must differ from it only in their work.</summary>
    public static string AppenderPragmas { get; } = Pragmas(AppendCacheKib);

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => await OpenAsync(ReadCacheKib, cancellationToken);

    private async Task<SqliteConnection> OpenAsync(int cacheKib, CancellationToken cancellationToken)
    {
        ThrowIfLost();
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas(cacheKib);
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static string Pragmas(int cacheKib) =>
        // synchronous=FULL: an acknowledged event survives a power cut, not only a crash.
        // busy_timeout: writers queue for the one write lock instead of failing at once.
        // wal_autocheckpoint: a long-running host checkpoints in the background (WalCheckpointService), so a commit
        // copies the log back itself only past 100,000 pages (400 MB) instead of SQLite's 1,000. Under a steady stream
        // of appends the log never starts over (SQLite restarts it only when an append begins with every page copied
        // back, and pages land during every background checkpoint), so it grows to this threshold, and the commit
        // that crosses it stalls its group (~70 ms). At 10,000 pages that happened about once a second under load:
        // the single-event p99 was ~50 ms; at 100,000 it is once in ~10 s, and p99 was 14-21 ms (benchmark `http`).
        // The cost: the -wal file stays at up to 400 MB after a burst.
        // mmap_size: pages outside the cache are read through the OS's memory map instead of copied in by a system call.
        $"PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -{cacheKib}; PRAGMA wal_autocheckpoint = 100000; PRAGMA mmap_size = 1073741824;";
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

/// <summary>The appenders' connection for one append; disposing it hands the connection on.</summary>
public sealed class WriterLease(DbConnection connection, Func<DbConnection, ValueTask> release) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public ValueTask DisposeAsync() => release(Connection);
}
