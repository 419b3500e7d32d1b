namespace Dashboard.Web.Components.Admin;

/// <summary>The resource anchor for the administration pages' words.</summary>
public sealed class AdminTexts;
