using Dashboard.Simulator;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dashboard.Web.Tests.History;

/// <summary><c>import-history FILE</c> as an operator runs it: the real program, a file of the demo stream, the service stopped.</summary>
public sealed class ImportHistoryCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tablero-import-").FullName;

    private string Data => Path.Combine(_folder, "data");

    private Task<(int Exit, string Output, string Error)> ImportAsync(string file) =>
        RealProgram.RunAsync("import-history", file, $"--Database:DataFolder={Data}", "--Demo:LoadCatalogue=true", "--environment", "Production");

    [Fact]
    public async Task ImportHistory_AFile_StoresItWithProgress_ThenKnowsItIsDone_AndRefusesWhileTheDatabaseIsOpen()
    {
        var file = Path.Combine(_folder, "pasado.ndjson");
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var simulator = new CaseSimulator(TableroFactory.Catalogue, new SimulatorOptions { CasesPerMinute = 0.2, Seed = 4 }, start);
        var lines = new List<string>();
        for (var at = start; at < start.AddDays(1); at += TimeSpan.FromMinutes(1))
        {
            lines.AddRange(simulator.Tick(at).Select(e => e.ToJsonString()));
        }

        // One line a source system got wrong: refused with its line number, the rest imported.
        lines.Insert(10, """{"eventId":"0f1c1b9e-3a53-4a1e-9a43-2f0d7c1c0a11","type":"CaseOpened","caseId":"QJ-1","occurredAt":"2026-11-24T09:30:00-06:00","data":{"unitCode":"UMF-NO-EXISTE","kind":"Complaint","channel":"Module","category":"mistreatment","priority":"High","complex":true,"summary":"x"}}""");
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);

        var (exit, output, error) = await ImportAsync(file);
        Assert.True(exit == 0, output + error);
        Assert.Contains("pasado.ndjson:11: ", output, StringComparison.Ordinal);
        Assert.Matches(@"pasado\.ndjson: done [\d,]+ \(100 %\), [\d,]+ rows/s", output);
        Assert.Contains($"{lines.Count - 1:N0} events", output, StringComparison.Ordinal);
        Assert.Contains("1 refused", output, StringComparison.Ordinal);

        (exit, output, _) = await ImportAsync(file);
        Assert.Equal(0, exit);
        Assert.Contains("imported already", output, StringComparison.Ordinal);

        await using var open = new SqliteConnection($"Data Source={Path.Combine(Data, "tablero.db")}");
        await open.OpenAsync(TestContext.Current.CancellationToken);
        (exit, _, error) = await ImportAsync(file);
        Assert.Equal(1, exit);
        Assert.Contains("stop the service before importing history", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
