using System.Diagnostics;
using Dashboard.Web.Health;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// What <c>deploy/</c> can be held to on a machine without a container engine: the smoke script parses, and the compose
/// file and the proxy use the endpoints and timings the host really has.
/// </summary>
public sealed class DeployFilesTests
{
    private static string Deploy => Path.Combine(RepositoryRoot(), "deploy");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dashboard.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root (Dashboard.sln) is not above the test binaries");
    }

    [Fact]
    public async Task The_smoke_script_is_valid_bash_and_executable()
    {
        var script = Path.Combine(Deploy, "smoke.sh");
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
        var error = await bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await bash.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(bash.ExitCode == 0, error);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), "deploy/smoke.sh is not executable");
        }
    }

    [Fact]
    public void Compose_waits_for_readiness_and_gives_the_graceful_stop_its_time()
    {
        var compose = File.ReadAllText(Path.Combine(Deploy, "compose.yaml"));
        Assert.Contains($"GET {HealthServices.ReadyPath} ", compose, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", compose, StringComparison.Ordinal);
        // The host's shutdown timeout is 30 s: the engine must not kill it before.
        var grace = System.Text.RegularExpressions.Regex.Match(compose, @"stop_grace_period: (\d+)s");
        Assert.True(grace.Success && int.Parse(grace.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 30, "stop_grace_period must exceed the host's 30 s shutdown timeout");
    }

    [Fact]
    public void The_proxy_retries_a_stopping_instances_refusal_on_the_other()
    {
        var nginx = File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));
        Assert.Matches(@"proxy_next_upstream[^;]*http_503[^;]*non_idempotent;", nginx);
        Assert.Contains("ip_hash;", nginx, StringComparison.Ordinal);
    }
}
