namespace Dashboard.Core.Sla.Calendars;

/// <summary>A named day off. <paramref name="Extra"/> marks a day added by an administrator rather than one of the country's rules.</summary>
public sealed record Holiday(DateOnly Date, string Name, bool Extra = false);
