using System.Collections;
using System.Globalization;
using System.Resources;
using Dashboard.Core.Catalogue;
using Dashboard.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Tests.Shared;

/// <summary>Institution words: the unit's institution decides, whatever the reader's language; every language has both.</summary>
public sealed class VocabularyTests
{
    private static readonly string[] Institutions = [.. Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions.Select(i => i.Code)];

    private static IStringLocalizer<Vocabulary> Words()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<Vocabulary>>();
    }

    private static Dictionary<string, string> Keys(string culture)
    {
        var resources = new ResourceManager("Dashboard.Web.Resources.Components.Shared.Vocabulary", typeof(Vocabulary).Assembly);
        var set = resources.GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Theory]
    [InlineData("es-MX", null, "Queja")]
    [InlineData("es-MX", "Imss", "Queja")]
    [InlineData("es-MX", "EsSalud", "Reclamo")]
    [InlineData("es-PE", null, "Reclamo")]
    [InlineData("es-PE", "Imss", "Queja")]
    [InlineData("es-PE", "EsSalud", "Reclamo")]
    [InlineData("en", "EsSalud", "Complaint")]
    public void Word_TheInstitutionsWordWinsOverTheReadersCulture(string culture, string? institution, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(expected, Words().Word("KindComplaint", institution is null ? null : new Institution(institution)));
    }

    [Fact]
    public void Word_WithoutAnInstitutionalForm_IsTheSharedWord()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-MX");

        Assert.Equal("Solicitud", Words().Word("KindRequest", Institution.EsSalud));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public void EveryWordAProfileOverrides_HasAPlainFormForProfilesThatDoNot(string language)
    {
        var profiles = Dashboard.Core.Profiles.InstitutionProfiles.Current.All;
        var plain = Keys(language == "es" ? "" : language).Keys
            .Concat(new ResourceManager("Dashboard.Web.Resources.Components.Pages.WallPage", typeof(Vocabulary).Assembly)
                .GetResourceSet(language == "es" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!
                .Cast<DictionaryEntry>().Select(e => (string)e.Key))
            .ToHashSet(StringComparer.Ordinal);
        var overridden = profiles.SelectMany(p => p.Vocabulary.GetValueOrDefault(language)?.Keys ?? []).Distinct().ToArray();

        Assert.NotEmpty(overridden);
        // A word only the profiles say (the alerts' recipients, committees' names, a UMAE's own committee) has a fallback in code.
        var shared = overridden.Where(k => !k.StartsWith("LevelRecipient", StringComparison.Ordinal) && !k.StartsWith("Committee", StringComparison.Ordinal) && !k.Contains('_', StringComparison.Ordinal)).ToArray();
        Assert.All(shared, word => Assert.Contains(word, plain));
    }
}
