using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Data;

/// <summary>
/// The SQL statements of one provider, read once from the embedded <c>Sql/{Provider}/{Entity}_{Action}.sql</c> files.
/// Stores ask by name; the same names exist for every provider (a test keeps it so).
/// <para>
/// Shared text lives in fragments, <c>Sql/{Provider}/Fragments/{Fragment}.sql</c>, which are not statements (they are
/// not in <see cref="Names"/>). A statement line that is only <c>-- #include {Fragment}</c> is replaced at load by the
/// fragment of the same provider, each of its lines indented as the directive is; the comment lines a fragment starts
/// with describe it and stay out. Fragments do not include fragments; an include of a fragment that does not exist, a
/// nested or a malformed one stops the load with the statement's and the fragment's names.
/// </para>
/// <para>
/// A line that ends with <c>-- when @Name</c> is a filter that stays in the statement only when that parameter has a
/// value: <see cref="For"/> drops it otherwise, so an absent filter leaves the statement instead of hiding the indexes
/// behind <c>(@X IS NULL OR c.x = @X)</c> (a planner picks its plan before it sees the values). A statement with such
/// lines is only ever had through <see cref="For"/>; its lines are written as they read when the value is there.
/// </para>
/// <para>
/// Actions: a statement that only reads is <c>Read…</c> (never Get or List): <c>ReadAll</c> is every row of a small
/// table, with no parameters; <c>ReadLatest…</c> the newest rows first, at most <c>@Limit</c>; <c>ReadPage</c> one page
/// (<c>@Skip</c>, <c>@Take</c>) in an order the caller picks; <c>ReadBy…</c> rows by a key; any other <c>Read…</c> names
/// what it selects. Writes are named by their verb (Insert, Update, Upsert, Delete, Revoke, Set…, Mark…).
/// </para>
/// <para>
/// Parameters: the caller's scope is always <c>@ScopeInstitution</c>, <c>@ScopeRegionCode</c> and <c>@ScopeUnitCode</c> (null: not limited at
/// that level). <c>@RegionCode</c> and <c>@UnitCode</c> are a filter that narrows the scope, or a key or a value to
/// write, never the scope.
/// </para>
/// </summary>
public sealed partial class SqlScripts
{
    private readonly FrozenDictionary<string, string> _byName;
    private readonly FrozenDictionary<string, string> _fragments;
    private readonly FrozenDictionary<string, Conditional> _conditional;
    private readonly ConcurrentDictionary<(string Name, ulong Present), string> _narrowed = new();
    private static readonly ConcurrentDictionary<(Type, string), System.Reflection.PropertyInfo?> Properties = new();

    /// <summary>A statement's lines and, for each line that ends with <c>-- when @Name</c>, the parameter it waits for.</summary>
    private sealed record Conditional(string[] Lines, (int Line, string Parameter)[] Filters);

