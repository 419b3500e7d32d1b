using Dashboard.Core.Staff;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Tests.Components;

/// <summary>The staff roster in memory, filtered by scope as the store's SQL does.</summary>
internal sealed class InMemoryStaff : IStaffStore
{
    public List<StaffRecord> Records { get; } = [];

    public Task SaveAsync(IReadOnlyList<StaffRecord> records, CancellationToken cancellationToken = default)
    {
        Records.AddRange(records);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredStaff>> ReadAsync(ReadScope scope, string? regionCode = null, string? unitCode = null, CancellationToken cancellationToken = default)
    {
        var units = TableroFactory.Catalogue.Units.ToDictionary(u => u.Code);
        var regions = TableroFactory.Catalogue.Regions.ToDictionary(r => r.Code);
        return Task.FromResult<IReadOnlyList<StoredStaff>>(Records
            .Select(r => (Record: r, Unit: units[r.Member.UnitCode]))
            .Where(x => scope.Allows(x.Unit.RegionCode, x.Unit.Code, c => regions[c].Institution.ToString())
                && (regionCode is null || x.Unit.RegionCode == regionCode) && (unitCode is null || x.Unit.Code == unitCode))
            .Select(x => new StoredStaff(x.Record.Member, x.Unit.Institution.ToString(), x.Unit.RegionCode, x.Record.Certification, x.Record.Sessions)).ToArray());
    }
}
