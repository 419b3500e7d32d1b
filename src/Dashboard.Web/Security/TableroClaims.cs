using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Security;

/// <summary>
/// The claims every Tablero principal carries, whatever signed it in (password, display token, API key, OpenID
/// Connect): its permissions, its read scope and which credential to re-check while it stays connected.
/// </summary>
public static class TableroClaims
{
    public const string Permission = "tablero:permission";
    public const string Scope = "tablero:scope";
    public const string Role = ClaimTypes.Role;
    public const string CredentialKind = "tablero:credential";
    public const string CredentialId = "tablero:credential-id";
    public const string Version = "tablero:version";

    /// <summary>A técnica's attention module (on her account); cases she registers carry it.</summary>
    public const string Module = "tablero:module";

    public static ClaimsIdentity Identity(string authenticationType, string name, string role, ReadScope scope, IEnumerable<Permission> permissions,
        CredentialKind kind, string credentialId, int version = 0)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(Role, role),
            new(Scope, scope.ToString()),
            new(CredentialKind, kind.ToString()),
            new(CredentialId, credentialId),
            new(Version, version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(permissions.Distinct().Select(p => new Claim(Permission, p.ToString())));
        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, Role);
    }

    /// <summary>A person's session principal, whichever way they signed in (password or OpenID Connect).</summary>
    public static ClaimsPrincipal ForUser(UserAccount user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = Identity(authenticationType, user.UserName, user.Role.ToString(), user.Scope, RolePermissions.Of(user.Role), Security.CredentialKind.User,
            user.Id.ToString(), user.Version);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.ModuleCode is { } module)
        {
            identity.AddClaim(new Claim(Module, module));
        }

        return new ClaimsPrincipal(identity);
    }

    public static bool Can(this ClaimsPrincipal user, Permission permission) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(Permission, permission.ToString());

    /// <summary>The read scope of an authenticated caller; a caller without one reads nothing.</summary>
    public static ReadScope? ReadScope(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? Core.Storage.ReadScope.Parse(user.FindFirst(Scope)?.Value) : null;

    public static string RoleName(this ClaimsPrincipal user) => user.FindFirst(Role)?.Value ?? "anonymous";

    public const string DisplayName = "tablero:display-name";

    /// <summary>The person's name as colleagues know it (alerts acknowledged by…), else the account name.</summary>
    public static string ShownName(this ClaimsPrincipal user) => user.FindFirst(DisplayName)?.Value ?? user.ActorName();

    /// <summary>
    /// The code a person's cases are assigned to: their user name, which the agents catalogue also holds for técnicas
    /// (an account with a module is written there), so assigned cases show their name everywhere.
    /// </summary>
    public static string AgentId(this ClaimsPrincipal user) => user.ActorName();

    public static string? ModuleCode(this ClaimsPrincipal user) => user.FindFirst(Module)?.Value;

    public static Core.Access.Role? AccountRole(this ClaimsPrincipal user) =>
        Enum.TryParse<Core.Access.Role>(user.FindFirst(Role)?.Value, out var role) ? role : null;

    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "?" : "anonymous";

    /// <summary>Who this caller is on a case's timeline: a person (by user id, name and role) or a source system's key.</summary>
    public static Core.Cases.CaseActor CaseActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var kind = Enum.TryParse<CredentialKind>(user.FindFirst(CredentialKind)?.Value, out var k) ? k : Security.CredentialKind.User;
        if (kind == Security.CredentialKind.User && Guid.TryParse(user.FindFirst(CredentialId)?.Value, out var id)
            && Enum.TryParse<Core.Access.Role>(user.FindFirst(Role)?.Value, out var role))
        {
            return Core.Cases.CaseActor.Person(id, user.ShownName(), role);
        }

        if (kind is Security.CredentialKind.ApiKey or Security.CredentialKind.ConfiguredKey)
        {
            return Core.Cases.CaseActor.Source(user.ActorName());
        }

        throw new InvalidOperationException($"a {kind} credential does not change cases");
    }
}

/// <summary>What signed a principal in, so it can be checked again while a circuit or hub connection stays open.</summary>
public enum CredentialKind
{
    User,
    DisplayToken,
    ApiKey,

    /// <summary>A key listed in configuration (ApiKeys:Keys); identified by its name.</summary>
    ConfiguredKey,
}

/// <summary>Authorization policy names: one per permission, plus the job dashboard's.</summary>
public static class Policies
{
    public static string For(Permission permission) => $"tablero:{permission}";

    public const string Ingest = "tablero:Ingest";
    public const string Read = "tablero:Read";
    public const string Admin = "tablero:Admin";
    public const string ActOnCase = "tablero:ActOnCase";
    public const string RegisterCase = "tablero:RegisterCase";
    public const string AcknowledgeAlert = "tablero:AcknowledgeAlert";
    public const string Export = "tablero:Export";
    public const string ViewWall = "tablero:ViewWall";

    /// <summary>The Hangfire dashboard cannot filter by scope, so it is for administrators of everything only.</summary>
    public const string JobDashboard = "tablero:job-dashboard";
}
