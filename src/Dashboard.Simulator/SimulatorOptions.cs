namespace Dashboard.Simulator;

/// <summary>How the demo stream behaves. Bound from the "Simulator" configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Run the simulator inside the web host (true in Development).</summary>
    public bool Enabled { get; set; }

    /// <summary>New cases per real minute, spread over units in proportion to their size.</summary>
    public double CasesPerMinute { get; set; } = 60;

    /// <summary>Simulated minutes per real minute: 60 lets a case that takes an hour take a minute on screen.</summary>
    public double TimeScale { get; set; } = 60;

    /// <summary>Share of new cases that are complex (the ones the board exists to catch).</summary>
    public double ComplexShare { get; set; } = 0.12;

    /// <summary>0 picks a random seed; any other value repeats the same choices (ids and times still differ per run).</summary>
    public int Seed { get; set; }

    /// <summary>How often the simulator sends what became due.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
