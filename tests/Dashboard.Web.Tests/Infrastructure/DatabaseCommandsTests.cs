using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// Backup while the service ingests and restore with it stopped, run as an operator would: the real program with the
/// command, against the running host's data folder.
/// </summary>
public sealed class DatabaseCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tablero-backup-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataFolder => Path.Combine(_folder, "data");

    private string BackupFile => Path.Combine(_folder, "tablero-backup.db");

    private Task<(int Exit, string Output, string Error)> RunAsync(string command, string path) =>
        RealProgram.RunAsync(command, path, $"--Database:DataFolder={DataFolder}", "--environment", "Production");

    [Fact]
    public async Task Backup_DuringIngestion_IsConsistent_AndRestoreBringsItBack()
    {
        long backedUp;
        await using (var host = new FaultyDiskFactory(DataFolder))
        {
            using var client = host.CreateClient(TableroFactory.IngestKey);
            using var stop = new CancellationTokenSource();
            var posted = 0;
            var ingesting = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var batch = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)EventJson.Opened($"BK-{Guid.NewGuid():N}"[..16], TableroFactory.JaliscoUnit.Code)).ToArray());
                    (await client.PostAsJsonAsync("/api/v1/events", batch, CancellationToken.None)).EnsureSuccessStatusCode();
                    Interlocked.Increment(ref posted);
                }
            }, CancellationToken.None);
            while (Volatile.Read(ref posted) < 3)
            {
                await Task.Delay(20, Ct);
            }

            var backup = await RunAsync("backup", BackupFile);
            var postedDuringBackup = Volatile.Read(ref posted);
            await stop.CancelAsync();
            await ingesting;

            Assert.True(backup.Exit == 0, backup.Error);
            Assert.Contains("integrity ok", backup.Output);
            backedUp = AssertConsistent(BackupFile);
            Assert.InRange(backedUp, 150, (postedDuringBackup + 1) * 50);
            Assert.True(await host.Services.GetRequiredService<ICaseEventLog>().ReadLastSequenceAsync(Ct) >= backedUp);
        }

        SqliteConnection.ClearAllPools();
        var restore = await RunAsync("restore", BackupFile);

        Assert.True(restore.Exit == 0, restore.Error);
        await using var restarted = new FaultyDiskFactory(DataFolder);
        Assert.Equal(backedUp, await restarted.Services.GetRequiredService<ICaseEventLog>().ReadLastSequenceAsync(Ct));
        // The replaced database stays beside the restored one.
        Assert.Single(Directory.GetFiles(DataFolder, "tablero.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_WhileTheDatabaseIsOpen_IsRefused_AndTouchesNothing()
    {
        await using (var host = new FaultyDiskFactory(DataFolder))
        {
            using var client = host.CreateClient(TableroFactory.IngestKey);
            (await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened($"BK-{Guid.NewGuid():N}"[..16], TableroFactory.JaliscoUnit.Code), Ct)).EnsureSuccessStatusCode();
            Assert.Equal(0, (await RunAsync("backup", BackupFile)).Exit);

            var refused = await RunAsync("restore", BackupFile);

            Assert.Equal(1, refused.Exit);
            Assert.Contains("stop the service before restoring", refused.Error);
            Assert.Empty(Directory.GetFiles(DataFolder, "*before-restore*"));
        }
    }

    [Fact]
    public async Task Backup_OverAnExistingFile_IsRefused()
    {
        await using (var host = new FaultyDiskFactory(DataFolder))
        {
            host.CreateClient().Dispose();
        }

        await File.WriteAllTextAsync(BackupFile, "keep me", Ct);

        var refused = await RunAsync("backup", BackupFile);

        Assert.Equal(1, refused.Exit);
        Assert.Equal("keep me", await File.ReadAllTextAsync(BackupFile, Ct));
    }

    /// <summary>A gap-free log whose end is the sequence counter, and a case row for every case the log opened.</summary>
    private static long AssertConsistent(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }

        var last = Scalar("SELECT last_sequence FROM event_sequence WHERE id = 1");
        Assert.Equal(last, Scalar("SELECT COUNT(*) FROM case_events"));
        Assert.Equal(last, Scalar("SELECT COALESCE(MAX(sequence), 0) FROM case_events"));
        Assert.Equal(Scalar("SELECT COUNT(DISTINCT case_id) FROM case_events"), Scalar("SELECT COUNT(*) FROM cases"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM cases WHERE last_sequence > (SELECT last_sequence FROM event_sequence WHERE id = 1)"));
        return last;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
