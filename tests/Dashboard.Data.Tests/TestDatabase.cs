using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Data.Stores;
using Microsoft.Data.SqlClient;

namespace Dashboard.Data.Tests;

/// <summary>
/// A fresh, migrated database of one provider: a temp SQLite file always; a throw-away SQL Server database when
/// DASHBOARD_SQLSERVER holds a connection string (otherwise that row of a theory is skipped with the reason).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string SqlServerVariable = "DASHBOARD_SQLSERVER";

    private readonly Action _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
        DapperSetup.Register();
        Connections = ConnectionFactory.Create(provider, connectionString);
        Sql = new SqlScripts(provider);
        Catalogue = new CatalogueStore(Connections, Sql);
        Events = new EventLogForTests(Connections, Sql);
        Cases = new CaseReadersForTests(Connections, Sql);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public ConnectionFactory Connections { get; }

    public SqlScripts Sql { get; }

    public CatalogueStore Catalogue { get; }

    public EventLogForTests Events { get; }

    public CaseReadersForTests Cases { get; }

    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.SqlServer);

    /// <summary>The SQLite file (null on SQL Server).</summary>
    public string? File { get; private init; }

    /// <summary>A fresh database; for SQLite in <paramref name="folder"/> when given (a test's own file system), else a temp folder.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool withCatalogue = true, string? folder = null)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            folder ??= Directory.CreateTempSubdirectory("tablero-data-test-").FullName;
            var file = Path.Combine(folder, "tablero.db");
            // A fault test may have deleted the folder already.
            db = new TestDatabase(provider, $"Data Source={file};Pooling=False", () =>
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            })
            {
                File = file,
            };
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(SqlServerVariable);
            Assert.SkipWhen(string.IsNullOrWhiteSpace(server), $"SQL Server: set {SqlServerVariable} to a connection string to run the store contract against it");
            var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = $"tablero_test_{Guid.NewGuid():N}" };
            db = new TestDatabase(provider, builder.ConnectionString, () => DropSqlServerDatabase(builder));
        }

        DatabaseMigrator.Migrate(provider, db.ConnectionString);
        if (withCatalogue)
        {
            await db.Catalogue.UpsertAsync(Fixtures.Catalogue);
        }

        return db;
    }

    private static void DropSqlServerDatabase(SqlConnectionStringBuilder builder)
    {
        SqlConnection.ClearAllPools();
        var name = builder.InitialCatalog;
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(builder.ConnectionString) { InitialCatalog = "master" }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];";
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        await Connections.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _drop();
    }
}

/// <summary>Two regions of two institutions, with realistic unit codes.</summary>
public static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

    public static readonly CatalogueSnapshot Catalogue = new(
        [
            new Region("IMSS-JAL", "OOAD Jalisco", Institution.Imss, "America/Mexico_City"),
            new Region("IMSS-NL", "OOAD Nuevo León", Institution.Imss, "America/Monterrey"),
            new Region("ESS-REB", "Red Prestacional Rebagliati", Institution.EsSalud, "America/Lima"),
        ],
        [
            new Unit("UMF-JAL-023", "UMF No. 23 Guadalajara", UnitType.Umf, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 4),
            new Unit("HGR-JAL-046", "HGR No. 46 Guadalajara", UnitType.Hgr, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 18),
            new Unit("UMF-NL-015", "UMF No. 15 Monterrey", UnitType.Umf, "IMSS-NL", Institution.Imss, "America/Monterrey", 3),
            new Unit("HN-REB-001", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional, "ESS-REB", Institution.EsSalud, "America/Lima", 40),
        ],
        [new Module("MOD-UMF-JAL-023-1", "UMF-JAL-023", "Módulo de Atención y Orientación 1")],
        [new Agent("TAO-104233", "UMF-JAL-023", "MOD-UMF-JAL-023-1", "Ana Lucía Ramírez Soto")]);

    public static readonly CatalogueIndex Index = new(Catalogue);

    public static readonly CaseContext Context = new(Index.FindUnit, new SlaEngine(new SlaCalendars(), EscalationLadder.Default));
}