    public SqlScripts(DatabaseProvider provider)
    {
        Provider = provider;
        var files = ReadEmbedded($"Sql.{provider}.").ToArray();
        if (files.FirstOrDefault(f => f.Key.Contains('.', StringComparison.Ordinal) && !f.Key.StartsWith(FragmentPrefix, StringComparison.Ordinal)) is { Key: { } stray })
        {
            throw new InvalidOperationException($"{provider}/{stray.Replace('.', '/')}.sql is neither a statement nor a fragment (Fragments/)");
        }

        _fragments = files.Where(f => f.Key.StartsWith(FragmentPrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(f => f.Key[FragmentPrefix.Length..], f => f.Value, StringComparer.Ordinal);
        _byName = files.Where(f => !f.Key.Contains('.', StringComparison.Ordinal))
            .ToFrozenDictionary(f => f.Key, f => Expand($"{provider}/{f.Key}.sql", f.Value, _fragments), StringComparer.Ordinal);
        _conditional = _byName.Select(s => (s.Key, Lines: s.Value.Split('\n')))
            .Select(s => (s.Key, s.Lines, Filters: s.Lines.Select((line, i) => (Line: i, Match: WhenLine().Match(line))).Where(m => m.Match.Success)
                .Select(m => (m.Line, m.Match.Groups["name"].Value)).ToArray()))
            .Where(s => s.Filters.Length > 0)
            .ToFrozenDictionary(s => s.Key, s => s.Filters.Length <= 64
                ? new Conditional(s.Lines, s.Filters)
                : throw new InvalidOperationException($"{provider}/{s.Key}.sql has more than 64 '-- when' lines"), StringComparer.Ordinal);
    }

    public DatabaseProvider Provider { get; }

    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>The fragments the statements can include, by name (a test keeps them alike across providers).</summary>
    internal IEnumerable<string> FragmentNames => _fragments.Keys;

    public string this[string name] => _conditional.ContainsKey(name)
        ? throw new InvalidOperationException($"{name}.sql has '-- when @…' filters: read it with For(name, parameters)")
        : Whole(name);

    /// <summary>
    /// The statement for these <paramref name="parameters"/> (an object whose properties Dapper binds): every
    /// <c>-- when @Name</c> line whose property is null is left out. The texts are kept per statement and set of filters.
    /// </summary>
    public string For(string name, object parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!_conditional.TryGetValue(name, out var conditional))
        {
            return Whole(name);
        }

        var present = 0UL;
        for (var i = 0; i < conditional.Filters.Length; i++)
        {
            var property = Properties.GetOrAdd((parameters.GetType(), conditional.Filters[i].Parameter), key => key.Item1.GetProperty(key.Item2)
                ?? throw new InvalidOperationException($"{name}.sql filters on @{key.Item2}, which {key.Item1.Name} does not have"));
            if (property!.GetValue(parameters) is not null)
            {
                present |= 1UL << i;
            }
        }

        return _narrowed.GetOrAdd((name, present), key =>
        {
            var skip = conditional.Filters.Where((_, i) => (key.Present & (1UL << i)) == 0).Select(f => f.Line).ToHashSet();
            return string.Join('\n', conditional.Lines.Where((_, i) => !skip.Contains(i)));
        });
    }

    /// <summary>The statement with every line, <c>-- when</c> filters included (what a parser checks).</summary>
    internal string Whole(string name) =>
        _byName.TryGetValue(name, out var sql) ? sql : throw new KeyNotFoundException($"no SQL file '{name}.sql' for {Provider}");

    private const string FragmentPrefix = "Fragments.";

    /// <summary>
    /// The text of a statement with each <c>-- #include {Fragment}</c> line replaced by that fragment (less the comment
    /// lines it starts with), indented as the line is. <paramref name="file"/> only names the statement in errors.
    /// </summary>
    internal static string Expand(string file, string text, IReadOnlyDictionary<string, string> fragments)
    {
        if (!text.Contains("#include", StringComparison.Ordinal))
        {
            return text;
        }

        var expanded = new StringBuilder(text.Length * 2);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                expanded.Append('\n');
            }

            var directive = IncludeLine().Match(line);
            if (!directive.Success)
            {
                if (line.Contains("#include", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{file}: '{line.Trim()}' is not an include; the form is a line of its own, '-- #include FragmentName'");
                }

                expanded.Append(line);
                continue;
            }

            var name = directive.Groups["name"].Value;
            if (!fragments.TryGetValue(name, out var fragment))
            {
                throw new InvalidOperationException($"{file} includes the fragment '{name}', which does not exist (Fragments/{name}.sql)");
            }

            if (fragment.Contains("#include", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{file} includes the fragment '{name}', which includes another: fragments do not nest");
            }

            var indent = directive.Groups["indent"].Value;
            var body = fragment.TrimEnd('\n', '\r').Split('\n').SkipWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal));
            expanded.AppendJoin('\n', body.Select(l => l.Length == 0 ? l : indent + l));
        }

        return expanded.ToString();
    }

    [GeneratedRegex(@"--[ \t]*when[ \t]+@(?<name>[A-Za-z][A-Za-z0-9]*)[ \t]*\r?$")]
    private static partial Regex WhenLine();

    [GeneratedRegex(@"^(?<indent>[ \t]*)--[ \t]*#include[ \t]+(?<name>[A-Za-z][A-Za-z0-9]*)[ \t]*\r?$")]
    private static partial Regex IncludeLine();

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
