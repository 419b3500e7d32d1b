namespace Dashboard.Web.Tests.Profiles;

/// <summary>
/// Hosts that put a profiles folder of their own in use: the profiles are one set per process (as the catalogue is per
/// host), so these run alone and put the shipped set back when they end.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProfileHostsCollection
{
    public const string Name = "Hosts with their own institution profiles, alone";
}
