using Dashboard.Data.Tests;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>The real program started as an operator would, on storage it cannot use: one clear line and exit code 2.</summary>
public sealed class StartupTests
{
    private static Task<(int Exit, string Output, string Error)> StartAsync(string dataFolder) =>
        RealProgram.RunAsync("--urls", "http://127.0.0.1:0", $"--Database:DataFolder={dataFolder}", "--Simulator:Enabled=false", "--environment", "Production");

    [Fact]
    public async Task Start_WithADataFolderThatCannotExist_PrintsOneLineAndExitsWithTwo()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, output, error) = await StartAsync(Path.Combine(file, "data"));

            Assert.Equal(2, exit);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Tablero cannot start:", line);
            Assert.Contains(file, line);
            Assert.Contains("Database:DataFolder", line);
            Assert.DoesNotContain("Unhandled exception", output + error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Start_OnAReadOnlyFileSystem_PrintsOneLineAndExitsWithTwo()
    {
        using var disk = Tmpfs.Mount(1024);
        disk.RemountReadOnly();

        var (exit, output, error) = await StartAsync(disk.Path);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Tablero cannot start:", line);
        Assert.Contains(disk.Path, line);
        Assert.DoesNotContain("Unhandled exception", output + error);
    }

    [Fact]
    public async Task Start_WithABadProfileFile_NamesTheFileLineAndFieldAndExitsWithTwo()
    {
        using var profiles = Dashboard.Core.Tests.Profiles.ProfileFolder.Shipped();
        profiles.Edit("imss", "escalation.json", t => t.Replace("[ \"mistreatment\" ]", "[ \"maltrato\" ]", StringComparison.Ordinal));
        var data = Directory.CreateTempSubdirectory("tablero-start-").FullName;
        try
        {
            var (exit, output, error) = await RealProgram.RunAsync("--urls", "http://127.0.0.1:0", $"--Database:DataFolder={data}", "--Simulator:Enabled=false",
                "--environment", "Production", $"--Profiles:Path={profiles.Path}");

            Assert.Equal(2, exit);
            Assert.StartsWith("Tablero cannot start: The institution profiles in", error, StringComparison.Ordinal);
            Assert.Contains("imss/escalation.json:19 rules[2].categories[0]: 'maltrato' is not a category of classification.json", error, StringComparison.Ordinal);
            Assert.Contains("Profiles:Path", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output + error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
