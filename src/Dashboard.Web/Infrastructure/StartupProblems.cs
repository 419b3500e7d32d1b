using Dashboard.Data;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Storage trouble found while the host starts (a read-only file system, a missing or unwritable data folder, a full
/// disk, an unreachable SQL Server) is one line for the operator — what, where, what to do — and an exit code, never
/// a crash dump.
/// </summary>
public static class StartupProblems
{
    public const int ExitCode = 2;

    public static string? Describe(Exception exception, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (exception is Profiles.ProfilesInvalidException profiles)
        {
            return $"Tablero cannot start: {profiles.Message}{Environment.NewLine}To fix it: correct those files, or leave Profiles:Path empty to use the shipped profiles.";
        }

        var where = database.Provider == DatabaseProvider.Sqlite ? $"data folder {database.ResolveDataFolder()}" : "the SQL Server of Database:ConnectionString";
        var todo = database.Provider == DatabaseProvider.Sqlite
            ? "make the folder writable by this user with free space, or set Database:DataFolder to one that is"
            : "check Database:ConnectionString and that the server accepts connections";
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var what = StorageFaults.Describe(e)?.Reason ?? e switch
            {
                UnauthorizedAccessException => "the data folder cannot be created or written",
                IOException io => io.Message,
                _ => null,
            };
            if (what is not null)
            {
                return $"Tablero cannot start: {what} ({where}). To fix it: {todo}.";
            }
        }

        return null;
    }
}
