using System.Globalization;
using Dashboard.Benchmarks;

// On-demand measurements (never run by `dotnet test`). Figures are ratios and rates taken in one run, since these
// machines are shared and noisy.
//   dotnet run -c Release --project tests/Dashboard.Benchmarks            store and service, no HTTP
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- http    ingestion over HTTP against the real host
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case null or "store":
        await StoreBenchmarks.RunAsync();
        return 0;
    case "http":
        await HttpBenchmarks.RunAsync(configuration: "Release");
        return 0;
    default:
        Console.Error.WriteLine("usage: Dashboard.Benchmarks [store|http]");
        return 2;
}
