namespace Dashboard.Simulator;

/// <summary>Picks items with given weights in O(log n), e.g. units by size.</summary>
public sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.Where(i => i.Weight > 0).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("at least one item needs a positive weight", nameof(items));
        }

        _items = list.Select(i => i.Item).ToArray();
        _cumulative = new double[list.Length];
        var total = 0.0;
        for (var i = 0; i < list.Length; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }
    }

    public T Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _items[i < 0 ? Math.Min(~i, _items.Length - 1) : Math.Min(i + 1, _items.Length - 1)];
    }
}
