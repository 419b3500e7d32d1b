using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Access;

namespace Dashboard.Web.Security;

/// <summary>
/// The source systems allowed to call the API, from configuration ("ApiKeys:Keys"). Only the SHA-256 of each key is
/// configured, never the key itself, so a leaked settings file opens nothing. A key holds some of
/// <see cref="RolePermissions.ForApiKeys"/> (Ingest, Read, Export, Admin; validated at start) within a scope: "all",
/// "region:CODE" or "unit:CODE".
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

    /// <summary>Lower- or upper-case hex of SHA-256 over the key's UTF-8 bytes (<c>printf %s KEY | sha256sum</c>).</summary>
    [Required, RegularExpression("^[0-9A-Fa-f]{64}$")]
    public string KeySha256 { get; set; } = "";

    public List<Permission> Permissions { get; set; } = [];

    [Required, RegularExpression("^(all|region:[A-Za-z0-9\\-_.]+|unit:[A-Za-z0-9\\-_.]+)$")]
    public string Scope { get; set; } = "all";

    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
