using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dashboard.Data.Tests;

/// <summary>No SQL Server engine runs here, so its T-SQL is kept honest by parsing every statement as it is sent.</summary>
public sealed partial class SqlFilesTests
{
    private static readonly Assembly DataAssembly = typeof(SqlScripts).Assembly;

    public static TheoryData<string> SqlServerStatements => new(new SqlScripts(DatabaseProvider.SqlServer).Names.Order(StringComparer.Ordinal));

    public static TheoryData<string> SqlServerMigrations => new(DataAssembly.GetManifestResourceNames()
        .Where(n => n.Contains(".Migrations.SqlServer.", StringComparison.Ordinal)));

    [Fact]
    public void Statements_EveryProviderHasTheSameFiles()
    {
        var sqlite = new SqlScripts(DatabaseProvider.Sqlite).Names.Order(StringComparer.Ordinal).ToArray();
        var sqlServer = new SqlScripts(DatabaseProvider.SqlServer).Names.Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, sqlServer);
    }

    [Fact]
    public void Fragments_EveryProviderHasTheSameOnes_AndEachIsIncluded()
    {
        var sqlite = new SqlScripts(DatabaseProvider.Sqlite).FragmentNames.Order(StringComparer.Ordinal).ToArray();
        var sqlServer = new SqlScripts(DatabaseProvider.SqlServer).FragmentNames.Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, sqlServer);
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var statements = SqlScripts.ReadEmbedded($"Sql.{provider}.").Where(f => !f.Key.Contains('.', StringComparison.Ordinal)).ToArray();
            Assert.All(sqlite, fragment => Assert.Contains(statements, s => s.Value.Contains($"-- #include {fragment}\n", StringComparison.Ordinal)));
        }
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
    [MemberData(nameof(SqlServerStatements))]
    public void SqlServerStatement_ParsesAsTSqlAfterItsIncludes(string name)
    {
        AssertParses(name, new SqlScripts(DatabaseProvider.SqlServer).Whole(name));
    }

    [Theory]
    [MemberData(nameof(SqlServerMigrations))]
    public void SqlServerMigration_ParsesAsTSql(string resource)
    {
        using var stream = DataAssembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        AssertParses(resource, reader.ReadToEnd());
    }

    [Fact]
    public void Statements_NeverReadTheDatabaseClock()
    {
        var clock = new Regex(@"SYSUTCDATETIME|GETDATE|GETUTCDATE|CURRENT_TIMESTAMP|'now'", RegexOptions.IgnoreCase);
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var scripts = new SqlScripts(provider);
            Assert.All(scripts.Names, name => Assert.DoesNotMatch(clock, scripts.Whole(name)));
        }
    }

    [Fact]
    public void Statements_AreNamedEntityAndAction_AndEveryReadIsARead()
    {
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var scripts = new SqlScripts(provider);
            Assert.All(scripts.Names, name =>
            {
                Assert.Matches(StatementName(), name);
                var action = name[(name.IndexOf('_', StringComparison.Ordinal) + 1)..];
                Assert.DoesNotMatch("^(Get|List)", action);
                if (StartsAsQuery().IsMatch(WithoutComments(scripts.Whole(name))))
                {
                    Assert.True(action.StartsWith("Read", StringComparison.Ordinal), $"{provider}/{name} only reads: its action starts with Read");
                }
            });
        }
    }

    /// <summary>The statements that read cases, events or alerts for the application itself (jobs, appends, delivery, audit), not for a caller.</summary>
    private static readonly string[] NotACallersRead =
    [
        "Alert_EndRemindersOfClosedCases", "Alert_Insert", "Alert_ReadByCase", "Alert_ReadById", "Alert_ReadDeliverable", "Alert_ReadRemindersDue", "Audit_ReadLatestForInsured",
        "CaseEvent_ReadByEventIds", "CaseEvent_ReadByCaseIds", "CaseEvent_ReadOfTypeBetween", "Case_ReadByIds", "Case_ReadComplaintOpenings", "Case_ReadDue",
        "Case_ReadPurgeable", "CaseCount_Rebuild", "Case_ReadForDayCounts", "CaseDay_ReadNeedsFill",
    ];

    [Fact]
    public void Statements_ReadingCasesEventsOrAlertsForACaller_AreLimitedToTheCallersScope()
    {
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var scripts = new SqlScripts(provider);
            Assert.All(NotACallersRead, name => Assert.Contains(name, scripts.Names));
            var callers = scripts.Names.Where(n => !NotACallersRead.Contains(n) && ReadsScopedTable().IsMatch(WithoutComments(scripts.Whole(n)))).ToArray();

            Assert.NotEmpty(callers);
            Assert.All(callers, name => Assert.True(
                LimitsToTheScope(scripts.Whole(name)),
                $"{provider}/{name} reads for a caller: it filters by @ScopeRegionCode and @ScopeUnitCode"));
        }
    }

    private static readonly string[] ScopeParameters = ["ScopeRegionCode", "ScopeUnitCode"];

    /// <summary>Limited to @ScopeRegionCode and @ScopeUnitCode: as "(@X IS NULL OR …)", or as a line that stays when the value is there ("-- when @X").</summary>
    private static bool LimitsToTheScope(string text) =>
        ScopeParameters.All(p => text.Contains($"@{p} IS NULL OR", StringComparison.Ordinal)
            || Regex.IsMatch(text, $@"= @{p} -- when @{p}\r?(\n|$)", RegexOptions.Multiline));

    [Fact]
    public void Statements_FilteringByRegionOrUnit_NarrowTheCallersScopeNeverReplaceIt()
    {
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var scripts = new SqlScripts(provider);
            var filtering = scripts.Names.Where(n => OptionalRegionOrUnit().IsMatch(scripts.Whole(n))).ToArray();

            Assert.NotEmpty(filtering);
            Assert.All(filtering, name => Assert.True(
                LimitsToTheScope(scripts.Whole(name)),
                $"{provider}/{name}: an optional @RegionCode or @UnitCode is a filter within the caller's scope (@Scope…), never the scope itself"));
        }
    }

    [Fact]
    public void For_AFilterWithoutAValue_LeavesTheStatement_SoTheIndexOfTheOneGivenServes()
    {
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var scripts = new SqlScripts(provider);

            var unit = scripts.For("Case_ReadSummary", new { ScopeInstitution = (string?)null, ScopeRegionCode = "IMSS-JAL", ScopeUnitCode = (string?)null, RegionCode = (string?)null, UnitCode = "HGZ-JAL-006" });
            var all = scripts.For("Case_ReadSummary", new { ScopeInstitution = (string?)null, ScopeRegionCode = (string?)null, ScopeUnitCode = (string?)null, RegionCode = (string?)null, UnitCode = (string?)null });

            Assert.Contains("region_code = @ScopeRegionCode", unit, StringComparison.Ordinal);
            Assert.Contains("unit_code = @UnitCode", unit, StringComparison.Ordinal);
            Assert.DoesNotContain("@ScopeUnitCode", unit, StringComparison.Ordinal);
            Assert.DoesNotContain("@RegionCode", unit, StringComparison.Ordinal);
            Assert.DoesNotContain("@", WithoutComments(all), StringComparison.Ordinal);
            Assert.Contains("GROUP BY", all, StringComparison.Ordinal);
            // Read without its values, such a statement would silently match nothing: it is only had through For.
            Assert.Throws<InvalidOperationException>(() => scripts["Case_ReadSummary"]);
            Assert.Throws<InvalidOperationException>(() => scripts.For("Case_ReadSummary", new { UnitCode = "x" }));
        }
    }

    [Fact]
    public void Include_ReplacesTheLineWithTheFragmentIndentedAsTheLine()
    {
        var fragments = new Dictionary<string, string> { ["Both"] = "-- What Both is.\nAND a = 1\n    OR b = 2\n" };

        var sql = SqlScripts.Expand("Test/X.sql", "SELECT 1\nWHERE c = 3\n    -- #include Both\nORDER BY 1;\n", fragments);

        Assert.Equal("SELECT 1\nWHERE c = 3\n    AND a = 1\n        OR b = 2\nORDER BY 1;\n", sql);
    }

    [Fact]
    public void Include_OfAnUnknownFragment_FailsNamingTheFileAndTheFragment()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SqlScripts.Expand("Sqlite/Case_ReadX.sql", "SELECT\n    -- #include CaseColumnz\nFROM cases c;\n", new Dictionary<string, string> { ["CaseColumns"] = "c.case_id" }));

        Assert.Contains("Sqlite/Case_ReadX.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("CaseColumnz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_InAFragment_IsRefused()
    {
        var fragments = new Dictionary<string, string> { ["Outer"] = "-- #include Inner\n", ["Inner"] = "1" };

        var error = Assert.Throws<InvalidOperationException>(() => SqlScripts.Expand("Sqlite/X_Read.sql", "SELECT\n-- #include Outer\n;", fragments));

        Assert.Contains("Outer", error.Message, StringComparison.Ordinal);
        Assert.Contains("do not nest", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1 -- #include CaseColumns")]
    [InlineData("-- #include Case.Columns")]
    [InlineData("-- #include")]
    public void Include_NotOnALineOfItsOwn_IsRefused(string line)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SqlScripts.Expand("Sqlite/X_Read.sql", $"{line}\nFROM cases c;\n", new Dictionary<string, string> { ["CaseColumns"] = "c.case_id" }));

        Assert.Contains("Sqlite/X_Read.sql", error.Message, StringComparison.Ordinal);
    }

    private static void AssertParses(string name, string sql)
    {
        new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{name} line {e.Line}: {e.Message}")));
    }

    private static string WithoutComments(string sql) => LineComment().Replace(sql, "");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{2}_[A-Za-z]+\.sql$")]
    private static partial Regex DatedScript();

    [GeneratedRegex(@"^[A-Z][A-Za-z]*_[A-Z][A-Za-z]*$")]
    private static partial Regex StatementName();

    [GeneratedRegex(@"^\s*(SELECT|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartsAsQuery();

    [GeneratedRegex(@"\b(FROM|JOIN)\s+(dbo\.)?(cases|case_events|alerts)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadsScopedTable();

    [GeneratedRegex(@"@(RegionCode|UnitCode) IS NULL OR|-- when @(RegionCode|UnitCode)\b")]
    private static partial Regex OptionalRegionOrUnit();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
}
