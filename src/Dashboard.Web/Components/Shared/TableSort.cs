namespace Dashboard.Web.Components.Shared;

/// <summary>Which column a plain table is sorted by, and which way: what a <see cref="Controls.SortHeader"/> shows and changes.</summary>
public interface ITableSort
{
    string Column { get; }

    bool Descending { get; }

    /// <summary>A header clicked: its column, ascending; the same column again reverses it.</summary>
    void Toggle(string column);
}

/// <summary>
/// The sort of a long desk table drawn as plain rows (a MudTable made every cell a component: 1,300 of them and a
/// 470 KB first render for a region's 92 units). Values compare as MudTable's sort labels did (the default comparer:
/// text in the reader's culture).
/// </summary>
public sealed class TableSort<T>(IReadOnlyDictionary<string, Func<T, object?>> columns, string column, bool descending = false) : ITableSort
{
    public string Column { get; private set; } = columns.ContainsKey(column) ? column : throw new ArgumentException($"No column '{column}'", nameof(column));

    public bool Descending { get; private set; } = descending;

    public void Toggle(string column)
    {
        if (!columns.ContainsKey(column))
        {
            throw new ArgumentException($"No column '{column}'", nameof(column));
        }

        Descending = column == Column && !Descending;
        Column = column;
    }

    public IReadOnlyList<T> Apply(IEnumerable<T> rows)
    {
        var key = columns[Column];
        return (Descending ? rows.OrderByDescending(key, Comparer<object?>.Default) : rows.OrderBy(key, Comparer<object?>.Default)).ToArray();
    }
}
