using System.Text;
using Dashboard.Data.CatalogueImport;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.Web.Imports;

/// <summary>
/// The one way an import file is taken in, by a page or by the API: read whole and bounded, asynchronously (the CSV
/// readers are synchronous, and neither a browser's stream nor a request body may be read synchronously), and its
/// row-level errors handed back keyed as the API names them.
/// </summary>
public static class ImportFiles
{
    /// <summary>Four megabytes: years of a large OOAD's rows, and nothing a browser or a proxy chokes on.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>An uploaded file in memory, positioned at its start; null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadUploadAsync(IBrowserFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > MaxBytes)
        {
            return null;
        }

        var memory = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxBytes))
        {
            await stream.CopyToAsync(memory);
        }

        memory.Position = 0;
        return memory;
    }

    /// <summary>A request body as UTF-8 text (a byte-order mark honoured); null when it holds more than <see cref="MaxBytes"/> characters.</summary>
    public static async Task<string?> ReadBodyTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var body = new StringBuilder();
        var chunk = new char[8192];
        for (int read; body.Length <= MaxBytes && (read = await reader.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            body.Append(chunk, 0, read);
        }

        return body.Length > MaxBytes ? null : body.ToString();
    }

    /// <summary>Row-level errors keyed "line 3: column" (or "row 3: column" for a workbook's sheet), as the API's problem names them.</summary>
    public static Dictionary<string, string[]> ErrorsByLine(IReadOnlyList<CsvRowError> errors, string line = "line")
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.GroupBy(e => e.Column.Length == 0 ? $"{line} {e.Line}" : $"{line} {e.Line}: {e.Column}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
    }
}
