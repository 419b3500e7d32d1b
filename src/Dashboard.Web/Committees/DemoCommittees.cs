using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Committees;

/// <summary>
/// The demo's committees get the addresses the Development alert settings use (so an escalation reaches the same
/// mailbox either way), and the demo's director presides her OOAD's committee. Only what is still empty is filled.
/// </summary>
public static class DemoCommittees
{
    public static async Task SeedAsync(ICommitteeStore committees, IAccessStore access)
    {
        ArgumentNullException.ThrowIfNull(committees);
        ArgumentNullException.ThrowIfNull(access);
        foreach (var c in (await committees.ReadAllAsync(ReadScope.All)).Where(c => c.Email is null))
        {
            var domain = c.Institution == Institution.EsSalud ? "essalud.example" : "imss.example";
            var local = c.Kind switch
            {
                CommitteeKind.Central => c.Institution == Institution.EsSalud ? "gerencia.central" : "comite.central",
                CommitteeKind.Umae => $"comite.{c.UnitCode!.ToLowerInvariant()}",
                _ => c.Institution == Institution.EsSalud ? $"atencion.{c.RegionCode!.ToLowerInvariant()}" : $"comite.{c.RegionCode!.ToLowerInvariant()}",
            };
            await committees.SetEmailAsync(c.Code, $"{local}@{domain}");
        }

        if (await access.ReadUserByNameAsync("direccion") is { Scope.Level: ScopeLevel.Region } director
            && (await committees.ReadMembersAsync(CommitteePlan.RegionCode(director.Scope.Code!))).Count == 0)
        {
            await committees.SetMemberAsync(CommitteePlan.RegionCode(director.Scope.Code!), director.Id, CommitteeRole.President);
        }

        if (await access.ReadUserByNameAsync("supervision") is { } supervisor
            && (await committees.ReadMembersAsync(CommitteePlan.CentralCode(Institution.Imss))).Count == 0)
        {
            await committees.SetMemberAsync(CommitteePlan.CentralCode(Institution.Imss), supervisor.Id, CommitteeRole.TechnicalSecretary);
        }
    }
}
