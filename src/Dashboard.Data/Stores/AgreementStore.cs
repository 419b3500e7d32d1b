using System.Globalization;
using Dapper;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Agreements, the cases behind them and their follow-up notes; a move and its note are written together.</summary>
public sealed class AgreementStore(ConnectionFactory connections, SqlScripts sql) : IAgreementStore
{
    public async Task InsertAsync(IReadOnlyList<Agreement> agreements, IReadOnlyList<string> caseIds, IReadOnlyList<Guid> findingIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentNullException.ThrowIfNull(findingIds);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var a in agreements)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["Agreement_Insert"], new
            {
                a.Id, a.CommitteeCode, a.SessionId, Type = a.Type.ToString(), a.Text, OwnerKind = a.OwnerKind.ToString(), a.OwnerCode,
                DueOn = Day(a.DueOn), Status = a.Status.ToString(), a.CreatedAt, a.CreatedBy, a.ParentId, a.Institution, a.RegionCode, a.UnitCode, a.OverdueAfter,
            }, transaction, cancellationToken: cancellationToken));
        }

        // The cases and findings belong to the first agreement: the one the secretary recorded (a central original's copies do not repeat them).
        if (agreements.Count > 0)
        {
            foreach (var caseId in caseIds.Distinct(StringComparer.Ordinal))
            {
                await connection.ExecuteAsync(new CommandDefinition(sql["AgreementCase_Insert"], new { AgreementId = agreements[0].Id, CaseId = caseId }, transaction,
                    cancellationToken: cancellationToken));
            }

            foreach (var finding in findingIds.Distinct())
            {
                await connection.ExecuteAsync(new CommandDefinition(sql["BrigadeFinding_SetAgreement"], new { AgreementId = agreements[0].Id, FindingId = finding }, transaction,
                    cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Agreement?> ReadByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ReadAsync("Agreement_ReadById", new { Id = id }, cancellationToken) is [var one, ..] ? one : null;

    public Task<IReadOnlyList<Agreement>> ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken = default) =>
        ReadAsync("Agreement_ReadByCommittee", new { CommitteeCode = committeeCode }, cancellationToken);

    public Task<IReadOnlyList<Agreement>> ReadByUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        ReadAsync("Agreement_ReadByUnit", new { UnitCode = unitCode }, cancellationToken);

    public Task<IReadOnlyList<Agreement>> ReadChildrenAsync(Guid parentId, CancellationToken cancellationToken = default) =>
        ReadAsync("Agreement_ReadChildren", new { ParentId = parentId }, cancellationToken);

    public async Task<(IReadOnlyList<Agreement> Items, int Total)> ReadOverdueAsync(ReadScope scope, DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new { Now = now, Max = max, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode };
        return (await ReadAsync("Agreement_ReadOverdue", parameters, cancellationToken), await ReadOverdueCountAsync(scope, now, cancellationToken));
    }

    public async Task<int> ReadOverdueCountAsync(ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql["Agreement_ReadOverdueCount"],
            new { Now = now, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
    }

    public Task<IReadOnlyList<Agreement>> ReadOverdueUnalertedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        ReadAsync("Agreement_ReadOverdueUnalerted", new { Now = now, Max = max }, cancellationToken);

    public async Task<bool> MarkOverdueAlertedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql["Agreement_MarkOverdueAlerted"], new { Id = id, At = at }, cancellationToken: cancellationToken)) == 1;
    }

    public Task<IReadOnlyList<Agreement>> ReadForPeriodAsync(ReadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ReadAsync("Agreement_ReadForPeriod", new
        {
            From = Day(from), To = Day(to),
            ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<CommitteeAgreementCounts>> ReadCountsByCommitteeAsync(ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<CountsRow>(new CommandDefinition(sql["Agreement_ReadCountsByCommittee"], new
        {
            Now = now, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
        }, cancellationToken: cancellationToken))).Select(r => new CommitteeAgreementCounts(r.CommitteeCode, r.Total, r.Done, r.Open, r.Overdue, r.Cancelled))];
    }

    public async Task<IReadOnlyList<string>> ReadCasesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql["AgreementCase_ReadByAgreement"], new { Id = id }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<AgreementNote>> ReadNotesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NoteRow>(new CommandDefinition(sql["AgreementNote_ReadByAgreement"], new { Id = id }, cancellationToken: cancellationToken)))
            .Select(r => new AgreementNote(r.AgreementId, r.At, r.Author, Enum.Parse<AgreementStatus>(r.Status), r.Note)).ToArray();
    }

    public async Task<bool> MoveAsync(AgreementNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        var parameters = new { note.AgreementId, note.At, note.By, Status = note.Status.ToString(), note.Note };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql["Agreement_Move"], parameters, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(sql["AgreementNote_Insert"], parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<Agreement>> ReadAsync(string statement, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AgreementRow>(new CommandDefinition(sql[statement], parameters, cancellationToken: cancellationToken)))
            .Select(r => new Agreement(r.Id, r.CommitteeCode, r.SessionId, Enum.Parse<AgreementType>(r.Type), r.Text, Enum.Parse<AgreementOwnerKind>(r.OwnerKind), r.OwnerCode,
                DateOnly.ParseExact(r.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<AgreementStatus>(r.Status), r.CreatedAt, r.CreatedBy)
            {
                ParentId = r.ParentId, Institution = r.Institution, RegionCode = r.RegionCode, UnitCode = r.UnitCode, OverdueAfter = r.OverdueAfter ?? DateTimeOffset.MaxValue,
            })
            .ToArray();
    }

    private sealed class AgreementRow
    {
        public Guid Id { get; set; }
        public string CommitteeCode { get; set; } = "";
        public Guid SessionId { get; set; }
        public string Type { get; set; } = "";
        public string Text { get; set; } = "";
        public string OwnerKind { get; set; } = "";
        public string OwnerCode { get; set; } = "";
        public string DueOn { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";
        public Guid? ParentId { get; set; }
        public string? Institution { get; set; }
        public string? RegionCode { get; set; }
        public string? UnitCode { get; set; }
        public DateTimeOffset? OverdueAfter { get; set; }
    }

    private sealed class CountsRow
    {
        public string CommitteeCode { get; set; } = "";
        public int Total { get; set; }
        public int Done { get; set; }
        public int Open { get; set; }
        public int Overdue { get; set; }
        public int Cancelled { get; set; }
    }

    private sealed class NoteRow
    {
        public Guid AgreementId { get; set; }
        public DateTimeOffset At { get; set; }
        public string Author { get; set; } = "";
        public string Status { get; set; } = "";
        public string Note { get; set; } = "";
    }
}
