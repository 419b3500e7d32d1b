using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Admin;

/// <summary>The resource anchor for the administration pages' words.</summary>
public sealed class AdminTexts
{
    /// <summary>The resource key that labels a field the administration service named ("userName" → "UserName").</summary>
    public static string FieldKey(string? field) => string.IsNullOrEmpty(field) ? "" : char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>
    /// What to show above the form: nothing when it worked, else the field's label and what was wrong with it, in the
    /// reader's language (<c>Problem{Code}</c> in the resource files; the service's English text only for a code the
    /// files do not know yet).
    /// </summary>
    public static string? ProblemOf<T>(IStringLocalizer<AdminTexts> words, Security.Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? null : $"{words[FieldKey(result.Field)]}: {Why(words, result)}";
    }

    /// <summary>What was wrong with <paramref name="field"/>, for the message beside it; null when that field is fine.</summary>
    public static string? FieldProblem<T>(IStringLocalizer<AdminTexts> words, Security.Result<T>? result, string field)
    {
        ArgumentNullException.ThrowIfNull(words);
        return result is { Succeeded: false } && string.Equals(result.Field, field, StringComparison.Ordinal) ? Why(words, result) : null;
    }

    private static string Why<T>(IStringLocalizer<AdminTexts> words, Security.Result<T> result) =>
        result.Code is { } code && words[$"Problem{code}"] is { ResourceNotFound: false } text
            ? string.Format(CultureInfo.CurrentCulture, text.Value, [.. result.Arguments])
            : result.Problem ?? "";

    /// <summary>A scope as people say it: "Todo", "OOAD Jalisco", "UMF No. 97 Guadalajara" (the code only when the catalogue lost it).</summary>
    public static string ScopeText(IStringLocalizer<AdminTexts> words, CatalogueIndex catalogue, ReadScope scope)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Level switch
        {
            ScopeLevel.All => words["ScopeAll"],
            ScopeLevel.Region => catalogue.FindRegion(scope.Code!)?.Name ?? scope.Code!,
            _ => catalogue.FindUnit(scope.Code!)?.Name ?? scope.Code!,
        };
    }

    /// <summary>A stored scope text ("region:IMSS-JAL", from the audit log) as people say it; anything else as it is.</summary>
    public static string ScopeText(IStringLocalizer<AdminTexts> words, CatalogueIndex catalogue, string? scope) =>
        ReadScope.Parse(scope) is { } parsed ? ScopeText(words, catalogue, parsed) : scope ?? "";

    /// <summary>A role in the reader's language ("Director" → "Dirección"); an unknown text as it is.</summary>
    public static string RoleText(IStringLocalizer<AdminTexts> words, string? role)
    {
        ArgumentNullException.ThrowIfNull(words);
        // A person's role, or "System" for what the system does itself (the seed, jobs, the command line).
        return role is { Length: > 0 } && words[$"Role{role}"] is { ResourceNotFound: false } text ? text.Value : role ?? "";
    }
}
