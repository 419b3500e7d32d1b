using System.Globalization;
using Dapper;
using Dashboard.Core.Committees;

namespace Dashboard.Data.Stores;

/// <summary>Agreements and their follow-up notes; a move and its note are written together.</summary>
public sealed class AgreementStore(ConnectionFactory connections, SqlScripts sql) : IAgreementStore
{
    public async Task InsertAsync(Agreement agreement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Agreement_Insert"], new
        {
            agreement.Id, agreement.CommitteeCode, agreement.SessionId, Type = agreement.Type.ToString(), agreement.Text, agreement.OwnerUnitCode,
            DueOn = agreement.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Status = agreement.Status.ToString(), agreement.CreatedAt, agreement.CreatedBy,
        }, cancellationToken: cancellationToken));
    }

    public async Task<Agreement?> ReadByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ReadAsync("Agreement_ReadById", new { Id = id }, cancellationToken) is [var one, ..] ? one : null;

    public Task<IReadOnlyList<Agreement>> ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken = default) =>
        ReadAsync("Agreement_ReadByCommittee", new { CommitteeCode = committeeCode }, cancellationToken);

    public Task<IReadOnlyList<Agreement>> ReadByUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        ReadAsync("Agreement_ReadByUnit", new { UnitCode = unitCode }, cancellationToken);

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

    private async Task<IReadOnlyList<Agreement>> ReadAsync(string statement, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AgreementRow>(new CommandDefinition(sql[statement], parameters, cancellationToken: cancellationToken)))
            .Select(r => new Agreement(r.Id, r.CommitteeCode, r.SessionId, Enum.Parse<AgreementType>(r.Type), r.Text, r.OwnerUnitCode,
                DateOnly.ParseExact(r.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<AgreementStatus>(r.Status), r.CreatedAt, r.CreatedBy))
            .ToArray();
    }

    private sealed class AgreementRow
    {
        public Guid Id { get; set; }
        public string CommitteeCode { get; set; } = "";
        public Guid SessionId { get; set; }
        public string Type { get; set; } = "";
        public string Text { get; set; } = "";
        public string OwnerUnitCode { get; set; } = "";
        public string DueOn { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";
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
