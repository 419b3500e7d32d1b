using System.Globalization;
using Dashboard.Simulator;
using Dashboard.Simulator.Catalogue;

// The simulator as a source system: sends the demo stream to a running Tablero over HTTP.
//   dotnet run --project src/Dashboard.Simulator -- --url http://127.0.0.1:5180 --api-key KEY [--rate 60] [--scale 60] [--seconds 0]
var settings = ParseArguments(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: Dashboard.Simulator --url URL --api-key KEY [--rate CASES_PER_MINUTE] [--scale TIME_SCALE] [--seconds DURATION] [--seed N]");
    return 2;
}

var (url, apiKey, options, seconds) = settings.Value;
using var cancel = seconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

using var http = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"), Timeout = TimeSpan.FromSeconds(30) };
var log = (string message) => Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {message}");
var simulator = new CaseSimulator(DemoCatalogue.Build(), options, TimeProvider.System.GetUtcNow());
var runner = new SimulatorRunner(simulator, new HttpEventSink(http, apiKey, log), options, TimeProvider.System, log);
Console.WriteLine($"sending about {options.CasesPerMinute} new cases a minute to {url} (Ctrl+C stops)");
await runner.RunAsync(cancel.Token);
Console.WriteLine($"sent {runner.Sent} events, {runner.Refused} refused");
return runner.Refused == 0 ? 0 : 1;

static (string Url, string ApiKey, SimulatorOptions Options, int Seconds)? ParseArguments(string[] args)
{
    string? url = null, key = null;
    var options = new SimulatorOptions { Enabled = true };
    var seconds = 0;
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        var value = args[i + 1];
        switch (args[i])
        {
            case "--url": url = value; break;
            case "--api-key": key = value; break;
            case "--rate": options.CasesPerMinute = double.Parse(value, CultureInfo.InvariantCulture); break;
            case "--scale": options.TimeScale = double.Parse(value, CultureInfo.InvariantCulture); break;
            case "--seconds": seconds = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--seed": options.Seed = int.Parse(value, CultureInfo.InvariantCulture); break;
            default: return null;
        }
    }

    return url is null || key is null ? null : (url, key, options, seconds);
}
