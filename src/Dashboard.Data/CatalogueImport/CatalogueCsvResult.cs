using Dashboard.Core.Catalogue;

namespace Dashboard.Data.CatalogueImport;

/// <summary>
/// One problem in an imported CSV file. <see cref="Line"/> is the 1-based line in the file (the header is line 1;
/// a record with a quoted line break is reported at the line it starts on); 0 means the file as a whole (not found).
/// <see cref="Column"/> is the column as the contract names it (<c>regionCode</c>), or empty for the whole row.
/// </summary>
public sealed record CsvRowError(string File, int Line, string Column, string Message)
{
    /// <summary>A problem named in words a page translates (<see cref="Core.Imports.ImportText"/>); its English is the message.</summary>
    public CsvRowError(string file, int line, string column, Core.Imports.ImportText text)
        : this(file, line, column, (text ?? throw new ArgumentNullException(nameof(text))).English) => Text = text;

    /// <summary>The problem's translatable words, when it has them (the catalogue import's own checks speak English only).</summary>
    public Core.Imports.ImportText? Text { get; init; }

    public override string ToString() =>
        Column.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Column}: {Message}";
}

/// <summary>The catalogue read from CSV files, or every problem found in them: never a partial catalogue.</summary>
public sealed record CatalogueCsvResult(CatalogueSnapshot? Catalogue, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
