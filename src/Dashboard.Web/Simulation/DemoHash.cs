namespace Dashboard.Web.Simulation;

/// <summary>The same number for the same code on every run (string.GetHashCode is randomised per process): demo data seeded per unit.</summary>
public static class DemoHash
{
    public static int Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = 17;
        foreach (var c in code)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }
}
