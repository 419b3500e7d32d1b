using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Admin;

/// <summary>The resource anchor for the administration pages' words.</summary>
public sealed class AdminTexts
{
    /// <summary>The resource key that labels a field the administration service named ("userName" → "UserName").</summary>
    public static string FieldKey(string? field) => string.IsNullOrEmpty(field) ? "" : char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>What to show above the form: nothing when it worked, else the field's label and what was wrong with it.</summary>
    public static string? ProblemOf<T>(IStringLocalizer<AdminTexts> words, Security.Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? null : $"{words[FieldKey(result.Field)]}: {result.Problem}";
    }
}
