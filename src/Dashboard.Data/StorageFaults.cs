using Dashboard.Core.Storage;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data;

/// <summary>What a storage failure means to a client: which exceptions say "the database cannot take this now".</summary>
public static class StorageFaults
{
    /// <summary>A storage fault's one-line explanation and when a retry makes sense; null for any other exception.</summary>
    public static (string Reason, TimeSpan RetryAfter)? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageUnavailableException lost:
                    return (lost.Message, TimeSpan.FromSeconds(30));
                case SqliteException sqlite when Sqlite(sqlite.SqliteErrorCode) is { } reason:
                    return (reason, sqlite.SqliteErrorCode is Busy or Locked ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(30));
                case SqlException sql when sql.Class >= 20 || SqlServerTransient.Contains(sql.Number):
                    return ($"SQL Server is unavailable (error {sql.Number})", TimeSpan.FromSeconds(5));
            }
        }

        return null;
    }

    private const int Busy = 5;
    private const int Locked = 6;

    /// <summary>SQLite's primary result codes that describe the file or the machine, never the statement.</summary>
    private static string? Sqlite(int code) => code switch
    {
        Busy or Locked => "the database is busy",
        7 => "the database ran out of memory",
        8 => "the database file is read-only",
        10 => "the database file could not be read or written (I/O error)",
        11 or 26 => "the database file is damaged or is not a database",
        13 => "the disk holding the database is full",
        14 => "the database file cannot be opened",
        _ => null,
    };

    // Timeouts, deadlocks, failover, a full log or file group, a database not yet available: worth a retry.
    private static readonly HashSet<int> SqlServerTransient = [-2, 20, 64, 233, 1105, 1205, 1222, 4060, 9002, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920];
}
