using System.Text;
using Dashboard.Web.Reports;
using MiniExcelLibs;

namespace Dashboard.Web.Tests.Reports;

/// <summary>The writers behind every download: asynchronous all the way, every row once, Excel's sheet limit respected.</summary>
public sealed class ReportWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async IAsyncEnumerable<object?[]> Rows(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return [$"QJ-{i:D6}", i, i / 4.0, new DateOnly(2026, 1, 1).AddDays(i % 365), i % 7 == 0 ? null : "=SUMA(A1)"];
        }
    }

    private static readonly string[] Columns = ["Caso", "Número", "Cuarto", "Día", "Nota"];

    [Fact]
    public async Task Csv_OfManyRows_NeverWritesSynchronously_AndEscapesWhatASpreadsheetWouldRun()
    {
        var output = new AsyncOnlyStream();

        var rows = await ReportWriter.WriteCsvAsync(output, new ReportTable("casos", Columns, Rows(20_000)), Ct);

        Assert.Equal(20_000, rows);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFFCaso,Número,Cuarto,Día,Nota", lines[0]);
        Assert.Equal(20_001, lines.Length);
        Assert.Equal("QJ-000002,2,0.5,2026-01-03,\"'=SUMA(A1)\"", lines[2]);
        Assert.Equal("QJ-000007,7,1.75,2026-01-08,", lines[7]);
    }

    [Fact]
    public async Task Xlsx_ALongerTableThanASheetHolds_GoesOnOnTheNextSheet_EveryRowOnce()
    {
        var output = new MemoryStream();

        var counts = await ReportWriter.WriteXlsxAsync(output, [new ReportTable("Casos del periodo: OOAD Jalisco / todas", Columns, Rows(25)), ReportTable.Of("Resumen", ["Indicador", "Valor"], [["Abiertos", 3]])], rowsPerSheet: 10, Ct);

        Assert.Equal([25L, 1L], counts);
        var sheets = MiniExcel.GetSheetNames(output);
        Assert.Equal(["Casos del periodo  OOAD Jalisco", "Casos del periodo  OOAD Jal (2)", "Casos del periodo  OOAD Jal (3)", "Resumen"], sheets);
        var ids = sheets.Take(3).SelectMany(s => MiniExcel.Query(output, useHeaderRow: true, sheetName: s).Cast<IDictionary<string, object?>>().Select(r => r["Caso"]!.ToString())).ToArray();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"QJ-{i:D6}"), ids);
        var first = MiniExcel.Query(output, useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object?>>().First();
        Assert.Equal(0.25, Convert.ToDouble(first["Cuarto"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("=SUMA(A1)", first["Nota"]);
    }

    /// <summary>A response body as Kestrel keeps it: a synchronous write or flush is refused.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public byte[] ToArray() => _written.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written.Length;
        public override long Position { get => _written.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
