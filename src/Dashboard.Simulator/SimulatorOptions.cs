namespace Dashboard.Simulator;

/// <summary>How the demo stream behaves. Bound from the "Simulator" configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Run the simulator inside the web host (true in Development).</summary>
    public bool Enabled { get; set; }

    /// <summary>New cases a minute on average over a week (more on weekday mornings, fewer at night), spread over units by size.</summary>
    public double CasesPerMinute { get; set; } = 1;

    /// <summary>
    /// Simulated minutes per real minute for the cases' lives. 1 (the default) is real time: deadlines run in real time,
    /// so only then does the board show cases at risk, overdue and escalated as it would in a unit. Larger values are
    /// for load, not for showing the board.
    /// </summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>How far back the mailboxes' deposits go when a run starts (they are registered at the first tick).</summary>
    public TimeSpan MailboxBacklog { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Share of new cases that are complex (the ones the board exists to catch).</summary>
    public double ComplexShare { get; set; } = 0.12;

    /// <summary>0 picks a random seed; any other value repeats the same choices (ids and times still differ per run).</summary>
    public int Seed { get; set; }

    /// <summary>How often the simulator sends what became due.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
