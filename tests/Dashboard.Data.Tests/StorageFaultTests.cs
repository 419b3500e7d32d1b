using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// The appender on a real file system that fails under it: a deleted or replaced database file, a full disk, a file
/// system turned read-only. Nothing is acknowledged that a restart would not find, and nothing is half-stored.
/// </summary>
public sealed class StorageFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaseEvent Opened(string caseId, string summary = "Espera de más de tres horas en urgencias.") =>
        new(Guid.NewGuid(), caseId, Now, new CaseOpenedData("UMF-JAL-023", CaseKind.Complaint, Channel.Module, "waiting-time", Priority.Medium, false, summary, "12345678903"));

    private static Task<AppendResult> AppendAsync(TestDatabase db, params CaseEvent[] events) => db.Events.AppendAsync(events, Now, Context, Ct);

    [Fact]
    public async Task Append_AfterTheDataFolderIsDeleted_IsRefusedAsUnavailable_AndStaysRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(AppendOutcome.Committed, (await AppendAsync(db, Opened("QJ-1"))).Outcome);

        Directory.Delete(Path.GetDirectoryName(db.File)!, recursive: true);

        var lost = await Assert.ThrowsAsync<StorageUnavailableException>(() => AppendAsync(db, Opened("QJ-2")));
        Assert.Contains("deleted, moved or replaced", lost.Message);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => AppendAsync(db, Opened("QJ-3")));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => db.Connections.OpenAsync(Ct));
        Assert.NotNull(StorageFaults.Describe(lost));
    }

    [Fact]
    public async Task Append_AfterTheDatabaseFileIsReplacedByACopy_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AppendAsync(db, Opened("QJ-1"));
        var copy = db.File + ".restored";
        File.Copy(db.File!, copy);

        File.Move(copy, db.File!, overwrite: true);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => db.Connections.CheckDatabaseFileAsync(Ct));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => AppendAsync(db, Opened("QJ-2")));
    }

    [Fact]
    public async Task CheckDatabaseFile_WhileTheFileIsInPlace_PassesAndAppendsGoOn()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        await db.Connections.CheckDatabaseFileAsync(Ct);

        Assert.Equal(AppendOutcome.Committed, (await AppendAsync(db, Opened("QJ-1"))).Outcome);
    }

    [Fact]
    public async Task Append_OnAFullDisk_FailsAsAStorageFault_StoresNothing_AndSucceedsOnceThereIsRoom()
    {
        using var disk = Tmpfs.Mount(4096);
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, folder: Path.Combine(disk.Path, "data"));
        await AppendAsync(db, Opened("QJ-0"));
        var filler = disk.Fill();
        var batch = Enumerable.Range(1, 400).Select(i => Opened($"QJ-{i}", new string('x', 1900))).ToArray();

        var full = await Assert.ThrowsAnyAsync<Exception>(() => AppendAsync(db, batch));

        Assert.Contains("full", StorageFaults.Describe(full)?.Reason);
        File.Delete(filler);
        Assert.Equal(1, await db.Events.ReadLastSequenceAsync(Ct));
        var retried = await AppendAsync(db, batch);
        Assert.Equal(AppendOutcome.Committed, retried.Outcome);
        Assert.Equal(401, await db.Events.ReadLastSequenceAsync(Ct));
    }

    [Theory]
    [InlineData(13, "full")] // SQLITE_FULL: the disk
    [InlineData(10, "I/O")] // SQLITE_IOERR: an unwritable log file, a failing disk
    [InlineData(8, "read-only")] // SQLITE_READONLY
    [InlineData(14, "cannot be opened")] // SQLITE_CANTOPEN: a missing data folder
    [InlineData(5, "busy")] // SQLITE_BUSY
    public void Describe_SqliteFaultsOfTheFileOrMachine_AreStorageFaults(int code, string reason)
    {
        var fault = StorageFaults.Describe(new InvalidOperationException("wrapped", new Microsoft.Data.Sqlite.SqliteException("disk I/O error", code)));

        Assert.Contains(reason, fault?.Reason);
    }

    [Theory]
    [InlineData(1)] // SQLITE_ERROR: a statement's own mistake
    [InlineData(19)] // SQLITE_CONSTRAINT
    public void Describe_StatementErrors_AreNotStorageFaults(int code)
    {
        Assert.Null(StorageFaults.Describe(new Microsoft.Data.Sqlite.SqliteException("no such table", code)));
    }
}
