using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// <c>backup PATH</c>: a consistent copy of the embedded database while the service runs (SQLite's online backup API; it
/// reads one snapshot and never blocks the writer). <c>restore PATH</c>: puts a backup in place with the service stopped,
/// keeping the replaced files beside it. Both run before anything else opens the database (no migration, no demo seed).
/// SQL Server has its own BACKUP and RESTORE; these commands are for the embedded default.
/// </summary>
public static class DatabaseCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    public static bool Matches(string[] args) => args is [Backup or Restore, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (args.Length < 2)
        {
            await errors.WriteLineAsync($"usage: {args[0]} PATH   (the backup file to write, or to restore from)");
            return 2;
        }

        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await errors.WriteLineAsync($"{args[0]} is for the embedded SQLite database; use SQL Server's own BACKUP DATABASE and RESTORE DATABASE");
            return 2;
        }

        var file = new SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource;
        try
        {
            return args[0] == Backup ? await BackupAsync(file, Path.GetFullPath(args[1]), output, errors) : await RestoreAsync(file, Path.GetFullPath(args[1]), output, errors);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{args[0]} failed: {StorageFaults.Describe(ex)?.Reason ?? ex.Message}");
            return 1;
        }
    }

    private static async Task<int> BackupAsync(string database, string target, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(database))
        {
            await errors.WriteLineAsync($"there is no database at {database}");
            return 1;
        }

        if (File.Exists(target))
        {
            await errors.WriteLineAsync($"{target} exists already; name a new file");
            return 1;
        }

        await using (var source = Open(database, SqliteOpenMode.ReadOnly))
        await using (var copy = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
        }

        var (ok, events) = Check(target);
        if (!ok)
        {
            File.Delete(target);
            await errors.WriteLineAsync($"the copy failed its integrity check and was removed");
            return 1;
        }

        await output.WriteLineAsync($"backed up {database} to {target}: {events:N0} events, integrity ok");
        return 0;
    }

    private static async Task<int> RestoreAsync(string database, string backup, TextWriter output, TextWriter errors)
    {
        var (ok, events) = File.Exists(backup) ? Check(backup) : (false, 0);
        if (!ok)
        {
            await errors.WriteLineAsync($"{backup} is not a Tablero backup that passes its integrity check");
            return 1;
        }

        if (OpenedByAnotherProcess(database) is { } pid)
        {
            await errors.WriteLineAsync($"{database} is open in process {pid}: stop the service before restoring");
            return 1;
        }

        // The files replaced stay beside the database, so a restore can itself be undone.
        var aside = $"{database}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(database + suffix))
            {
                File.Move(database + suffix, aside + suffix);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        File.Copy(backup, database);
        await output.WriteLineAsync($"restored {backup} to {database}: {events:N0} events; the replaced files are at {aside}");
        return 0;
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>SQLite's integrity check passes and the file holds Tablero's event log.</summary>
    private static (bool Ok, long Events) Check(string file)
    {
        using var connection = Open(file, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        if (command.ExecuteScalar() as string != "ok")
        {
            return (false, 0);
        }

        command.CommandText = "SELECT COUNT(*) FROM case_events;";
        try
        {
            return (true, (long)command.ExecuteScalar()!);
        }
        catch (SqliteException)
        {
            return (false, 0);
        }
    }

    /// <summary>On Linux, another process holding the file open (the running service); elsewhere nothing is known.</summary>
    internal static int? OpenedByAnotherProcess(string file)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(file))
        {
            return null;
        }

        var full = Path.GetFullPath(file);
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && target.StartsWith(full, StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                // another user's process, or one that ended meanwhile
            }
        }

        return null;
    }
}
