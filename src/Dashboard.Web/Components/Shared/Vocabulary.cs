namespace Dashboard.Web.Components.Shared;

/// <summary>The words every page shares (event types, statuses, SLA states, escalation levels), in one resource file.</summary>
public sealed class Vocabulary;
