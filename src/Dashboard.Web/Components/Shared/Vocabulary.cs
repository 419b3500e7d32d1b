using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// The words every page shares (event types, statuses, SLA states, escalation levels), in one resource file.
/// </summary>
/// <remarks>
/// Some words belong to the institution, not to the reader's language: an IMSS unit has <i>derechohabientes</i>,
/// <i>quejas</i> and an OOAD; an EsSalud unit <i>asegurados</i>, <i>reclamos</i> and a Red, whoever reads. Such a word
/// is in the institution's profile (<c>vocabulary.json</c>, by language), which <see cref="VocabularyExtensions.Word"/>
/// takes when the page knows the institution, and its plain key here for when it does not (a national view), which a
/// culture's file may override (es-PE says <i>asegurado</i>).
/// </remarks>
public sealed class Vocabulary
{
    /// <summary>A case category in the reader's language, from its institution's classification (the code if unknown).</summary>
    public static string CategoryName(Institution institution, string code)
    {
        var category = ClassificationCatalogue.For(institution).FindCategory(code);
        return category is null ? code : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? category.Es : category.En;
    }

    /// <summary>A staff role in the reader's language, from its institution's classification (the code if unknown).</summary>
    public static string StaffRoleName(Institution institution, string code)
    {
        var role = ClassificationCatalogue.For(institution).FindStaffRole(code);
        return role is null ? code : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? role.Es : role.En;
    }

    /// <summary>
    /// A staff role when the page may span both institutions: one name when both call it alike, otherwise each
    /// institution's name after its own ("IMSS: Asistente médica · EsSalud: Técnico asistencial"). The filter is by code,
    /// which both classifications share.
    /// </summary>
    public static string StaffRoleName(Institution? institution, string code)
    {
        if (institution is { } i)
        {
            return StaffRoleName(i, code);
        }

        var names = Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions.Where(i => ClassificationCatalogue.For(i).FindStaffRole(code) is not null)
            .Select(i => (Institution: i, Name: StaffRoleName(i, code))).ToArray();
        return names.Length == 0 ? code
            : names.Select(n => n.Name).Distinct(StringComparer.Ordinal).Count() == 1 ? names[0].Name
            : string.Join(" · ", names.Select(n => $"{InstitutionName(n.Institution)}: {n.Name}"));
    }

    /// <summary>A chosen staff role as a select shows it: the names alone, without the institutions ("Asistente médica / Técnico asistencial").</summary>
    public static string StaffRoleShortName(Institution? institution, string code) => institution is { } i ? StaffRoleName(i, code)
        : string.Join(" / ", Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions.Where(i => ClassificationCatalogue.For(i).FindStaffRole(code) is not null)
            .Select(i => StaffRoleName(i, code)).Distinct(StringComparer.Ordinal).DefaultIfEmpty(code));

    /// <summary>The staff roles a filter offers: the institution's, or every institution's once by code; by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> StaffRoles(Institution? institution) =>
        (institution is { } i ? [i] : Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions)
            .SelectMany(i => ClassificationCatalogue.For(i).StaffRoles.Select(r => r.Code))
            .Distinct(StringComparer.Ordinal)
            .Select(code => (code, StaffRoleName(institution, code)))
            .OrderBy(r => r.Item2, StringComparer.CurrentCulture)
            .ToArray();

    /// <summary>An institution's own short name, the same in every language.</summary>
    public static string InstitutionName(Institution institution) =>
        Core.Profiles.InstitutionProfiles.Current.Find(institution)?.Name ?? institution.Code;
}

public static class VocabularyExtensions
{
    /// <summary>
    /// What a case is about, as its row or page shows it: its category; for a compliment, what was praised ("Elogio: el trato
    /// por el trato recibido"), never a complaint's category as if it were one.
    /// </summary>
    public static string CaseCategory(this IStringLocalizer<Vocabulary> words, CaseKind kind, Institution institution, string category)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (kind != CaseKind.Compliment)
        {
            return Vocabulary.CategoryName(institution, category);
        }

        return ClassificationCatalogue.For(institution).FindCategory(category) is { } known
            ? words["Praise", words[$"Praised{known.Domain}"]]
            : words["PraiseOnly"];
    }

    /// <summary>An instant on a zone's clock, marked with the zone's short name when the list it is in spans zones ("05:24 CDMX").</summary>
    public static string TimeIn(this IStringLocalizer<Vocabulary> words, DateTimeOffset? instant, string zoneId, bool markZone) =>
        instant is not { } at ? "—" : markZone ? $"{Times.Format(at, zoneId)} {Times.ZoneShortName(words, zoneId)}" : Times.Format(at, zoneId);

    /// <summary>
    /// Who made a change, as a timeline shows it: "Lucía Hernández (técnica de atención)", "SIQ-IMSS · usuario jperez",
    /// "Tablero (plazos)". Events stored before actors were kept read as the source system.
    /// </summary>
    public static string Actor(this IStringLocalizer<Vocabulary> words, CaseActor? actor, Institution? institution)
    {
        ArgumentNullException.ThrowIfNull(words);
        return actor switch
        {
            null => words["ActorSourceSystem"],
            { Kind: ActorKind.Person, Role: { } role } => $"{actor.Name} ({words.Word($"Role{role}", institution)})",
            { Kind: ActorKind.Person } => actor.Name,
            { Kind: ActorKind.Source, OnBehalfOf: { } user } => words["ActorSourceUser", actor.Name, user],
            { Kind: ActorKind.Source } => words["ActorSource", actor.Name],
            { Id: CaseActor.SlaSweepId } => words["ActorSlaSweep"],
            { Id: CaseActor.HistoryImportId } => words["ActorHistoryImport", actor.Name],
            { Id: CaseActor.DemoSimulatorId } => words["ActorDemoSimulator"],
            _ => actor.Name,
        };
    }

    /// <summary>
    /// An escalation level in the case's institution's structure: IMSS's OOAD committee (a UMAE's own committee at
    /// level 2) and central committee; EsSalud's Red and its Gerencia Central de Atención al Asegurado.
    /// </summary>
    public static string Level(this IStringLocalizer<Vocabulary> words, int level, Institution? institution, UnitType? unitType = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        return (unitType is { } type && institution is { } i ? Core.Profiles.InstitutionProfiles.Current.Find(i)?.Word($"Level{level}_{type}", CultureInfo.CurrentUICulture.Name) : null)
            ?? words.Word($"Level{level}", institution);
    }

    /// <summary>"Derechohabiente (NSS)" at an IMSS unit, "Asegurado (DNI)" at an EsSalud one, whatever the reader's language.</summary>
    public static string InsuredLabel(this IStringLocalizer<Vocabulary> words, Institution institution)
    {
        ArgumentNullException.ThrowIfNull(words);
        var word = words.Word("Insured", institution);
        return $"{char.ToUpper(word[0], CultureInfo.CurrentCulture)}{word[1..]} ({words.Word("InsuredIdName", institution)})";
    }

    /// <summary>
    /// The institution's own word for <paramref name="key"/> (its profile's <c>vocabulary.json</c>, in the reader's
    /// language), or the reader's word when the institution is not known or its profile has none.
    /// </summary>
    public static string Word(this IStringLocalizer<Vocabulary> words, string key, Institution? institution)
    {
        ArgumentNullException.ThrowIfNull(words);
        return (institution is { } i ? Core.Profiles.InstitutionProfiles.Current.Find(i)?.Word(key, CultureInfo.CurrentUICulture.Name) : null)
            ?? words[key].Value;
    }
}
