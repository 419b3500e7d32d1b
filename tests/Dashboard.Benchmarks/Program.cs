using System.Globalization;
using Dashboard.Benchmarks;

// On-demand measurements (never run by `dotnet test`). Figures are ratios and rates taken in one run, since these
// machines are shared and noisy.
//   dotnet run -c Release --project tests/Dashboard.Benchmarks            store and service, no HTTP
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- http [ROUNDS]   ingestion over HTTP against the real host (default 3 rounds; quote the median)
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- floor [ROWS]   the SQLite floor of `http` as its database grows (default 1,500,000)
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- seed 10000000 src/Dashboard.Web/data
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- walls [WALLS [EVENTS_PER_S [SECONDS]]]   (default 200, 100, 30)
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- export [CASES [DATA_FOLDER]]   streamed downloads: memory for all of CASES (default 1,000,000) against a tenth of them
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- reads [DATA_FOLDER [CASES]]   API reads (summary, case lists, indicators) at an institution's size (default 1,000,000 seeded cases)
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- pages [DATA_FOLDER [CASES]]   desk pages in headless Chromium, drawn and interactive, at the same size (publish the host first: see PageBenchmarks)
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- directors [DATA_FOLDER [DIRECTORS [ROUNDS [server|app]]]]   20 directors' pages at once while 100 cases/s come in (published host, as pages; server: no browser, the host's renders only; app: one tab each, pages reached by links inside the app)
//   dotnet run -c Release --project tests/Dashboard.Benchmarks -- sla [OPEN_CASES [OVERDUE [DATA_FOLDER]]]   the SLA sweep (default 1,000,000 and 500,000; a seeded folder adds its history)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case null or "store":
        await StoreBenchmarks.RunAsync();
        return 0;
    case "http":
        await HttpBenchmarks.RunAsync(configuration: "Release", args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
        return 0;
    case "floor":
        await SameRowsFloor.PrintGrowthAsync(args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_500_000);
        return 0;
    case "sla":
        await SlaBenchmarks.RunAsync(
            args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
            args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500_000,
            args.Length >= 4 ? args[3] : null);
        return 0;
    case "walls":
        await WallBenchmarks.RunAsync(
            args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200,
            args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100,
            args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30);
        return 0;
    case "export":
        await ExportBenchmarks.RunAsync(args.Length >= 2 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, args.Length >= 3 ? args[2] : null);
        return 0;
    case "reads":
        await ReadBenchmarks.RunAsync(args.Length >= 2 ? args[1] : null, args.Length >= 3 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000);
        return 0;
    case "pages":
        await PageBenchmarks.RunAsync(args.Length >= 2 ? args[1] : null, args.Length >= 3 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000);
        return 0;
    case "directors":
        await DirectorBenchmarks.RunAsync(args.Length >= 2 ? args[1] : null, args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20,
            args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3,
            args.Length >= 5 ? args[4] switch { "server" => DirectorBenchmarks.Mode.Server, "app" => DirectorBenchmarks.Mode.InApp, _ => DirectorBenchmarks.Mode.NewTab } : DirectorBenchmarks.Mode.NewTab);
        return 0;
    case "seed" when args.Length >= 2 && long.TryParse(args[1], CultureInfo.InvariantCulture, out var cases) && cases > 0:
        await Seeder.RunAsync(cases, args.Length >= 3 ? args[2] : "data");
        return 0;
    default:
        Console.Error.WriteLine("usage: Dashboard.Benchmarks [store | http [ROUNDS] | floor [ROWS] | sla [OPEN [OVERDUE [DATA_FOLDER]]] | walls [WALLS [EPS [SECONDS]]] | export [CASES [DATA_FOLDER]] | reads [DATA_FOLDER [CASES]] | pages [DATA_FOLDER [CASES]] | directors [DATA_FOLDER [DIRECTORS [ROUNDS [server|app]]]] | seed CASES [DATA_FOLDER]]");
        return 2;
}
