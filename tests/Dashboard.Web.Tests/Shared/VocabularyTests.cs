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
    private static readonly string[] Institutions = Enum.GetNames<Institution>();

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
    [InlineData("es-MX", Institution.Imss, "Queja")]
    [InlineData("es-MX", Institution.EsSalud, "Reclamo")]
    [InlineData("es-PE", null, "Reclamo")]
    [InlineData("es-PE", Institution.Imss, "Queja")]
    [InlineData("es-PE", Institution.EsSalud, "Reclamo")]
    [InlineData("en", Institution.EsSalud, "Complaint")]
    public void Word_TheInstitutionsWordWinsOverTheReadersCulture(string culture, Institution? institution, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(expected, Words().Word("KindComplaint", institution));
    }

    [Fact]
    public void Word_WithoutAnInstitutionalForm_IsTheSharedWord()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-MX");

        Assert.Equal("Solicitud", Words().Word("KindRequest", Institution.EsSalud));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en")]
    public void EveryInstitutionWord_HasItsPlainFormAndBothInstitutionsInTheLanguage(string culture)
    {
        var neutral = Keys("");
        var language = Keys(culture);
        var words = neutral.Keys.Where(k => Institutions.Any(i => k.EndsWith($"_{i}", StringComparison.Ordinal)))
            .Select(k => k[..k.LastIndexOf('_')]).Distinct().ToArray();

        Assert.NotEmpty(words);
        Assert.All(words, word =>
        {
            Assert.Contains(word, language.Keys);
            Assert.All(Institutions, i => Assert.Contains($"{word}_{i}", language.Keys));
        });
    }
}
