using Dapper;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FreshSqliteFile_CreatesSchemaInWalMode()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tablero-migrate-{Guid.NewGuid():N}", "nested", "data");
        var connectionString = $"Data Source={Path.Combine(folder, "tablero.db")};Pooling=False";
        try
        {
            DatabaseMigrator.Migrate(DatabaseProvider.Sqlite, connectionString);

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
            Assert.Superset(new HashSet<string> { "regions", "units", "modules", "agents", "event_sequence", "case_events", "cases", "SchemaVersions" }, tables);
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT last_sequence FROM event_sequence"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_Twice_AppliesEachScriptOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withCatalogue: false);

        DatabaseMigrator.Migrate(DatabaseProvider.Sqlite, db.ConnectionString);

        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        var applied = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions")).ToArray();
        // Every shipped script once, in name order, after a second run as after the first.
        var shipped = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations.Sqlite.", StringComparison.Ordinal)).Select(FileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("2026-11-24_01_SlaClocks.sql", shipped);
        Assert.Equal(shipped, applied.Select(FileName));
    }

    [Fact]
    public async Task Connection_Sqlite_IsSynchronousFull()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withCatalogue: false);

        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);

        // 2 = FULL: an acknowledged event survives a power cut.
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
    }

    private static string FileName(string resourceOrScriptName) => resourceOrScriptName.Split('.')[^2] + ".sql";
}
