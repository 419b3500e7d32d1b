using System.Globalization;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;

namespace Dashboard.Data.Reads;

/// <summary>Late arrivals per source and day, as the appender counted them.</summary>
public sealed class LateArrivalReader(ConnectionFactory connections, SqlScripts sql) : ILateArrivalReader
{
    public async Task<IReadOnlyList<LateArrivalDay>> ReadSinceAsync(DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LateArrivalRow>(new CommandDefinition(sql["LateArrival_ReadSince"],
            new { Since = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return rows.Select(r => new LateArrivalDay(DateOnly.ParseExact(r.Day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            new LateArrivalSource(Enum.Parse<ActorKind>(r.SourceKind), r.SourceId, r.SourceName), r.Late, r.Withdrew, r.BeyondWindow)).ToArray();
    }

    private sealed class LateArrivalRow
    {
        public string Day { get; set; } = "";
        public string SourceKind { get; set; } = "";
        public string SourceId { get; set; } = "";
        public string SourceName { get; set; } = "";
        public int Late { get; set; }
        public int Withdrew { get; set; }
        public int BeyondWindow { get; set; }
    }
}
