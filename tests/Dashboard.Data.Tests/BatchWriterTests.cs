using Dapper;

namespace Dashboard.Data.Tests;

/// <summary>
/// The SQLite writer binds through SQLite's own API for speed; what it stores must read back exactly as what the
/// general ADO.NET writer (and Dapper) stores, or reads and range comparisons would silently disagree.
/// </summary>
public sealed class BatchWriterTests
{
    public sealed class Probe
    {
        public string Key { get; set; } = "";
        public string? Text { get; set; }
        public long Number { get; set; }
        public int Small { get; set; }
        public bool Flag { get; set; }
        public Guid Id { get; set; }
        public DateTimeOffset At { get; set; }
        public DateTimeOffset? MaybeAt { get; set; }
    }

    private const string Insert = "INSERT INTO probe (key, text, number, small, flag, id, at, maybe_at) VALUES (@Key, @Text, @Number, @Small, @Flag, @Id, @At, @MaybeAt);";

    [Fact]
    public async Task SqliteWriter_StoresEveryValueAsTheAdoNetWriterDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withCatalogue: false);
        await using var connection = await db.Connections.OpenAsync(ct);
        await connection.ExecuteAsync("CREATE TABLE probe (key TEXT PRIMARY KEY, text TEXT, number INTEGER, small INTEGER, flag INTEGER, id TEXT, at TEXT, maybe_at TEXT);");
        Probe Row(string key, string text = "Atención en módulo — 'ñ'") => new()
        {
            Key = key,
            Text = text,
            Number = 9_007_199_254_740_993,
            Small = -3,
            Flag = true,
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            // A Mexico City instant with ticks: stored as UTC text with the fraction kept.
            At = new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.FromHours(-6)).AddTicks(1234567),
            MaybeAt = key.EndsWith('2') ? null : new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        // Empty text, and text longer than any buffer on the stack (three bytes a character in UTF-8).
        var longText = string.Concat(Enumerable.Repeat("Queja por surtimiento incompleto de receta — ñá€ ", 200));
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await new SqliteBatchWriter().ExecuteAsync(connection, transaction, Insert, [Row("fast-1"), Row("fast-2"), Row("fast-empty", ""), Row("fast-long", longText)], ct);
            await new DbCommandBatchWriter().ExecuteAsync(connection, transaction, Insert, [Row("ado-1"), Row("ado-2"), Row("ado-empty", ""), Row("ado-long", longText)], ct);
            await transaction.CommitAsync(ct);
        }

        var stored = (await connection.QueryAsync<(string Key, string Values)>(
            "SELECT key, typeof(text) || ':' || text || '|' || typeof(number) || ':' || number || '|' || typeof(small) || ':' || small || '|' || " +
            "typeof(flag) || ':' || flag || '|' || typeof(id) || ':' || id || '|' || typeof(at) || ':' || at || '|' || typeof(maybe_at) || ':' || ifnull(maybe_at, '') FROM probe"))
            .ToDictionary(r => r.Key, r => r.Values);
        Assert.Equal(stored["ado-1"], stored["fast-1"]);
        Assert.Equal(stored["ado-2"], stored["fast-2"]);
        Assert.Equal(stored["ado-empty"], stored["fast-empty"]);
        Assert.Equal(stored["ado-long"], stored["fast-long"]);
        Assert.Equal("text:Atención en módulo — 'ñ'|integer:9007199254740993|integer:-3|integer:1|text:0F8FAD5B-D9CB-469F-A165-70867728950E|text:2026-11-24 15:30:15.1234567|text:2026-01-01 00:00:00", stored["fast-1"]);
        Assert.EndsWith("|null:", stored["fast-2"], StringComparison.Ordinal);
        Assert.StartsWith("text:|integer:", stored["fast-empty"], StringComparison.Ordinal);
        Assert.StartsWith("text:" + longText + "|", stored["fast-long"], StringComparison.Ordinal);
    }
}
