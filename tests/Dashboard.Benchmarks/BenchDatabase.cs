using System.Globalization;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Data;
using Dashboard.Data.Tests;
using Dashboard.Data.Stores;
using Dashboard.Simulator.Catalogue;

namespace Dashboard.Benchmarks;

/// <summary>A throw-away SQLite database, migrated, with the demo catalogue and the stores over it; deleted on dispose.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly bool _keep;

    private BenchDatabase(string folder, CatalogueSnapshot catalogue, bool keep = false)
    {
        _folder = folder;
        _keep = keep;
        ConnectionString = $"Data Source={Path.Combine(folder, "tablero.db")};Pooling=True";
        DatabaseMigrator.Migrate(DatabaseProvider.Sqlite, ConnectionString);
        DapperSetup.Register();
        Connections = ConnectionFactory.Create(DatabaseProvider.Sqlite, ConnectionString);
        Catalogue = catalogue;
        var index = new CatalogueIndex(catalogue);
        Context = new CaseContext(index.FindUnit, new SlaEngine(new SlaCalendars(), EscalationLadder.Default));
        Events = new EventLogForTests(Connections, Sql);
        Cases = new CaseReadersForTests(Connections, Sql);
    }

    public string ConnectionString { get; }

    public ConnectionFactory Connections { get; }

    public SqlScripts Sql { get; } = new(DatabaseProvider.Sqlite);

    public CatalogueSnapshot Catalogue { get; }

    /// <summary>The rules with the shipped SLA policies, default calendars and ladder.</summary>
    public CaseContext Context { get; }

    public EventLogForTests Events { get; }

    public CaseReadersForTests Cases { get; }

    public static async Task<BenchDatabase> CreateAsync(string prefix)
    {
        var db = new BenchDatabase(Directory.CreateTempSubdirectory(prefix).FullName, DemoCatalogue.Build());
        await new CatalogueStore(db.Connections, db.Sql).UpsertAsync(db.Catalogue);
        return db;
    }

    /// <summary>A database filled earlier (the <c>seed</c> command), kept on dispose.</summary>
    public static async Task<BenchDatabase> OpenAsync(string folder)
    {
        var db = new BenchDatabase(Path.GetFullPath(folder), DemoCatalogue.Build(), keep: true);
        var catalogue = new CatalogueStore(db.Connections, db.Sql);
        if (await catalogue.IsEmptyAsync())
        {
            await catalogue.UpsertAsync(db.Catalogue);
        }

        return db;
    }

    /// <summary>A connection with the appender's own settings, for floors that must differ from the store only in their work.</summary>
    public static Microsoft.Data.Sqlite.SqliteConnection OpenLikeTheAppender(string connectionString)
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        connection.Execute(SqliteConnectionFactory.AppenderPragmas);
        return connection;
    }

    /// <summary>An instant as the store writes it, for plain SQL beside the store.</summary>
    public static string Stored(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Connections.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_keep)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
