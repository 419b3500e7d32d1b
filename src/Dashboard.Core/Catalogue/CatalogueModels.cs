namespace Dashboard.Core.Catalogue;


/// <summary>IMSS: UMF, HGZ, HGR, UMAE. EsSalud: hospitals by level, policlínicos, CAP.</summary>
public enum UnitType
{
    Umf,
    Hgz,
    Hgr,
    Umae,
    HospitalNacional,
    HospitalBase,
    HospitalII,
    HospitalI,
    Policlinico,
    CentroAtencionPrimaria,
}

/// <summary>An OOAD (IMSS) or a Red Prestacional/Asistencial (EsSalud).</summary>
public sealed record Region(string Code, string Name, Institution Institution, string TimeZone);

/// <summary>A unit with its own IANA time zone; Size weights how many cases it receives.</summary>
public sealed record Unit(
    string Code,
    string Name,
    UnitType Type,
    string RegionCode,
    Institution Institution,
    string TimeZone,
    int Size);

/// <summary>A módulo de atención, where cases are registered in person.</summary>
public sealed record Module(string Code, string UnitCode, string Name);

/// <summary>An attention technician (técnica de Atención y Orientación). Names are generated in the demo.</summary>
public sealed record Agent(string Id, string UnitCode, string ModuleCode, string Name);

/// <summary>Everything a deployment knows about its places and people.</summary>
public sealed record CatalogueSnapshot(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Module> Modules,
    IReadOnlyList<Agent> Agents);
