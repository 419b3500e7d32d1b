using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Committees;
using Dashboard.Web.Alerts;
using Dashboard.Web.Catalogue;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Committees;

/// <summary>
/// Tells the owner of an agreement once when it is overdue, as an escalation tells a case's director: the unit's
/// director (the level-1 recipients of its unit) for a unit, the OOAD/Red committee for a region, the person herself;
/// the committee that made it is copied. Sent first and marked after, so a failure is retried and nothing is skipped.
/// </summary>
public sealed class AgreementDeadlineJob(
    IAgreementStore agreements, ICommitteeStore committees, IAccessStore access, AlertDelivery delivery, CatalogueService catalogue, IOptions<AlertOptions> options,
    TimeProvider time, ILogger<AgreementDeadlineJob> logger)
{
    public const string RecurringJobId = "agreement-deadlines";
    public const int PageSize = 100;

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var emails = await committees.ReadEmailsAsync(cancellationToken);
        var told = 0;
        foreach (var agreement in await agreements.ReadOverdueUnalertedAsync(now, PageSize, cancellationToken))
        {
            var recipients = await RecipientsAsync(agreement, emails, cancellationToken);
            if (recipients.Count > 0)
            {
                await delivery.SendNoticeAsync(recipients, Subject(agreement), Body(agreement), $"agreement-overdue-{agreement.Id:N}", cancellationToken);
            }
            else
            {
                logger.LogWarning("Agreement {Agreement} of {Committee} is overdue and its owner has no address to be told at", agreement.Id, agreement.CommitteeCode);
            }

            if (await agreements.MarkOverdueAlertedAsync(agreement.Id, now, cancellationToken))
            {
                told++;
            }
        }

        return told;
    }

    /// <summary>Who hears of an overdue agreement: its owner and the committee that made it.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(Agreement agreement, IReadOnlyDictionary<string, string> committeeEmails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(committeeEmails);
        var owner = agreement.OwnerKind switch
        {
            AgreementOwnerKind.Unit when catalogue.Current.FindUnit(agreement.OwnerCode) is { } unit => options.Value.Recipients
                .Where(g => g.Covers(1, unit.RegionCode, unit.Code, catalogue.Current.InstitutionOfRegion, unit.Type))
                .SelectMany(g => g.AddressesFor(unit.RegionCode, unit.Code)),
            AgreementOwnerKind.Region => committeeEmails.TryGetValue(CommitteePlan.RegionCode(agreement.OwnerCode), out var region) ? [region] : [],
            AgreementOwnerKind.Person when await access.ReadUserByNameAsync(agreement.OwnerCode, cancellationToken) is { Email: { } email, RevokedAt: null } => [email],
            _ => [],
        };
        var committee = committeeEmails.TryGetValue(agreement.CommitteeCode, out var made) ? [made] : Array.Empty<string>();
        return [.. owner.Concat(committee).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-MX");

    private string OwnerName(Agreement a) => a.OwnerKind switch
    {
        AgreementOwnerKind.Unit => catalogue.Current.FindUnit(a.OwnerCode)?.Name ?? a.OwnerCode,
        AgreementOwnerKind.Region => catalogue.Current.FindRegion(a.OwnerCode)?.Name ?? a.OwnerCode,
        _ => a.OwnerCode,
    };

    private string Subject(Agreement a) => $"Acuerdo vencido: {OwnerName(a)} — venció el {a.DueOn.ToString("d 'de' MMMM 'de' yyyy", Spanish)}";

    private string Body(Agreement a)
    {
        var link = options.Value.BaseUrl is { Length: > 0 } baseUrl ? $"\n\nVer el acuerdo: {baseUrl.TrimEnd('/')}/sesiones/{a.SessionId}" : "";
        return string.Create(Spanish, $"""
            El acuerdo del comité sigue abierto después de su fecha de cumplimiento.
            Acuerdo: {a.Text}
            Responsable: {OwnerName(a)}
            Fecha de cumplimiento: {a.DueOn:dddd d 'de' MMMM 'de' yyyy}

            Registre el avance o la evidencia en el tablero.{link}
            """);
    }
}
