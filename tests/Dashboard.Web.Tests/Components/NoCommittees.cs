using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Tests.Components;

/// <summary>No committees, sessions or agreements: for pages that show a unit's agreements when the test is about something else.</summary>
public sealed class NoCommittees : ICommitteeStore, ICommitteeSessionStore, IAgreementStore, IBrigadeStore
{
    public Task SyncAsync(IReadOnlyList<Committee> committees, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<Committee>> ReadAllAsync(ReadScope scope, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Committee>>([]);

    public Task<Committee?> ReadByCodeAsync(string code, ReadScope scope, CancellationToken cancellationToken = default) => Task.FromResult<Committee?>(null);

    public Task<IReadOnlyDictionary<string, string>> ReadEmailsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public Task<IReadOnlyList<CommitteeMember>> ReadMembersAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CommitteeMember>>([]);

    public Task<bool> SetEmailAsync(string code, string? email, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<bool> SetMemberAsync(string code, Guid userId, CommitteeRole role, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<bool> RemoveMemberAsync(string code, Guid userId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<int> PlanAsync(IReadOnlyList<CommitteeSession> sessions, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task<IReadOnlyList<CommitteeSession>> ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CommitteeSession>>([]);

    Task<CommitteeSession?> ICommitteeSessionStore.ReadByIdAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<CommitteeSession?>(null);

    public Task<bool> OpenAsync(Guid id, string by, DateTimeOffset at, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<bool> RecordAsync(Guid id, IReadOnlyList<Guid> attendees, string? minutes, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<bool> CloseAsync(Guid id, string by, DateTimeOffset at, IReadOnlyList<AgendaEntry> held, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task InsertAsync(IReadOnlyList<Agreement> agreements, IReadOnlyList<string> caseIds, IReadOnlyList<Guid> findingIds, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task<IReadOnlyList<Agreement>> ReadChildrenAsync(Guid parentId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Agreement>>([]);

    public Task<(IReadOnlyList<Agreement> Items, int Total)> ReadOverdueAsync(ReadScope scope, DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<(IReadOnlyList<Agreement>, int)>(([], 0));

    public Task<int> ReadOverdueCountAsync(ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task<IReadOnlyList<Agreement>> ReadOverdueUnalertedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Agreement>>([]);

    public Task<bool> MarkOverdueAlertedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<IReadOnlyList<Agreement>> ReadForPeriodAsync(ReadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Agreement>>([]);

    public Task<IReadOnlyList<CommitteeAgreementCounts>> ReadCountsByCommitteeAsync(ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CommitteeAgreementCounts>>([]);

    public Task<IReadOnlyList<string>> ReadCasesAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task InsertAsync(Brigade brigade, CancellationToken cancellationToken = default) => Task.CompletedTask;

    Task<Brigade?> IBrigadeStore.ReadByIdAsync(Guid id, ReadScope scope, CancellationToken cancellationToken) => Task.FromResult<Brigade?>(null);

    public Task<IReadOnlyList<Brigade>> ReadAsync(ReadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Brigade>>([]);

    public Task<IReadOnlyList<(Brigade Brigade, BrigadeFinding Finding)>> ReadOpenFindingsAsync(ReadScope scope, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(Brigade, BrigadeFinding)>>([]);

    public Task<IReadOnlyList<BrigadeFinding>> ReadByAgreementAsync(Guid agreementId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BrigadeFinding>>([]);

    Task<Agreement?> IAgreementStore.ReadByIdAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<Agreement?>(null);

    Task<IReadOnlyList<Agreement>> IAgreementStore.ReadByCommitteeAsync(string committeeCode, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Agreement>>([]);

    public Task<IReadOnlyList<Agreement>> ReadByUnitAsync(string unitCode, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Agreement>>([]);

    public Task<IReadOnlyList<AgreementNote>> ReadNotesAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AgreementNote>>([]);

    public Task<bool> MoveAsync(AgreementNote note, CancellationToken cancellationToken = default) => Task.FromResult(false);
}

/// <summary>No accounts: every read finds nothing (an agreement's person owner is never found), every write changes nothing.</summary>
public class NoAccounts : System.Reflection.DispatchProxy
{
    protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
    {
        var returns = targetMethod?.ReturnType;
        if (returns is null || returns == typeof(void))
        {
            return null;
        }

        if (returns == typeof(Task))
        {
            return Task.CompletedTask;
        }

        // Task<T>: a finished task of T's default (null, false, 0), or an empty list for a list of rows.
        var result = returns.GenericTypeArguments[0];
        object? value = result.IsGenericType && result.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? Array.CreateInstance(result.GenericTypeArguments[0], 0)
            : result.IsValueType ? Activator.CreateInstance(result) : null;
        return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, [value]);
    }

    public static Dashboard.Core.Access.IAccessStore Create() => Create<Dashboard.Core.Access.IAccessStore, NoAccounts>();
}

public static class NoCommitteesExtensions
{
    /// <summary>The agreements' panel of a unit's page, over no agreements.</summary>
    public static IServiceCollection AddNoCommittees(this IServiceCollection services)
    {
        var none = new NoCommittees();
        services.TryAddSingleton(NoAccounts.Create());
        return services.AddSingleton<ICommitteeStore>(none).AddSingleton<ICommitteeSessionStore>(none).AddSingleton<IAgreementStore>(none).AddSingleton<IBrigadeStore>(none)
            .AddSingleton<AgreementService>().AddSingleton<BrigadeService>();
    }

}
