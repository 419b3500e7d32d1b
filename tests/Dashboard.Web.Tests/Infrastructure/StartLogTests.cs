using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The demo started as a person starts it (Development, <c>--urls</c> on a port the system picks), twice on the same data
/// folder: every address the start log prints answers as written, and the demo wall's address is the same both times.
/// </summary>
public sealed partial class StartLogTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("tablero-start-").FullName;

    [Fact]
    public async Task Start_Twice_PrintsTheBoundAddressTheDataFileAndAWallAddressThatStillOpens()
    {
        var first = await StartAsync();
        var second = await StartAsync();

        foreach (var start in new[] { first, second })
        {
            // The address really bound (the system picked the port), not the configured default's 5180.
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", start.Address);
            Assert.DoesNotContain(":0", start.Address, StringComparison.Ordinal);
            Assert.DoesNotContain("5180", start.Log, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(_data, "tablero.db"), start.Data);
            Assert.DoesNotContain("Data Source=", start.Log, StringComparison.Ordinal);
            Assert.StartsWith(start.Address + "/pantalla/", start.Wall, StringComparison.Ordinal);
        }

        Assert.Equal(first.Wall[first.Address.Length..], second.Wall[second.Address.Length..]);
        // The wall address printed by the first start opens the wall on the second: a TV left open survives the restart.
        Assert.Equal(HttpStatusCode.Redirect, first.WallAnswer);
        Assert.Equal(HttpStatusCode.Redirect, second.WallAnswer);
        Assert.Equal(HttpStatusCode.OK, second.Health);
    }

    private sealed record Started(string Log, string Address, string Data, string Wall, HttpStatusCode WallAnswer, HttpStatusCode Health);

    /// <summary>Starts the program, reads its start log, asks what it printed, and stops it.</summary>
    private async Task<Started> StartAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Dashboard.Web.dll"), "--urls", "http://127.0.0.1:0", "--environment", "Development",
                     $"--Database:DataFolder={_data}", "--Simulator:Enabled=false", "--Demo:HistoryDays=0",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var log = new System.Text.StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                log.AppendLine(line);
                if (line.Contains("Demo API key", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var text = log.ToString();
            var running = RunningLine().Match(text);
            Assert.True(running.Success, text);
            var wall = WallLine().Match(text);
            Assert.True(wall.Success, text);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var opened = await client.GetAsync(wall.Groups["url"].Value, ct);
            using var health = await client.GetAsync(running.Groups["address"].Value + "/health/live", ct);
            return new Started(text, running.Groups["address"].Value, running.Groups["data"].Value.Trim(), wall.Groups["url"].Value, opened.StatusCode, health.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    [GeneratedRegex(@"Tablero is running at (?<address>\S+) — \d+ units, data in (?<data>[^\r\n]+)")]
    private static partial Regex RunningLine();

    [GeneratedRegex(@"Wall display[^:]*: (?<url>http\S+)")]
    private static partial Regex WallLine();

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
