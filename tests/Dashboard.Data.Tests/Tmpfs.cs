using System.Diagnostics;

namespace Dashboard.Data.Tests;

/// <summary>
/// A small tmpfs of its own, for storage faults with a real file system: a disk that fills up, one that turns
/// read-only. Mounting needs root (CI runs as root); elsewhere the test is skipped with the reason.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(int kibibytes)
    {
        var path = Directory.CreateTempSubdirectory("tablero-tmpfs-").FullName;
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", path);
        if (exit != 0)
        {
            Directory.Delete(path);
            Assert.Skip($"a tmpfs could not be mounted here (mount needs root: {error.Trim()})");
        }

        return new Tmpfs(path);
    }

    /// <summary>Fills the rest of the file system with one file; deleting it makes room again.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // full
        }

        return filler;
    }

    /// <summary>Read-only from now on; only possible while no file on it is open for writing.</summary>
    public void RemountReadOnly() => Check(Run("mount", "-o", "remount,ro", Path));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static void Check((int Exit, string Error) result)
    {
        if (result.Exit != 0)
        {
            throw new InvalidOperationException(result.Error);
        }
    }

    private static (int Exit, string Error) Run(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
