using Dapper;

namespace Dashboard.Data.Stores;

/// <summary>
/// Recounts the overview's daily counters (<c>case_days</c>; see <see cref="CaseDayCounts"/>) and the staff roles' ones
/// (<see cref="ComplaintStaffDays"/>) from the case rows with the same arithmetic the appender uses, and the monthly and
/// weekly ones from the days (<see cref="CaseOpenedCounts"/>). The host runs it once, at its first start after the counters' migration
/// (<see cref="FillIfNeededAsync"/>: each unit's time zone is known only here, not in SQL); <c>rebuild-counts</c> runs it
/// on demand. It takes the event sequence's lock first, as every append does, so ingestion waits while it runs.
/// </summary>
/// <remarks>
/// One pass over the cases in storage order: at 10 M cases the disk reads them in order at hundreds of MB/s, where
/// reading unit by unit through an index read 27 MB/s. The counters only add up, so what has been summed is written out
/// whenever <see cref="FlushAfterKeys"/> keys are held, and memory stays flat whatever the size.
/// </remarks>
public sealed class CaseDaysRebuild(ConnectionFactory connections, SqlScripts sql, Func<string, string?> timeZoneOfUnit)
{
    /// <summary>How many counters are summed in memory before they are added to the table.</summary>
    internal int FlushAfterKeys { get; init; } = 200_000;

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
        CommandDefinition Command(string name, object? parameters = null) => new(sql[name], parameters, transaction, cancellationToken: cancellationToken);
        await connection.ExecuteScalarAsync<long>(Command("EventSequence_ReadForUpdate"));
        // Another instance may have filled them while this one waited for the lock.
        var needs = onlyIfEmpty ? (Fill)await connection.ExecuteScalarAsync<int>(Command("CaseDay_ReadNeedsFill")) : Fill.Everything;
        if (needs == Fill.Nothing)
        {
            return null;
        }

        if (needs == Fill.StaffRoles)
        {
            // Only the staff roles' counters are new (the first start after their migration): the daily ones stay as
            // they are, and a 10 M-case database is not recounted in full before it can start.
            await TallyCasesAsync(connection, transaction, days: false, cancellationToken);
            var filled = await connection.ExecuteScalarAsync<int>(Command("ComplaintStaffDay_ReadCount"));
            await transaction.CommitAsync(cancellationToken);
            connections.EnsureCommittedToDatabaseFile(connection);
            return (filled, 0);
        }

        // A failed recount rolls back, and its copy with it (temporary tables follow the transaction in both databases).
        await connection.ExecuteAsync(Command("CaseDay_KeepBeforeRecount"));
        await connection.ExecuteAsync(Command("CaseDay_DeleteAll"));
        await TallyCasesAsync(connection, transaction, days: true, cancellationToken);
        await connection.ExecuteAsync(Command("CaseMonth_Recount"));
        await connection.ExecuteAsync(Command("CaseWeek_Recount"));
        var counters = await connection.ExecuteScalarAsync<int>(Command("CaseDay_ReadCount"));
        var corrected = await connection.ExecuteScalarAsync<int>(Command("CaseDay_ReadRecountChanges"));
        await connection.ExecuteAsync(Command("CaseDay_DropBeforeRecount"));
        await transaction.CommitAsync(cancellationToken);
        connections.EnsureCommittedToDatabaseFile(connection);
        return (counters, corrected);
    }

    /// <summary>
    /// One pass over the cases, adding each to the staff roles' counters and, with <paramref name="days"/>, to the daily
    /// ones; what has been summed is added to the tables whenever a tally holds <see cref="FlushAfterKeys"/> keys.
    /// </summary>
    private async Task TallyCasesAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, bool days,
        CancellationToken cancellationToken)
    {
        var units = new CaseDayTally(perInstitution: false);
        var institutions = new CaseDayTally(perInstitution: true);
        var staffRoles = new ComplaintStaffDayTally();
        await foreach (var row in connection.QueryUnbufferedAsync<CaseRow>(sql["Case_ReadForDayCounts"], transaction: transaction).WithCancellation(cancellationToken))
        {
            var zone = CaseDayCounts.Zone(timeZoneOfUnit(row.UnitCode));
            if (days)
            {
                CaseDayCounts.Add(units, institutions, row, zone, +1);
            }

            staffRoles.Add(row, zone, +1);
            if (units.Keys >= FlushAfterKeys)
            {
                await FlushAsync(connection, transaction, units, cancellationToken);
            }

            if (staffRoles.Keys >= FlushAfterKeys)
            {
                await FlushAsync(connection, transaction, staffRoles, cancellationToken);
            }
        }

        // Empty tallies (the days' when only the staff roles are filled) write nothing.
        await FlushAsync(connection, transaction, units, cancellationToken);
        await FlushAsync(connection, transaction, institutions, cancellationToken);
        await FlushAsync(connection, transaction, staffRoles, cancellationToken);
    }

    /// <summary>What <c>CaseDay_ReadNeedsFill</c> answers.</summary>
    private enum Fill
    {
        Nothing = 0,
        Everything = 1,
        StaffRoles = 2,
    }

    /// <summary>Adds what has been summed to the table and starts again.</summary>
    private async Task FlushAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CaseDayTally tally,
        CancellationToken cancellationToken)
    {
        var rows = tally.Rows();
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["CaseDay_Add"], rows, cancellationToken);
        tally.Clear();
    }

    private async Task FlushAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, ComplaintStaffDayTally tally,
        CancellationToken cancellationToken)
    {
        await connections.BatchWriter.ExecuteAsync(connection, transaction, sql["ComplaintStaffDay_Add"], tally.Rows(), cancellationToken);
        tally.Clear();
    }
}
