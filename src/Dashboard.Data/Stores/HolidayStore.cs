using System.Globalization;
using Dapper;
using Dashboard.Core.Sla.Calendars;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Extra days off, one row per country and date; dates travel as ISO text on both providers.</summary>
public sealed class HolidayStore(ConnectionFactory connections, SqlScripts sql) : IHolidayStore
{
    public async Task<IReadOnlyList<(string Country, Holiday Day)>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HolidayRow>(new CommandDefinition(sql["Holiday_ReadAll"], cancellationToken: cancellationToken));
        return rows.Select(r => (r.Country, new Holiday(DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Name, Extra: true))).ToArray();
    }

    public async Task UpsertAsync(string country, Holiday day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Holiday_Upsert"], new { Country = country, Date = Iso(day.Date), day.Name }, cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(string country, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql["Holiday_Delete"], new { Country = country, Date = Iso(date) }, cancellationToken: cancellationToken)) > 0;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class HolidayRow
    {
        public string Country { get; set; } = "";
        public string Date { get; set; } = "";
        public string Name { get; set; } = "";
    }
}
