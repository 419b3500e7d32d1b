using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Alerts;
using Dashboard.Core.Catalogue;
using Dashboard.Data;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Hangfire;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.Web.Alerts;

/// <summary>
/// Delivers one alert: an e-mail (SMTP through MailKit, or a pickup folder in Development) or a signed webhook.
/// A failure throws, so Hangfire retries it with growing delays; the alert stays pending meanwhile, never dropped.
/// Nothing personal travels: case number, unit, level and reason, and a link to the case page.
/// </summary>
public sealed class AlertDelivery(
    IAlertStore alerts,
    CatalogueService catalogue,
    IHttpClientFactory http,
    TimeProvider time,
    IOptions<AlertOptions> options,
    IOptions<DatabaseOptions> database,
    IStringLocalizer<Vocabulary> words,
    Telemetry.TableroMetrics? metrics = null)
{
    public const string WebhookClient = "webhooks";
    public const string SignatureHeader = "X-Tablero-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200])]
    public async Task DeliverAsync(long alertId, bool reminder, CancellationToken cancellationToken)
    {
        var alert = await alerts.ReadAsync(alertId, cancellationToken);
        // A withdrawn breach's alert not yet delivered is not delivered: nobody needs to hear of it, nor of its withdrawal.
        if (alert is null || (!reminder && (alert.Status == AlertStatus.Sent || alert.WithdrawnSequence is not null)) || (reminder && alert.AcknowledgedAt is not null))
        {
            return;
        }

        try
        {
            if (alert.Channel == AlertChannels.Email)
            {
                await SendEmailAsync(alert, reminder, cancellationToken);
            }
            else if (alert.Channel.StartsWith(AlertChannels.WebhookPrefix, StringComparison.Ordinal))
            {
                await PostWebhookAsync(alert, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await alerts.MarkFailedAttemptAsync(alert.Id, ex.Message, CancellationToken.None);
            metrics?.Alert(alert.Channel, "failed");
            throw;
        }

        if (!reminder)
        {
            var now = time.GetUtcNow();
            await alerts.MarkSentAsync(alert.Id, now, alert.Channel == AlertChannels.Email ? now + options.Value.ReminderEvery : null, cancellationToken);
            metrics?.Alert(alert.Channel, "sent");
        }
    }

    private async Task SendEmailAsync(Alert alert, bool reminder, CancellationToken cancellationToken)
    {
        var email = options.Value.Email;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From));
        foreach (var address in (alert.Recipients ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        var unit = catalogue.Current.FindUnit(alert.UnitCode);
        var es = CultureInfo.GetCultureInfo("es-MX");
        var levelName = LevelName(alert.Level, unit?.Institution, unit?.Type);
        var regionName = catalogue.Current.FindRegion(alert.RegionCode)?.Name ?? alert.RegionCode;
        message.Subject = $"{(reminder ? "Recordatorio: " : "")}Caso {alert.CaseId} escalado a nivel {alert.Level} ({levelName}) — {unit?.Name ?? alert.UnitCode}";
        var local = catalogue.UnitTime(alert.UnitCode, alert.EscalatedAt);
        var link = options.Value.BaseUrl is { Length: > 0 } baseUrl ? $"\n\nVer el caso: {baseUrl.TrimEnd('/')}/casos/{Uri.EscapeDataString(alert.CaseId)}" : "";
        message.Body = new TextPart("plain")
        {
            Text = string.Create(es, $"""
                El caso {alert.CaseId} de {unit?.Name ?? alert.UnitCode} ({regionName}) fue escalado al nivel {alert.Level}: {levelName}.
                Escalado: {local:dddd d 'de' MMMM 'de' yyyy, HH:mm} (hora de la unidad){(alert.Critical ? "\nPrioridad: CRÍTICA" : "")}
                Motivo: {alert.Reason}

                Acuse de recibo en el tablero para detener los recordatorios.{link}
                """),
        };
        message.MessageId = $"alert-{alert.Id}-{(reminder ? time.GetUtcNow().ToUnixTimeSeconds() : 0)}@tablero";
        await SendAsync(message, cancellationToken);
    }

    /// <summary>A plain e-mail from Tablero to <paramref name="recipients"/> (the overdue agreements' notice): the same sender and pickup folder as alerts.</summary>
    public async Task SendNoticeAsync(IReadOnlyList<string> recipients, string subject, string body, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Email.From));
        foreach (var address in recipients)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        message.MessageId = $"{messageId}@tablero";
        await SendAsync(message, cancellationToken);
    }

    private async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var email = options.Value.Email;
        if (email.PickupFolder is { Length: > 0 } pickup)
        {
            // Development: the message lands as a file a person can open; the name makes a retry overwrite, not duplicate.
            var folder = Path.IsPathRooted(pickup) ? pickup : Path.Combine(database.Value.ResolveDataFolder(), pickup);
            Directory.CreateDirectory(folder);
            // Written aside and moved into place: a retry racing the first attempt replaces the file whole, never shares it half-written.
            var target = Path.Combine(folder, $"{(message.MessageId ?? "message").Split('@')[0]}.eml");
            var aside = $"{target}.{Guid.NewGuid():N}.tmp";
            await message.WriteToAsync(aside, cancellationToken);
            File.Move(aside, target, overwrite: true);
            return;
        }

        var host = email.SmtpHost ?? throw new InvalidOperationException("Alerts:Email needs SmtpHost or PickupFolder to deliver e-mail");
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(host, email.SmtpPort, email.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (email.User is { Length: > 0 })
        {
            await smtp.AuthenticateAsync(email.User, email.Password ?? "", cancellationToken);
        }

        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    private Task PostWebhookAsync(Alert alert, CancellationToken cancellationToken) =>
        PostAsync(alert.Channel, new
        {
            alertId = alert.Id,
            caseId = alert.CaseId,
            level = alert.Level,
            unitCode = alert.UnitCode,
            regionCode = alert.RegionCode,
            critical = alert.Critical,
            escalatedAt = alert.EscalatedAt,
            reason = alert.Reason,
        }, cancellationToken);

    private async Task PostAsync(string channel, object payload, CancellationToken cancellationToken)
    {
        var name = channel[AlertChannels.WebhookPrefix.Length..];
        var webhook = options.Value.Webhooks.FirstOrDefault(w => w.Name == name)
            ?? throw new InvalidOperationException($"webhook '{name}' is no longer configured");
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);

        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret, body));
        using var response = await http.CreateClient(WebhookClient).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Delivers the follow-up of an alert whose breach was withdrawn, on the alert's channel to the alert's recipients:
    /// "atendido a tiempo; registro tardío", naming the clock and the case. Once: a delivered one is not sent again.
    /// </summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200])]
    public async Task DeliverFollowUpAsync(long followUpId, CancellationToken cancellationToken)
    {
        var followUp = await alerts.ReadFollowUpAsync(followUpId, cancellationToken);
        if (followUp is null || followUp.Status == AlertStatus.Sent || await alerts.ReadAsync(followUp.AlertId, cancellationToken) is not { } alert)
        {
            return;
        }

        try
        {
            if (alert.Channel == AlertChannels.Email)
            {
                using var message = FollowUpEmail(alert, followUp);
                await SendAsync(message, cancellationToken);
            }
            else if (alert.Channel.StartsWith(AlertChannels.WebhookPrefix, StringComparison.Ordinal))
            {
                await PostAsync(alert.Channel, new
                {
                    type = "breachWithdrawn",
                    alertId = alert.Id,
                    caseId = alert.CaseId,
                    level = alert.Level,
                    unitCode = alert.UnitCode,
                    regionCode = alert.RegionCode,
                    clock = followUp.Clock.ToString(),
                    dueAt = followUp.DueAt,
                    lateEventType = followUp.LateEventType.ToString(),
                    lateEventOccurredAt = followUp.LateEventAt,
                    note = "atendido a tiempo; registro tardío",
                }, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await alerts.MarkFollowUpFailedAttemptAsync(followUp.Id, ex.Message, CancellationToken.None);
            throw;
        }

        await alerts.MarkFollowUpSentAsync(followUp.Id, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// The follow-up e-mail, in the institution's Spanish (es-MX for IMSS, es-PE for EsSalud) and its words (queja and
    /// derechohabiente, reclamo and asegurado), from the shared vocabulary's resource files. No personal data.
    /// </summary>
    public MimeMessage FollowUpEmail(Alert alert, AlertFollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(followUp);
        var unit = catalogue.Current.FindUnit(alert.UnitCode);
        var institution = unit?.Institution;
        var culture = CultureInfo.GetCultureInfo(institution == Institution.EsSalud ? "es-PE" : "es-MX");
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(options.Value.Email.From));
            foreach (var address in (alert.Recipients ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                message.To.Add(MailboxAddress.Parse(address));
            }

            var clock = words[$"FollowUpClock{followUp.Clock}"].Value;
            var kind = followUp.CaseKind is { } k ? words.Word($"Kind{k}", institution) : words["FollowUpCase"].Value;
            var regionName = catalogue.Current.FindRegion(alert.RegionCode)?.Name ?? alert.RegionCode;
            string Local(DateTimeOffset at) => catalogue.UnitTime(alert.UnitCode, at).ToString("dddd d 'de' MMMM 'de' yyyy, HH:mm", culture);
            var link = options.Value.BaseUrl is { Length: > 0 } baseUrl ? $"\n\n{words["FollowUpLink"]} {baseUrl.TrimEnd('/')}/casos/{Uri.EscapeDataString(alert.CaseId)}" : "";
            message.Subject = words["FollowUpSubject", kind, alert.CaseId, clock];
            message.Body = new TextPart("plain")
            {
                Text = words["FollowUpBody", kind, alert.CaseId, unit?.Name ?? alert.UnitCode, regionName, clock, Local(followUp.DueAt),
                    words[$"Event{followUp.LateEventType}"].Value, Local(followUp.LateEventAt), words.Level(alert.Level, institution, unit?.Type),
                    words.Word("Insured", institution)] + link,
            };
            message.MessageId = $"followup-{followUp.Id}@tablero";
            return message;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes under the endpoint's secret.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// Who a level reaches, in the institution's own structure as its profile words it (<c>LevelRecipient{n}</c>, and
    /// <c>LevelRecipient{n}_{unit type}</c> for a unit type with its own route, such as a UMAE's own committee).
    /// </summary>
    public static string LevelName(int level, Institution? institution, UnitType? unitType = null)
    {
        var profile = institution is { } i ? Core.Profiles.InstitutionProfiles.Current.Find(i) : null;
        return (unitType is { } type ? profile?.Word($"LevelRecipient{level}_{type}", "es") : null)
            ?? profile?.Word($"LevelRecipient{level}", "es")
            ?? level switch
            {
                1 => "dirección de la unidad",
                2 => "comité regional",
                3 => "nivel central",
                _ => $"nivel {level}",
            };
    }
}
