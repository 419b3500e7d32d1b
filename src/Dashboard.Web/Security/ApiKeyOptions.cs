using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Security;

public enum ApiPermission
{
    Ingest,
    Read,
}

/// <summary>
/// The source systems allowed to call the API, from configuration ("ApiKeys:Keys").
/// A key may ingest and/or read, within a scope: "all", "region:CODE" or "unit:CODE".
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";

    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    [Required]
    public string Name { get; set; } = "";

    /// <summary>At least 16 characters: keys are bearer secrets.</summary>
    [Required, MinLength(16)]
    public string Key { get; set; } = "";

    public List<ApiPermission> Permissions { get; set; } = [];

    [Required, RegularExpression("^(all|region:[A-Za-z0-9\\-_.]+|unit:[A-Za-z0-9\\-_.]+)$")]
    public string Scope { get; set; } = "all";
}
