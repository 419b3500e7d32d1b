using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>The operator's recount of the summary's counters, run as the real program against a host's data folder.</summary>
public sealed class RebuildCountsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tablero-rebuild-counts-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Host(string folder) : TableroFactory(folder);

    private string Database => Path.Combine(_folder, "tablero.db");

    private void Execute(string statement)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    private string[] Rows(string query)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Rebuild_counts_corrects_counters_that_drifted_from_the_cases_and_says_how_many()
    {
        await using (var host = new Host(_folder))
        {
            using var client = host.CreateClient(TableroFactory.IngestKey);
            var batch = new JsonArray([.. Enumerable.Range(0, 12).Select(i => (JsonNode)EventJson.Opened($"QJ-RC-{i:D3}-{Guid.NewGuid():N}"[..20],
                i % 2 == 0 ? TableroFactory.JaliscoUnit.Code : TableroFactory.NuevoLeonUnit.Code, complex: i % 3 == 0))]);
            (await client.PostAsJsonAsync("/api/v1/events", batch, Ct)).EnsureSuccessStatusCode();
        }

        SqliteConnection.ClearAllPools();
        // A counter off by five, and one for cases that do not exist (as after a hand edit or an old restore).
        Execute($"UPDATE case_counts SET cases = cases + 5 WHERE unit_code = '{TableroFactory.JaliscoUnit.Code}' AND is_complex = 1");
        Execute($"INSERT INTO case_counts (unit_code, region_code, status, is_complex, escalation_level, cases) VALUES ('{TableroFactory.NuevoLeonUnit.Code}', 'IMSS-NL', 'Closed', 0, 0, 3)");

        var (exit, output, error) = await RealProgram.RunAsync(Dashboard.Web.Infrastructure.RebuildCountsCommand.Name, $"--Database:DataFolder={_folder}", "--environment", "Production");

        Assert.True(exit == 0, error);
        Assert.Contains("2 corrected", output, StringComparison.Ordinal);
        const string counters = "SELECT unit_code, status, is_complex, escalation_level, cases FROM case_counts WHERE cases <> 0";
        const string recount = "SELECT unit_code, status, is_complex, escalation_level, COUNT(*) FROM cases GROUP BY unit_code, status, is_complex, escalation_level";
        Assert.Equal(Rows(recount), Rows(counters));
        Assert.Equal("12", Rows("SELECT SUM(cases) FROM case_counts").Single());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
