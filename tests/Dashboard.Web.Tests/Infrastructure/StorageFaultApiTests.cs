using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Storage;
using Dashboard.Data.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>A host whose data folder is one the test controls (a tmpfs, or a folder it deletes), with its log lines kept.</summary>
public sealed class FaultyDiskFactory(string dataFolder, IReadOnlyDictionary<string, string?>? settings = null) : TableroFactory
{
    public ConcurrentQueue<(LogLevel Level, string Line)> Logs { get; } = new();

    protected override void Customize(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:DataFolder"] = dataFolder,
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(new RecordingProvider(Logs)));
    }

    private sealed class RecordingProvider(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(logs);

        public void Dispose()
        {
        }
    }

    private sealed class Recorder(ConcurrentQueue<(LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : $" [stack trace: {exception.GetType().Name}]")));
    }
}

/// <summary>
/// Storage that fails under a running host, seen over HTTP: 503 problem+json with Retry-After, nothing half-stored,
/// one log line without a stack trace, and never a 200 for a write a restart would not find.
/// </summary>
public sealed class StorageFaultApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonArray Batch(int count, string prefix) =>
        new(Enumerable.Range(0, count).Select(i =>
        {
            var opened = EventJson.Opened($"{prefix}-{i}", TableroFactory.JaliscoUnit.Code);
            opened["data"]!["summary"] = new string('x', 1900);
            return (JsonNode)opened;
        }).ToArray());

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("nothing was stored", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Post_WhenTheDiskIsFull_Answers503WithRetryAfter_StoresNothing_AndTheRetrySucceedsOnceThereIsRoom()
    {
        using var disk = Tmpfs.Mount(6144);
        await using var factory = new FaultyDiskFactory(Path.Combine(disk.Path, "data"));
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var log = factory.Services.GetRequiredService<ICaseEventLog>();
        var end = await log.ReadLastSequenceAsync(Ct);
        var filler = disk.Fill();
        var batch = Batch(400, $"FULL-{Guid.NewGuid():N}"[..13]);

        using var full = await client.PostAsJsonAsync("/api/v1/events", batch, Ct);

        await AssertUnavailableAsync(full);
        Assert.Contains(factory.Logs, l => l.Level == LogLevel.Warning && l.Line.Contains("disk holding the database is full", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Line.Contains("[stack trace", StringComparison.Ordinal));
        File.Delete(filler);
        Assert.Equal(end, await log.ReadLastSequenceAsync(Ct));
        using var retried = await client.PostAsJsonAsync("/api/v1/events", batch, Ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(end + 400, await log.ReadLastSequenceAsync(Ct));
    }

    [Fact]
    public async Task Post_AfterTheDataFolderIsDeleted_IsNeverAcknowledged_AndTheErrorSaysWhatHappened()
    {
        var folder = Directory.CreateTempSubdirectory("tablero-deleted-").FullName;
        await using var factory = new FaultyDiskFactory(folder);
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        using (var before = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened($"DEL-{Guid.NewGuid():N}"[..16], TableroFactory.JaliscoUnit.Code), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Directory.Delete(folder, recursive: true);

        // Until the watchdog or a commit notices, and ever after: no 200.
        for (var i = 0; i < 20; i++)
        {
            using var after = await client.PostAsJsonAsync("/api/v1/events", EventJson.Opened($"DEL-{Guid.NewGuid():N}"[..16], TableroFactory.JaliscoUnit.Code), Ct);
            await AssertUnavailableAsync(after);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!factory.Logs.Any(l => l.Level == LogLevel.Error && l.Line.Contains("deleted, moved or replaced", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        // One error line that says what happened and where, however many requests were refused.
        var error = Assert.Single(factory.Logs, l => l.Level == LogLevel.Error && l.Line.Contains("deleted, moved or replaced", StringComparison.Ordinal));
        Assert.Contains(folder, error.Line);
    }
}
