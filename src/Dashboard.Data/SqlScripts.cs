using System.Collections.Frozen;
using System.Reflection;

namespace Dashboard.Data;

/// <summary>
/// The SQL statements of one provider, read once from the embedded <c>Sql/{Provider}/{Name}.sql</c> files.
/// Stores ask by name; the same names exist for every provider (a test keeps it so).
/// </summary>
public sealed class SqlScripts
{
    private readonly FrozenDictionary<string, string> _byName;

    public SqlScripts(DatabaseProvider provider)
    {
        Provider = provider;
        _byName = ReadEmbedded($"Sql.{provider}.").ToFrozenDictionary(StringComparer.Ordinal);
    }

    public DatabaseProvider Provider { get; }

    public IEnumerable<string> Names => _byName.Keys;

    public string this[string name] =>
        _byName.TryGetValue(name, out var sql) ? sql : throw new KeyNotFoundException($"no SQL file '{name}.sql' for {Provider}");

    /// <summary>Embedded .sql resources under a folder prefix (e.g. "Sql.Sqlite."), keyed by file name without extension.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ReadEmbedded(string folderPrefix)
    {
        var assembly = typeof(SqlScripts).Assembly;
        var prefix = $"{assembly.GetName().Name}.{folderPrefix}";
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                var name = resource[prefix.Length..^".sql".Length];
                yield return new(name, ReadResource(assembly, resource));
            }
        }
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
