using Dashboard.Core.Storage;

namespace Dashboard.Core.Access;

/// <summary>What a person (or a wall display) is to Tablero. The scope says where; the role says what.</summary>
public enum Role
{
    Administrator,
    Director,
    Supervisor,
    /// <summary>A técnica at a unit's attention module: scope unit, with her module on her account.</summary>
    Agent,

    /// <summary>The institution's call center (Trato Digno option): scope institution, registers cases for any of its units.</summary>
    CallCenterAgent,

    /// <summary>A telemedicine desk (EsSalud's CENATE): scope institution, registers cases for any of its units.</summary>
    TelemedicineAgent,

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

    /// <summary>Escalate a case by hand, or flag its institutional impact for the committees.</summary>
    Escalate,

    /// <summary>See an insured person's full NSS or DNI, with a reason that goes to the audit log.</summary>
    RevealIdentifier,

    AcknowledgeAlert,

    /// <summary>Download case lists (never with personal data).</summary>
    Export,

    ViewWall,

    /// <summary>Register a new case on <c>/casos/nuevo</c> (people at a desk; source systems use <see cref="Ingest"/>).</summary>
    RegisterCase,
}

/// <summary>The one table of who may do what. Pages, the API, the hub and the tests all read it from here.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        [Role.Administrator] = [Permission.Read, Permission.Admin, Permission.ActOnCase, Permission.Escalate, Permission.RevealIdentifier,
            Permission.AcknowledgeAlert, Permission.Export, Permission.ViewWall],
        // Directors register what they find on a brigade visit.
        [Role.Director] = [Permission.Read, Permission.ActOnCase, Permission.Escalate, Permission.RevealIdentifier, Permission.AcknowledgeAlert,
            Permission.Export, Permission.ViewWall, Permission.RegisterCase],
        // Supervisors watch and report; they do not work cases.
        [Role.Supervisor] = [Permission.Read, Permission.AcknowledgeAlert, Permission.Export, Permission.ViewWall],
        // Técnicas work the cases of their unit and must be able to call the insured person back.
        [Role.Agent] = [Permission.Read, Permission.RegisterCase, Permission.ActOnCase, Permission.RevealIdentifier, Permission.ViewWall],
        // Remote desks register and follow up cases for every unit of their institution; the units' técnicas work them.
        [Role.CallCenterAgent] = [Permission.Read, Permission.RegisterCase, Permission.ActOnCase, Permission.RevealIdentifier],
        [Role.TelemedicineAgent] = [Permission.Read, Permission.RegisterCase, Permission.ActOnCase, Permission.RevealIdentifier],
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

    /// <summary>The one channel a remote desk registers through; null for roles that choose it.</summary>
    public static Cases.Channel? FixedChannel(Role role) => role switch
    {
        Role.CallCenterAgent => Cases.Channel.CallCenter,
        Role.TelemedicineAgent => Cases.Channel.Telemedicine,
        _ => null,
    };

    /// <summary>The scope a role's accounts must have, if it needs one: a técnica a unit, a remote desk an institution.</summary>
    public static ScopeLevel? RequiredScope(Role role) => role switch
    {
        Role.Agent => ScopeLevel.Unit,
        Role.CallCenterAgent or Role.TelemedicineAgent => ScopeLevel.Institution,
        _ => null,
    };
}
