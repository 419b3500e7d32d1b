using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dashboard.Data.Tests;

/// <summary>No SQL Server engine runs here, so its T-SQL is kept honest by parsing every file.</summary>
public sealed partial class SqlFilesTests
{
    private static readonly Assembly DataAssembly = typeof(SqlScripts).Assembly;

    public static TheoryData<string> SqlServerFiles => new(DataAssembly.GetManifestResourceNames()
        .Where(n => n.Contains(".Sql.SqlServer.", StringComparison.Ordinal) || n.Contains(".Migrations.SqlServer.", StringComparison.Ordinal)));

    [Fact]
    public void Statements_EveryProviderHasTheSameFiles()
    {
        var sqlite = new SqlScripts(DatabaseProvider.Sqlite).Names.Order(StringComparer.Ordinal).ToArray();
        var sqlServer = new SqlScripts(DatabaseProvider.SqlServer).Names.Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, sqlServer);
    }

    [Fact]
    public void Migrations_EveryProviderHasTheSameDatedScripts()
    {
        string[] Of(string provider) => DataAssembly.GetManifestResourceNames()
            .Where(n => n.Contains($".Migrations.{provider}.", StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf($".Migrations.{provider}.", StringComparison.Ordinal) + $".Migrations.{provider}.".Length)..])
            .Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(Of("Sqlite"));
        Assert.Equal(Of("Sqlite"), Of("SqlServer"));
        Assert.All(Of("Sqlite"), n => Assert.Matches(DatedScript(), n));
    }

    [Theory]
    [MemberData(nameof(SqlServerFiles))]
    public void SqlServerFile_ParsesAsTSql(string resource)
    {
        using var stream = DataAssembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var sql = reader.ReadToEnd();

        new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{resource} line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void Statements_NeverReadTheDatabaseClock()
    {
        var clock = new Regex(@"SYSUTCDATETIME|GETDATE|GETUTCDATE|CURRENT_TIMESTAMP|'now'", RegexOptions.IgnoreCase);
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var scripts = new SqlScripts(provider);
            Assert.All(scripts.Names, name => Assert.DoesNotMatch(clock, scripts[name]));
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{2}_[A-Za-z]+\.sql$")]
    private static partial Regex DatedScript();
}
