using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>export [CASES [DATA_FOLDER]]</c>: does a download stream? Seeds CASES historical cases (default 1,000,000) through
/// the store (or reuses DATA_FOLDER when it already holds a seeded database), starts the Release host on them with its
/// GC heap capped at <see cref="HeapLimitMb"/> MB, waits until its start-up sweep is done, and downloads
/// <c>cases.csv</c> and <c>cases.xlsx</c> twice each: the last tenth of the history, then all of it. The host's resident
/// memory is sampled during each download; flat memory means the whole history costs about what its tenth does (the
/// ratio printed), and that a million rows pass through a heap that could never hold them. The resident set also counts
/// the database pages SQLite maps (mmap_size is 1 GB), which grow with the rows read: the heap cap is the proof, the
/// resident set the context.
/// </summary>
internal static class ExportBenchmarks
{
    /// <summary>A million exported cases take over a gigabyte as objects: a cap far below that proves they never are all at once.</summary>
    public const int HeapLimitMb = 128;

    private static readonly string[] Formats = ["csv", "xlsx"];

    public static Task RunAsync(long cases, string? folder) =>
        SeededHost.RunAsync(folder, cases, "tablero-export-bench-",
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = $"0x{HeapLimitMb * 1024L * 1024:X}" }, TimeSpan.FromHours(1), async (http, server, data) =>
            {
                // The seeder spreads the cases over two years: the last 73 days hold about a tenth of them.
                var tenth = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-72)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Console.WriteLine($"Tablero exports — a seeded history in {data}, Release host pid {server.Id} with its GC heap capped at {HeapLimitMb} MB; memory is the host's resident set (VmRSS) sampled every 50 ms");
                foreach (var format in Formats)
                {
                    var part = await DownloadAsync(http, server, $"api/v1/exports/cases.{format}?from={tenth}");
                    var all = await DownloadAsync(http, server, $"api/v1/exports/cases.{format}");
                    Console.WriteLine($"cases.{format,-4}  last tenth: {part}");
                    Console.WriteLine($"cases.{format,-4}  everything: {all}");
                    Console.WriteLine($"cases.{format,-4}  {all.Rows / (double)part.Rows:N1}× the rows for {all.PeakAboveStart / (double)Math.Max(1, part.PeakAboveStart):N2}× the memory above the host's resting set");
                }
            });

    /// <summary>Until the host has used under a tenth of a core for 3 s in a row (its start-up sweep done), at most 10 minutes.</summary>
    internal static async Task WaitUntilIdleAsync(Process server)
    {
        var until = DateTime.UtcNow.AddMinutes(10);
        var quiet = 0;
        var before = CpuTicks(server.Id);
        while (quiet < 3 && DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = CpuTicks(server.Id);
            quiet = now - before < 10 ? quiet + 1 : 0;
            before = now;
        }
    }

    /// <summary>User and system time of a process in clock ticks (100 a second).</summary>
    private static long CpuTicks(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private sealed record Download(long Rows, long Bytes, double Seconds, long RestingRss, long PeakAboveStart)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Rows,10:N0} rows {Bytes / 1048576.0,8:N1} MB in {Seconds,6:N1} s ({Rows / Seconds,8:N0} rows/s); host at rest {RestingRss / 1048576.0:N0} MB, peak +{PeakAboveStart / 1048576.0:N0} MB");
    }

    private static async Task<Download> DownloadAsync(HttpClient http, Process server, string url)
    {
        // A collection first would need the host's help; a few idle seconds let it settle instead.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var resting = Rss(server.Id);
        var peak = resting;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(server.Id));
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var counter = new CountingStream();
        await body.CopyToAsync(counter);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        var rows = url.Contains(".csv", StringComparison.Ordinal) ? counter.Lines - 1 : await XlsxRowsAsync(http, url);
        return new Download(rows, counter.Bytes, watch.Elapsed.TotalSeconds, resting, peak - resting);
    }

    /// <summary>An xlsx is a zip: its rows are counted from the same filter's CSV rather than unpacked here.</summary>
    private static async Task<long> XlsxRowsAsync(HttpClient http, string url)
    {
        await using var body = await http.GetStreamAsync(url.Replace(".xlsx", ".csv", StringComparison.Ordinal));
        var counter = new CountingStream();
        await body.CopyToAsync(counter);
        return counter.Lines - 1;
    }

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Counts bytes and line feeds, keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        public long Bytes { get; private set; }

        public long Lines { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Bytes;
        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Bytes += buffer.Length;
            Lines += buffer.Count((byte)'\n');
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
