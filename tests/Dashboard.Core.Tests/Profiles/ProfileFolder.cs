using Dashboard.Core.Profiles;

namespace Dashboard.Core.Tests.Profiles;

/// <summary>
/// A profiles folder of a test's own: the shipped IMSS and EsSalud profiles, and with <see cref="WithThird"/> the
/// ISSSTE one kept in tests/TestProfiles — a third institution added as a folder, not as code.
/// </summary>
public sealed class ProfileFolder : IDisposable
{
    private ProfileFolder()
    {
        foreach (var profile in Directory.GetDirectories(InstitutionProfiles.ShippedFolder))
        {
            Copy(profile);
        }
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("tablero-profiles-").FullName;

    public static ProfileFolder Shipped() => new();

    public static ProfileFolder WithThird()
    {
        var folder = new ProfileFolder();
        folder.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "TestProfiles", "issste"));
        return folder;
    }

    public string FileOf(string profile, string file) => System.IO.Path.Combine(Path, profile, file);

    /// <summary>Rewrites one file: <paramref name="edit"/> gets its text and returns the new one.</summary>
    public void Edit(string profile, string file, Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var path = FileOf(profile, file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private void Copy(string profile)
    {
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, System.IO.Path.GetFileName(profile)));
        foreach (var file in Directory.GetFiles(profile, "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(target.FullName, System.IO.Path.GetFileName(file)));
        }
    }
}
