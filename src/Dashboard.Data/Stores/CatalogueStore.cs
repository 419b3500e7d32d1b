using Dapper;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

public sealed class CatalogueStore(ConnectionFactory connections, SqlScripts sql) : ICatalogueStore
{
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["Unit_ReadCount"], cancellationToken: cancellationToken));
        return count == 0;
    }

    public async Task UpsertAsync(CatalogueSnapshot catalogue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Region_Upsert"],
            catalogue.Regions.Select(r => new { r.Code, r.Name, Institution = r.Institution.ToString(), r.TimeZone }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql["Unit_Upsert"],
            catalogue.Units.Select(u => new { u.Code, u.Name, Type = u.Type.ToString(), u.RegionCode, Institution = u.Institution.ToString(), u.TimeZone, u.Size }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql["Module_Upsert"], catalogue.Modules, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql["Agent_Upsert"], catalogue.Agents, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<CatalogueSnapshot> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var regions = await connection.QueryAsync<RegionRow>(new CommandDefinition(sql["Region_ReadAll"], cancellationToken: cancellationToken));
        var units = await connection.QueryAsync<UnitRow>(new CommandDefinition(sql["Unit_ReadAll"], cancellationToken: cancellationToken));
        var modules = await connection.QueryAsync<ModuleRow>(new CommandDefinition(sql["Module_ReadAll"], cancellationToken: cancellationToken));
        var agents = await connection.QueryAsync<AgentRow>(new CommandDefinition(sql["Agent_ReadAll"], cancellationToken: cancellationToken));
        return new CatalogueSnapshot(
            regions.Select(r => new Region(r.Code, r.Name, new Institution(r.Institution), r.TimeZone)).ToArray(),
            units.Select(u => new Unit(u.Code, u.Name, Enum.Parse<UnitType>(u.Type), u.RegionCode, new Institution(u.Institution), u.TimeZone, u.Size)).ToArray(),
            modules.Select(m => new Module(m.Code, m.UnitCode, m.Name)).ToArray(),
            agents.Select(a => new Agent(a.Id, a.UnitCode, a.ModuleCode, a.Name)).ToArray());
    }

    // Rows as Dapper reads them from either provider; the catalogue records are built from them.
    private sealed class RegionRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Institution { get; set; } = "";
        public string TimeZone { get; set; } = "";
    }

    private sealed class UnitRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string Institution { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public int Size { get; set; }
    }

    private sealed class ModuleRow
    {
        public string Code { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string Name { get; set; } = "";
    }

    private sealed class AgentRow
    {
        public string Id { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string ModuleCode { get; set; } = "";
        public string Name { get; set; } = "";
    }
}
