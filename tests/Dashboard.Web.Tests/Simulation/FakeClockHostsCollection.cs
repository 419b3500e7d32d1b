namespace Dashboard.Web.Tests.Simulation;

/// <summary>
/// Tests that start and stop whole hosts while driving their jobs: they run alone. Hangfire keeps one log provider for
/// the process, bound to the logger factory of the host that configured it last; a host disposed by a test running in
/// parallel makes another host's job fail with ObjectDisposedException (seen twice in eight runs of these classes side by side).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FakeClockHostsCollection
{
    public const string Name = "Whole hosts on fake clocks, alone";
}
