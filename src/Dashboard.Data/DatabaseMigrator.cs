using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data;

/// <summary>Creates the database when needed and applies the embedded, dated migrations of its provider with DbUp.</summary>
public static class DatabaseMigrator
{
    /// <summary>DbUp's journal of the scripts applied, the same table on both providers.</summary>
    public const string JournalTable = "SchemaVersions";

    /// <summary>How many migration scripts this build carries for the provider: a database that applied fewer is behind.</summary>
    public static int ScriptCount(DatabaseProvider provider) =>
        typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(n => n.StartsWith(Prefix(provider), StringComparison.Ordinal));

    private static string Prefix(DatabaseProvider provider) => $"{typeof(DatabaseMigrator).Assembly.GetName().Name}.Migrations.{provider}.";

    public static void Migrate(DatabaseProvider provider, string connectionString)
    {
        var prefix = Prefix(provider);
        UpgradeEngineBuilder builder;
        if (provider == DatabaseProvider.Sqlite)
        {
            PrepareSqliteFile(connectionString);
            builder = DeployChanges.To.SqliteDatabase(connectionString);
        }
        else
        {
            EnsureDatabase.For.SqlDatabase(connectionString);
            builder = DeployChanges.To.SqlDatabase(connectionString);
        }

        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();

        if (!result.Successful)
        {
            throw new InvalidOperationException($"migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
    }

    /// <summary>Creates the data folder and switches the file to WAL, which persists in the file itself.</summary>
    private static void PrepareSqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}
