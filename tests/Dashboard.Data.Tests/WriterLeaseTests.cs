namespace Dashboard.Data.Tests;

public sealed class WriterLeaseTests
{
    [Fact]
    public async Task Sqlite_AppendersTakeTurnsOnOneConnection_SoItsPageCacheStaysWarm()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withCatalogue: false);

        var first = await db.Connections.AcquireWriterAsync(ct);
        var second = db.Connections.AcquireWriterAsync(ct);
        Assert.False(second.IsCompleted);

        var connection = first.Connection;
        await first.DisposeAsync();
        await using var next = await second;

        Assert.Same(connection, next.Connection);
        Assert.Equal(System.Data.ConnectionState.Open, next.Connection.State);
    }

    [Fact]
    public async Task Sqlite_AClosedWriterConnection_IsReopenedForTheNextAppender()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withCatalogue: false);
        await using (var broken = await db.Connections.AcquireWriterAsync(ct))
        {
            await broken.Connection.CloseAsync();
        }

        await using var lease = await db.Connections.AcquireWriterAsync(ct);

        Assert.Equal(System.Data.ConnectionState.Open, lease.Connection.State);
    }
}
