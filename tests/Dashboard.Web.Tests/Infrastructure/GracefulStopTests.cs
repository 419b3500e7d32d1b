using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// SIGTERM in the middle of ingestion, to the real program as an orchestrator sends it: the host refuses what comes
/// after, stores and acknowledges what it took, closes its live connections, and exits by itself. Afterwards every
/// acknowledged event is in the database and every other batch is there whole or not at all.
/// </summary>
public sealed class GracefulStopTests
{
    private const string Key = "graceful-stop-ingest-key-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What an orchestrator sends, through the system's own <c>kill</c>.</summary>
    private static async Task SendSigtermAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync(Ct);
        Assert.Equal(0, kill.ExitCode);
    }

    private enum Outcome
    {
        Acknowledged,
        Refused,
        NoAnswer,
    }

    [Fact]
    public async Task Sigterm_during_ingestion_stores_every_acknowledged_event_and_no_batch_by_half_and_exits_by_itself()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "SIGTERM is sent with the system's kill");
        var data = Directory.CreateTempSubdirectory("tablero-graceful-stop-").FullName;
        try
        {
            var port = FreePort.Next();
            var output = new ConcurrentQueue<string>();
            using var server = Start(data, port, output);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", Key);
            await WaitUntilReadyAsync(http, server, output);

            // A live connection, as a browser's circuit or a kiosk's hub client holds one.
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(http.BaseAddress!, "hubs/cases"), o => o.Headers.Add("X-Api-Key", Key))
                .Build();
            hub.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            await hub.StartAsync(Ct);
            await hub.InvokeAsync<long>("Join", "all", Ct);

            var unit = Dashboard.Simulator.Catalogue.DemoCatalogue.Build().Units.First(u => u.RegionCode == "IMSS-JAL").Code;
            var batches = new ConcurrentBag<(Guid[] EventIds, Outcome Outcome, string Answer)>();
            var acknowledged = 0;
            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!server.HasExited)
                {
                    var (ids, body) = Batch(unit, size: 20);
                    var (outcome, answer) = await PostAsync(http, body);
                    batches.Add((ids, outcome, answer));
                    if (outcome == Outcome.Acknowledged)
                    {
                        Interlocked.Increment(ref acknowledged);
                    }
                }
            }, CancellationToken.None)).ToArray();

            await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= 40 || server.HasExited);
            Assert.False(server.HasExited, string.Join('\n', output));
            await SendSigtermAsync(server.Id);

            using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            bound.CancelAfter(TimeSpan.FromMinutes(1));
            await server.WaitForExitAsync(bound.Token);
            await Task.WhenAll(workers);
            Assert.True(server.ExitCode == 0, $"exit code {server.ExitCode}\n{string.Join('\n', output)}");
            Assert.True(closed.Task.IsCompleted, "the hub connection was not closed by the stopping host");

            // Every answer was an acknowledgement, a refusal (503 with Retry-After) or no answer at all: never a 500.
            Assert.All(batches, b => Assert.True(b.Outcome != Outcome.NoAnswer || b.Answer.StartsWith("no answer", StringComparison.Ordinal), b.Answer));
            var stored = StoredEventIds(data);
            foreach (var (ids, outcome, answer) in batches)
            {
                var present = ids.Count(stored.Contains);
                if (outcome == Outcome.Acknowledged)
                {
                    Assert.Equal(ids.Length, present);
                }
                else
                {
                    Assert.True(present == 0 || present == ids.Length, $"{present} of {ids.Length} events of a batch answered '{answer}' are stored");
                }
            }

            Assert.Contains(output, line => line.Contains("Stopping: new writes are refused", StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static (Guid[] Ids, JsonArray Body) Batch(string unit, int size)
    {
        var ids = Enumerable.Range(0, size).Select(_ => Guid.NewGuid()).ToArray();
        var body = new JsonArray([.. ids.Select(id => (JsonNode)EventJson.Opened($"QJ-{id:N}"[..20], unit, eventId: id.ToString()))]);
        return (ids, body);
    }

    private static async Task<(Outcome, string)> PostAsync(HttpClient http, JsonArray body)
    {
        try
        {
            using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/v1/events", content, CancellationToken.None);
            var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => (Outcome.Acknowledged, "200"),
                HttpStatusCode.ServiceUnavailable when response.Headers.RetryAfter is not null => (Outcome.Refused, "503"),
                _ => (Outcome.NoAnswer, $"{(int)response.StatusCode} {text}"),
            };
        }
        catch (HttpRequestException ex)
        {
            // The listener is closed or the connection ended: the client never learnt the outcome, so it retries.
            return (Outcome.NoAnswer, $"no answer: {ex.Message}");
        }
    }

    private static HashSet<Guid> StoredEventIds(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "tablero.db")};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id FROM case_events";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<Guid>();
        while (reader.Read())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private static Process Start(string data, int port, ConcurrentQueue<string> output)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dashboard.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__DataFolder"] = data;
        start.Environment["Demo__LoadCatalogue"] = "true";
        start.Environment["Simulator__Enabled"] = "false";
        start.Environment["Demo__HistoryDays"] = "0";
        start.Environment["ApiKeys__Keys__0__Name"] = "ingest";
        start.Environment["ApiKeys__Keys__0__KeySha256"] = Dashboard.Web.Security.ApiKeyEntry.HashOf(Key);
        start.Environment["ApiKeys__Keys__0__Permissions__0"] = "Ingest";
        start.Environment["ApiKeys__Keys__0__Permissions__1"] = "Read";
        start.Environment["ApiKeys__Keys__0__Scope"] = "all";
        start.Environment["Alerts__Email__PickupFolder"] = Path.Combine(data, "mail");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process server, ConcurrentQueue<string> output)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            Assert.False(server.HasExited, string.Join('\n', output));
            try
            {
                using var ready = await http.GetAsync("health/ready", timeout.Token);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
