using Dashboard.Core.Profiles;
using Dashboard.Web.Catalogue;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Web.Profiles;

/// <summary>Where the institution profiles are read from. Bound from the "Profiles" section.</summary>
public sealed class ProfileOptions
{
    public const string SectionName = "Profiles";

    /// <summary>
    /// A folder with one sub-folder per institution (each with profile.json, policies.json, escalation.json,
    /// classification.json, holidays.json, vocabulary.json). Empty: the shipped IMSS and EsSalud profiles. A folder
    /// set here is also watched: replacing its files applies them (when valid) without a restart.
    /// </summary>
    public string Path { get; set; } = "";
}

/// <summary>The profiles folder named a problem the host cannot start with.</summary>
public sealed class ProfilesInvalidException(string folder, IReadOnlyList<ProfileError> errors)
    : Exception($"The institution profiles in {folder} are not valid:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", errors)}")
{
    public string Folder { get; } = folder;

    public IReadOnlyList<ProfileError> Errors { get; } = errors;
}

/// <summary>
/// Loads the institution profiles at start (a bad file stops the host, naming file, line and field), and applies a change
/// while running — from the administration page or a replaced file — only when the whole folder is valid; deadlines
/// computed afterwards follow it, clocks already set keep theirs (as with holidays).
/// </summary>
public sealed class ProfileService(IOptions<ProfileOptions> options, CatalogueService catalogue, TimeProvider time, ILogger<ProfileService> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PhysicalFileProvider? _files;
    private IDisposable? _watch;

    /// <summary>The folder read, as an absolute path.</summary>
    public string Folder { get; } = string.IsNullOrWhiteSpace(options.Value.Path) ? InstitutionProfiles.ShippedFolder : System.IO.Path.GetFullPath(options.Value.Path);

    /// <summary>When the profiles in use were applied, and the errors of the last attempt that was refused (empty when it was not).</summary>
    public DateTimeOffset? AppliedAt { get; private set; }

    public IReadOnlyList<ProfileError> LastRefused { get; private set; } = [];

    /// <summary>Reads the folder and puts it in use, or throws <see cref="ProfilesInvalidException"/> with every error.</summary>
    public void LoadAtStart()
    {
        var result = ProfileLoader.Load(Folder);
        if (result.Profiles is null)
        {
            throw new ProfilesInvalidException(Folder, result.Errors);
        }

        InstitutionProfiles.Use(result.Profiles);
        AppliedAt = time.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(options.Value.Path))
        {
            Watch();
        }
    }

    /// <summary>Reads the folder again: applied when valid (the errors are empty), else every error and nothing changed.</summary>
    public async Task<IReadOnlyList<ProfileError>> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = ProfileLoader.Load(Folder);
            if (result.Profiles is null)
            {
                LastRefused = result.Errors;
                return result.Errors;
            }

            InstitutionProfiles.Use(result.Profiles);
            await catalogue.ReloadAsync(cancellationToken);
            AppliedAt = time.GetUtcNow();
            LastRefused = [];
            return [];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The text of one profile file, or null when there is no such profile or file.</summary>
    public string? ReadFile(string profileFolder, string file) =>
        PathOf(profileFolder, file) is { } path && File.Exists(path) ? File.ReadAllText(path) : null;

    /// <summary>
    /// Replaces one file of one profile with <paramref name="text"/>: the whole folder is checked with the new text first
    /// (in a copy), and only a valid one is written and applied. Returns the errors when refused.
    /// </summary>
    public async Task<IReadOnlyList<ProfileError>> ReplaceFileAsync(string profileFolder, string file, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PathOf(profileFolder, file) is not { } target)
        {
            return [new ProfileError($"{profileFolder}/{file}", null, "", "is not a file of a profile")];
        }

        var trial = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tablero-profiles-{Guid.NewGuid():N}");
        try
        {
            foreach (var dir in Directory.GetDirectories(Folder))
            {
                var copy = Directory.CreateDirectory(System.IO.Path.Combine(trial, System.IO.Path.GetFileName(dir)));
                foreach (var name in ProfileLoader.Files.Where(f => File.Exists(System.IO.Path.Combine(dir, f))))
                {
                    File.Copy(System.IO.Path.Combine(dir, name), System.IO.Path.Combine(copy.FullName, name));
                }
            }

            await File.WriteAllTextAsync(System.IO.Path.Combine(trial, profileFolder, file), text, cancellationToken);
            var check = ProfileLoader.Load(trial);
            if (check.Profiles is null)
            {
                return check.Errors;
            }

            // Written beside and moved over, so a reader never sees half a file.
            var next = $"{target}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllTextAsync(next, text, cancellationToken);
            File.Move(next, target, overwrite: true);
            logger.LogInformation("Institution profile file {Profile}/{File} replaced from the administration page", profileFolder, file);
            return await ReloadAsync(cancellationToken);
        }
        finally
        {
            if (Directory.Exists(trial))
            {
                Directory.Delete(trial, recursive: true);
            }
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _files?.Dispose();
        _gate.Dispose();
    }

    /// <summary>The path of a known file of an existing profile folder; never anything outside the profiles folder.</summary>
    private string? PathOf(string profileFolder, string file) =>
        ProfileLoader.Files.Contains(file, StringComparer.Ordinal)
        && Directory.GetDirectories(Folder).Select(System.IO.Path.GetFileName).Contains(profileFolder, StringComparer.Ordinal)
            ? System.IO.Path.Combine(Folder, profileFolder, file)
            : null;

    private void Watch()
    {
        _files = new PhysicalFileProvider(Folder);
        _watch = ChangeToken.OnChange(() => _files.Watch("**/*.json"), () => _ = ReloadAfterChangeAsync());
    }

    private async Task ReloadAfterChangeAsync()
    {
        try
        {
            var errors = await ReloadAsync();
            if (errors.Count > 0)
            {
                logger.LogWarning("Institution profiles in {Folder} changed but are not valid; the ones in use stay:{NewLine}{Errors}",
                    Folder, Environment.NewLine, string.Join(Environment.NewLine, errors));
            }
            else
            {
                logger.LogInformation("Institution profiles in {Folder} changed and were applied", Folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file half-copied by the operator: the next change event reads it whole.
            logger.LogWarning("Institution profiles in {Folder} could not be read yet: {Reason}", Folder, ex.Message);
        }
    }
}

public static class ProfileServices
{
    public static IServiceCollection AddTableroProfiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProfileOptions>().Bind(configuration.GetSection(ProfileOptions.SectionName));
        services.AddSingleton<ProfileService>();
        return services;
    }
}
