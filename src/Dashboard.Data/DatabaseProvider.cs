namespace Dashboard.Data;

public enum DatabaseProvider
{
    /// <summary>The embedded default: a file in the data folder, nothing to install.</summary>
    Sqlite,

    /// <summary>Production and scale-out.</summary>
    SqlServer,
}
