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
            ScopeLevel.Institution => words["ScopeOfInstitution", words[$"Institution{scope.Code}"]],
            ScopeLevel.Region => catalogue.FindRegion(scope.Code!)?.Name ?? scope.Code!,
            _ => catalogue.FindUnit(scope.Code!)?.Name ?? scope.Code!,
        };
    }

    /// <summary>A stored scope text ("region:IMSS-JAL", from the audit log) as people say it; anything else as it is.</summary>
    public static string ScopeText(IStringLocalizer<AdminTexts> words, CatalogueIndex catalogue, string? scope) =>
        ReadScope.Parse(scope) is { } parsed ? ScopeText(words, catalogue, parsed) : scope is null or "none" ? "—" : scope;

    /// <summary>
    /// An audit line's detail in the reader's language. The log keeps what the service wrote (English, for operators
    /// and the command line); the page says it with the resource files' words, scopes by name, and never an id. A
    /// detail of a shape it does not know (a reason typed by a person) is shown as written.
    /// </summary>
    public static string? AuditDetail(IStringLocalizer<AdminTexts> words, CatalogueIndex catalogue, string? detail)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(detail))
        {
            return detail;
        }

        foreach (var (pattern, key) in AuditDetails)
        {
            if (pattern.Match(detail) is { Success: true } match)
            {
                var arguments = match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => g.Name switch
                {
                    "scope" => ScopeText(words, catalogue, g.Value),
                    "role" => RoleText(words, g.Value),
                    "permissions" => string.Join(" + ", g.Value.Split('+').Select(p => words[$"Permission{p}"].Value)),
                    _ => g.Value,
                }).ToArray<object>();
                return string.Format(CultureInfo.CurrentCulture, words[key], arguments);
            }
        }

        return detail;
    }

    private static readonly (System.Text.RegularExpressions.Regex Pattern, string Key)[] AuditDetails =
    [
        (new(@"^user (?<name>\S+) created: (?<role>\w+), (?<scope>\S+)$"), "DetailUserCreated"),
        (new(@"^user (?<name>\S+) changed: (?<role>\w+), (?<scope>\S+)$"), "DetailUserChanged"),
        (new(@"^user (?<name>\S+): password reset$"), "DetailPasswordReset"),
        (new(@"^user (?<name>\S+) revoked$"), "DetailUserRevoked"),
        (new(@"^user (?<name>\S+) restored$"), "DetailUserRestored"),
        (new(@"^display token '(?<name>.+)' created for (?<scope>\S+)$"), "DetailDisplayCreated"),
        (new(@"^display token [0-9a-fA-F-]{36} revoked$"), "DetailDisplayRevokedUnnamed"),
        (new(@"^display token '(?<name>.+)' revoked$"), "DetailDisplayRevoked"),
        (new(@"^API key '(?<name>.+)' created: (?<permissions>[\w+]+), (?<scope>\S+)$"), "DetailKeyCreated"),
        (new(@"^API key [0-9a-fA-F-]{36} revoked$"), "DetailKeyRevokedUnnamed"),
        (new(@"^API key '(?<name>.+)' revoked$"), "DetailKeyRevoked"),
        (new(@"^wrong user name or password$"), "DetailWrongPassword"),
        (new(@"^unknown or revoked display token$"), "DetailUnknownDisplay"),
        (new(@"^accesses to one insured person: (?<count>\d+) entries$"), "DetailInsuredLookup"),
    ];

    /// <summary>A role in the reader's language ("Director" → "Dirección"); an unknown text as it is.</summary>
    public static string RoleText(IStringLocalizer<AdminTexts> words, string? role)
    {
        ArgumentNullException.ThrowIfNull(words);
        // A person's role, or "System" for what the system does itself (the seed, jobs, the command line).
        return role is { Length: > 0 } && words[$"Role{role}"] is { ResourceNotFound: false } text ? text.Value : role ?? "";
    }
}
