namespace Dashboard.Data;

/// <summary>Where the data lives. Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The folder for the SQLite file; a relative path is taken from the app's content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>For SQL Server: required. For SQLite: optional; defaults to <c>{DataFolder}/tablero.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Set by the host: where relative data folders start.</summary>
    public string BasePath { get; set; } = "";

    /// <summary>The data folder as a full path (the SQLite file, the Development mail pickup folder).</summary>
    public string ResolveDataFolder() => Path.GetFullPath(Path.Combine(BasePath, DataFolder));

    public string ResolveConnectionString() => Provider switch
    {
        DatabaseProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) =>
            $"Data Source={Path.Combine(ResolveDataFolder(), "tablero.db")};Pooling=True",
        _ when string.IsNullOrWhiteSpace(ConnectionString) =>
            throw new InvalidOperationException("Database:ConnectionString is required for SQL Server"),
        _ => ConnectionString!,
    };
}
