using System.Text.RegularExpressions;
using Dapper;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Tests;

/// <summary>
/// Case_Update.sql sets an indexed column only on a line kept when that part changed; a new index on a column the
/// plain lines set would silently bring back the cost, and a part the store does not compare would never be written.
/// </summary>
public sealed partial class CaseUpdateStatementTests
{
    private const string Marker = "-- only if changed: ";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public async Task PlainLines_SetNoIndexedColumn_AndEveryMarkedLineNamesAPartTheStoreCompares(DatabaseProvider provider)
    {
        var indexed = await IndexedCaseColumnsAsync();
        var lines = new SqlScripts(provider)["Case_Update"].Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("WHERE", StringComparison.Ordinal)).ToArray();

        var plain = lines.Where(l => !l.Contains(Marker, StringComparison.Ordinal) && !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
        var marked = lines.Where(l => l.Contains(Marker, StringComparison.Ordinal)).ToArray();

        Assert.Empty(plain.SelectMany(AssignedColumns).Intersect(indexed));
        Assert.Equal(
            CaseUpdateStatement.Parts.Select(p => p.Name).Order(),
            marked.Select(l => l[(l.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim()).Order());
        Assert.All(marked.SelectMany(AssignedColumns), column => Assert.Contains(column, indexed));
    }

    [Fact]
    public void For_KeepsOnlyTheLinesOfTheChangedParts()
    {
        var statement = new CaseUpdateStatement(new SqlScripts(DatabaseProvider.Sqlite)["Case_Update"]);

        var clockOnly = statement.For("NextDeadline,ResolutionBreached");
        var closing = statement.For("Open,Closed");

        Assert.Contains("next_deadline_utc = @NextDeadlineAt", clockOnly, StringComparison.Ordinal);
        Assert.Contains("resolution_breached_utc = @ResolutionBreachedAt", clockOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("is_open", clockOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("closed_at_utc", clockOnly, StringComparison.Ordinal);
        Assert.Contains("is_open = @IsOpen, is_complex = @Complex", closing, StringComparison.Ordinal);
        Assert.Contains("closed_at_utc = @ClosedAt", closing, StringComparison.Ordinal);
        Assert.DoesNotContain("next_deadline_utc", closing, StringComparison.Ordinal);
        Assert.EndsWith("WHERE case_id = @CaseId;", statement.For("").TrimEnd(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> AssignedColumns(string line) =>
        Assignment().Matches(line).Select(m => m.Groups[1].Value);

    /// <summary>Every column an index of <c>cases</c> holds or filters on (a partial index's WHERE counts too).</summary>
    private static async Task<HashSet<string>> IndexedCaseColumnsAsync()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withCatalogue: false);
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('cases')")).ToArray();
        var indexes = await connection.QueryAsync<(string Name, string? Sql)>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'");
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, sql) in indexes)
        {
            indexed.UnionWith(await connection.QueryAsync<string>("SELECT name FROM pragma_index_info(@name)", new { name }));
            indexed.UnionWith(columns.Where(c => sql is not null && Regex.IsMatch(sql, $@"\b{c}\b")));
        }

        return indexed;
    }

    [GeneratedRegex(@"(\w+)\s*=\s*@")]
    private static partial Regex Assignment();
}
