namespace Dashboard.Core.Access;

/// <summary>What a person (or a wall display) is to Tablero. The scope says where; the role says what.</summary>
public enum Role
{
    Administrator,
    Director,
    Supervisor,
    Agent,

    /// <summary>A wall display opened with a display token: sees its wall, nothing else, no personal data.</summary>
    Wall,
}

/// <summary>Everything a caller may do, for people (from their role) and source systems (from their API key) alike.</summary>
public enum Permission
{
    /// <summary>Send events to <c>POST /api/v1/events</c> (source systems only).</summary>
    Ingest,

    /// <summary>Read cases, summaries, the event feed and the pages within scope.</summary>
    Read,

    /// <summary>Users, display tokens, API keys, holidays, the audit log and the job dashboard.</summary>
    Admin,

    /// <summary>Assign, add notes, pause and resume, resolve, close.</summary>
    ActOnCase,

    /// <summary>Escalate a case by hand.</summary>
    Escalate,

    /// <summary>See an insured person's full NSS or DNI, with a reason that goes to the audit log.</summary>
    RevealIdentifier,

    AcknowledgeAlert,

    /// <summary>Download case lists (never with personal data).</summary>
    Export,

    ViewWall,
}

/// <summary>The one table of who may do what. Pages, the API, the hub and the tests all read it from here.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        [Role.Administrator] = [Permission.Read, Permission.Admin, Permission.ActOnCase, Permission.Escalate, Permission.RevealIdentifier,
            Permission.AcknowledgeAlert, Permission.Export, Permission.ViewWall],
        [Role.Director] = [Permission.Read, Permission.ActOnCase, Permission.Escalate, Permission.RevealIdentifier, Permission.AcknowledgeAlert,
            Permission.Export, Permission.ViewWall],
        // Supervisors watch and report; they do not work cases.
        [Role.Supervisor] = [Permission.Read, Permission.AcknowledgeAlert, Permission.Export, Permission.ViewWall],
        // Técnicas work the cases of their unit and must be able to call the insured person back.
        [Role.Agent] = [Permission.Read, Permission.ActOnCase, Permission.RevealIdentifier, Permission.ViewWall],
        [Role.Wall] = [Permission.ViewWall],
    };

    /// <summary>
    /// What a source system's API key may hold; the rest (acting on, escalating or revealing a case, the wall) are
    /// things people do on pages. A key with Ingest may also acknowledge the alerts its events raised.
    /// </summary>
    public static IReadOnlyList<Permission> ForApiKeys { get; } = [Permission.Ingest, Permission.Read, Permission.Export, Permission.Admin];

    /// <summary>What an administrator may give a key on the keys page; Admin stays in the settings file, where keys are made by hand.</summary>
    public static IReadOnlyList<Permission> GrantableToApiKeys { get; } = [Permission.Ingest, Permission.Read, Permission.Export];

    public static IReadOnlyList<Permission> Of(Role role) => Table[role];

    public static bool Allows(Role role, Permission permission) => Table[role].Contains(permission);
}
