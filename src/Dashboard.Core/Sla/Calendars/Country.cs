namespace Dashboard.Core.Sla.Calendars;

/// <summary>A country whose national holidays close its units.</summary>
public enum Country
{
    Mexico,
    Peru,
}
