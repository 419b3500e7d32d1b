using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>reads [DATA_FOLDER [CASES]]</c>: how fast the API's reads answer at an institution's size. Seeds CASES historical
/// cases (default 1,000,000) unless DATA_FOLDER already holds a seeded database, starts the Release host on it, waits
/// until its start-up sweep is done, then times each read (the overview's through its download) (the scopes a director, an OOAD and a unit have): after one
/// request that is not timed (the first compiles the read's path), 100 one after another (p50, p99 = the second slowest
/// of 100) and 8 at once (p50). Issue 24's targets are ≤ 50 ms p99 for the
/// summary and ≤ 100 ms p99 for any page of cases at 10 M cases; the figures here are what to hold each change against.
/// </summary>
internal static class ReadBenchmarks
{
    private const int Sequential = 100;
    private const int Concurrent = 8;

    public static Task RunAsync(string? folder, long cases) =>
        SeededHost.RunAsync(folder, cases, "tablero-read-bench-", new Dictionary<string, string>(), TimeSpan.FromMinutes(10), async (http, server, data) =>
        {
            Console.WriteLine($"Tablero reads — a seeded history in {data}, Release host pid {server.Id}; after one untimed request, {Sequential} in a row (p50, p99), then {Concurrent} at once (p50)");
            Console.WriteLine($"{"read",-64} {"p50",9} {"p99",9} {"8 at once",10}");
            foreach (var url in Reads)
            {
                await TimeAsync(http, url, 1, 1);
                var one = await TimeAsync(http, url, Sequential, 1);
                var many = await TimeAsync(http, url, Concurrent, Concurrent);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url,-64} {Ms(one, 0.5),9} {Ms(one, 1.0),9} {Ms(many, 0.5),10}"));
            }
        });

    /// <summary>The seeder's catalogue is the demo's: OOAD Jalisco and one of its hospitals stand for a region and a unit.</summary>
    private static readonly string[] Reads =
    [
        "api/v1/summary",
        "api/v1/summary?region=IMSS-JAL",
        "api/v1/summary?unit=HGZ-JAL-006",
        "api/v1/cases",
        "api/v1/cases?status=open",
        "api/v1/cases?status=open&region=IMSS-JAL",
        "api/v1/cases?status=open&unit=HGZ-JAL-006",
        "api/v1/cases?status=open&page=40",
        "api/v1/cases?status=closed&region=IMSS-JAL",
        "api/v1/cases?complex=true&region=IMSS-JAL",
        "api/v1/indicators/complaints?period=month&region=IMSS-JAL",
        // The overview's reads (counts, days, categories, median first response) for its default 30 days, as its download.
        "api/v1/exports/overview.csv",
        "api/v1/exports/overview.csv?region=IMSS-JAL",
    ];

    private static string Ms(double[] sorted, double quantile) =>
        (sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000).ToString("N1", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The seconds each of <paramref name="count"/> requests took, <paramref name="parallel"/> at a time, sorted; a failed read stops the run.</summary>
    private static async Task<double[]> TimeAsync(HttpClient http, string url, int count, int parallel)
    {
        var times = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
                }

                times[i] = watch.Elapsed.TotalSeconds;
            }
        }));
        Array.Sort(times);
        return times;
    }
}
