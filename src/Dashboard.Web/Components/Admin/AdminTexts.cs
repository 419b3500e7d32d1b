namespace Dashboard.Web.Components.Admin;

/// <summary>The resource anchor for the administration pages' words.</summary>
public sealed class AdminTexts
{
    /// <summary>The resource key that labels a field the administration service named ("userName" → "UserName").</summary>
    public static string FieldKey(string? field) => string.IsNullOrEmpty(field) ? "" : char.ToUpperInvariant(field[0]) + field[1..];
}
