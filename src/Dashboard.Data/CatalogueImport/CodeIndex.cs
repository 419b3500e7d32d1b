namespace Dashboard.Data.CatalogueImport;

/// <summary>What a reference to a code found.</summary>
internal enum ReferenceKind
{
    /// <summary>A valid row of the file, or a row of the catalogue already loaded.</summary>
    Found,

    /// <summary>The row it points to has errors of its own, or its file could not be read: nothing more to say.</summary>
    NotChecked,

    /// <summary>A code that differs only in case exists.</summary>
    CaseDiffers,

    Missing,
}

internal readonly record struct Reference<T>(ReferenceKind Kind, T? Value, string? ActualCode)
    where T : class;

/// <summary>
/// The codes of one kind of row: those of the import file, with the line that holds each, the row when it was valid,
/// and those of the catalogue already loaded. Duplicates are found ignoring case (SQL Server compares codes without
/// case, so they would collide there); references must match exactly (SQLite compares them with case).
/// </summary>
internal sealed class CodeIndex<T>
    where T : class
{
    private readonly Dictionary<string, Entry> _file = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Code, T Value)> _existing = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _fileReadable;

    public CodeIndex(bool fileReadable, IEnumerable<T>? existing, Func<T, string> codeOf)
    {
        _fileReadable = fileReadable;
        foreach (var value in existing ?? [])
        {
            _existing.TryAdd(codeOf(value), (codeOf(value), value));
        }
    }

    /// <summary>
    /// Claims a code for a row; false, with the line of the row that has it and its spelling there, when the file
    /// already has it.
    /// </summary>
    public bool TryClaim(string code, int line, out int claimedAt, out string claimedAs)
    {
        if (_file.TryGetValue(code, out var entry))
        {
            (claimedAt, claimedAs) = (entry.Line, entry.Code);
            return false;
        }

        _file.Add(code, new Entry(code, line, null));
        (claimedAt, claimedAs) = (line, code);
        return true;
    }

    /// <summary>Records the valid row of a code this row claimed.</summary>
    public void SetValid(string code, T value) => _file[code] = _file[code] with { Value = value };

    public Reference<T> Find(string code)
    {
        if (!_fileReadable)
        {
            return new(ReferenceKind.NotChecked, null, null);
        }

        if (_file.TryGetValue(code, out var entry))
        {
            return !string.Equals(entry.Code, code, StringComparison.Ordinal) ? new(ReferenceKind.CaseDiffers, null, entry.Code)
                : entry.Value is null ? new(ReferenceKind.NotChecked, null, null)
                : new(ReferenceKind.Found, entry.Value, null);
        }

        if (_existing.TryGetValue(code, out var known))
        {
            return string.Equals(known.Code, code, StringComparison.Ordinal)
                ? new(ReferenceKind.Found, known.Value, null)
                : new(ReferenceKind.CaseDiffers, null, known.Code);
        }

        return new(ReferenceKind.Missing, null, null);
    }

    private sealed record Entry(string Code, int Line, T? Value);
}
