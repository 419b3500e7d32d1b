using Dapper;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests;

public sealed class LogCheckpointTests
{
    [Fact]
    public async Task Sqlite_AppendsLeaveTheLogToTheBackgroundCheckpoint_WellPastTenThousandPages()
    {
        // Under steady appends SQLite never starts the log over, so the commit that crosses wal_autocheckpoint copies
        // the whole log back itself while its group waits (~50 ms, once a second at 10,000 pages). 12,000 pages of
        // appends must leave the database file as it was and everything in the log.
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withCatalogue: false);
        var file = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        var before = new FileInfo(file).Length;

        await using (var writer = await db.Connections.AcquireWriterAsync(ct))
        {
            await writer.Connection.ExecuteAsync("CREATE TABLE scratch (page BLOB NOT NULL)");
            for (var commit = 0; commit < 24; commit++)
            {
                // 500 rows that fill a 4 KB page each, committed as the appender commits.
                await using var transaction = await writer.Connection.BeginTransactionAsync(ct);
                await writer.Connection.ExecuteAsync(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO scratch (page) SELECT randomblob(4000) FROM n",
                    transaction: transaction);
                await transaction.CommitAsync(ct);
            }

            Assert.Equal(before, new FileInfo(file).Length);
            Assert.True(new FileInfo(file + "-wal").Length > 12_000 * 4096L, "every appended page is still in the log");
        }
    }
}
