using System.Data.Common;
using Dapper;

namespace Dashboard.Data.Stores;

/// <summary>
/// Recounts the overview's daily counters (<c>case_days</c>; see <see cref="CaseDayCounts"/>)
/// from the case rows, unit by unit, with the same arithmetic the appender uses. The host runs it once, at its first start
/// after the counters' migration (<see cref="FillIfNeededAsync"/>: each unit's time zone is known only here, not in SQL);
/// <c>rebuild-counts</c> runs it on demand. It takes the event sequence's lock first, as every append does, so ingestion
/// waits while it runs (a few minutes for 10 M cases).
/// </summary>
public sealed class CaseDaysRebuild(ConnectionFactory connections, SqlScripts sql, Func<string, string?> timeZoneOfUnit)
{
    /// <summary>Fills the counters when they are empty and there are cases; null when there was nothing to do.</summary>
    public async Task<(int Counters, int Corrected)?> FillIfNeededAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql["CaseDay_ReadNeedsFill"], cancellationToken: cancellationToken)) == 0)
        {
            return null;
        }

        return await RunAsync(onlyIfEmpty: true, cancellationToken);
    }

    /// <summary>Recounts every counter; answers how many there are and how many it corrected.</summary>
    public async Task<(int Counters, int Corrected)> RunAsync(CancellationToken cancellationToken = default) =>
        await RunAsync(onlyIfEmpty: false, cancellationToken) ?? (0, 0);

    private async Task<(int Counters, int Corrected)?> RunAsync(bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        await using var writer = await connections.AcquireWriterAsync(cancellationToken);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["EventSequence_ReadForUpdate"], transaction: transaction, cancellationToken: cancellationToken));
        // Another instance may have filled them while this one waited for the lock.
        if (onlyIfEmpty && await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql["CaseDay_ReadNeedsFill"], transaction: transaction, cancellationToken: cancellationToken)) == 0)
        {
            return null;
        }

        var units = (await connection.QueryAsync<string>(new CommandDefinition(sql["Case_ReadUnitCodes"], transaction: transaction, cancellationToken: cancellationToken)))
            .Union(await connection.QueryAsync<string>(new CommandDefinition(sql["CaseDay_ReadUnitCodes"], transaction: transaction, cancellationToken: cancellationToken)))
            .Where(unit => unit != CaseDayCounts.Institutions)
            .ToArray();
        var institutions = new CaseDayTally(perInstitution: true);
        int counters = 0, corrected = 0;
        foreach (var unit in units)
        {
            var tally = new CaseDayTally(perInstitution: false);
            var zone = CaseDayCounts.Zone(timeZoneOfUnit(unit));
            var cases = await connection.QueryAsync<CaseRow>(new CommandDefinition(sql["Case_ReadForDayCounts"], new { UnitCode = unit }, transaction, cancellationToken: cancellationToken));
            foreach (var row in cases)
            {
                CaseDayCounts.Add(tally, institutions, row, zone, +1);
            }

            var (written, changed) = await ReplaceAsync(connection, transaction, unit, tally, cancellationToken);
            counters += written;
            corrected += changed;
        }

        var (totals, totalsChanged) = await ReplaceAsync(connection, transaction, CaseDayCounts.Institutions, institutions, cancellationToken);
        counters += totals;
        corrected += totalsChanged;

        await transaction.CommitAsync(cancellationToken);
        connections.EnsureCommittedToDatabaseFile(connection);
        return (counters, corrected);
    }

    /// <summary>Writes one unit's recounted rows ('' the institutions') in place of its stored ones; how many, and how many differed.</summary>
    private async Task<(int Written, int Corrected)> ReplaceAsync(DbConnection connection, DbTransaction transaction, string unit, CaseDayTally recount,
        CancellationToken cancellationToken)
    {
        var rows = recount.Rows();
        var corrected = Differences(await ReadAsync(connection, transaction, sql["CaseDay_ReadByUnit"], new { UnitCode = unit }, cancellationToken), rows);
        await connection.ExecuteAsync(new CommandDefinition(sql["CaseDay_DeleteByUnit"], new { UnitCode = unit }, transaction, cancellationToken: cancellationToken));
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["CaseDay_Add"], rows, cancellationToken);
        return (rows.Count, corrected);
    }

    /// <summary>How many keys differ between the stored counters and the recount (a stored row of zeros counts as absent).</summary>
    private static int Differences(Dictionary<CaseDayKey, int[]> stored, IReadOnlyCollection<CaseDayRow> recount)
    {
        var differ = 0;
        foreach (var row in recount)
        {
            var key = new CaseDayKey(row.Day, row.UnitCode, row.RegionCode, row.Institution, row.Kind, row.Category, row.Complex);
            differ += stored.Remove(key, out var values) && values.AsSpan().SequenceEqual(row.Values) ? 0 : 1;
        }

        return differ + stored.Values.Count(values => values.Any(v => v != 0));
    }

    private static async Task<Dictionary<CaseDayKey, int[]>> ReadAsync(DbConnection connection, DbTransaction transaction, string statement, object parameters,
        CancellationToken cancellationToken)
    {
        var stored = new Dictionary<CaseDayKey, int[]>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(statement, parameters, transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new CaseDayKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Convert.ToBoolean(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture));
            var values = new int[CaseDayCounts.Width];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Convert.ToInt32(reader.GetValue(7 + i), System.Globalization.CultureInfo.InvariantCulture);
            }

            stored[key] = values;
        }

        return stored;
    }
}
