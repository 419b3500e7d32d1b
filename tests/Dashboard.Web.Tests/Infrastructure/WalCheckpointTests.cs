using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dashboard.Web.Tests.Infrastructure;

public sealed class WalCheckpointTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcknowledgedEvents_ReachTheDatabaseFileInTheBackground_WithoutACommitCopyingTheLog()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var prefix = $"WAL-{Guid.NewGuid():N}"[..12];
        var batch = new JsonArray(Enumerable.Range(0, 500).Select(i => (JsonNode)EventJson.Opened($"{prefix}-{i}", TableroFactory.JaliscoUnit.Code)).ToArray());

        var response = await client.PostAsJsonAsync("/api/v1/events", batch, Ct);
        response.EnsureSuccessStatusCode();

        // Far below SQLite's own threshold (100,000 pages), so only the background checkpoint moves these rows from
        // the log into the file. The file is read from a copy, without the log beside it.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var inFile = 0L;
        while (inFile < 500 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(WalCheckpointService.Interval, Ct);
            inFile = CountInFileAlone(prefix);
        }

        Assert.Equal(500, inFile);
    }

    private long CountInFileAlone(string prefix)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("tablero-wal-copy-").FullName, "copy.db");
        try
        {
            File.Copy(factory.DatabaseFile, copy);
            using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM cases WHERE case_id LIKE $prefix || '-%'";
            count.Parameters.AddWithValue("$prefix", prefix);
            return (long)count.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // copied mid-checkpoint: look again
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }
}
