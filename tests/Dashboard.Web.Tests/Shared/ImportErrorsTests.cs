using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Bunit;
using Dashboard.Core.Imports;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Shared;

/// <summary>An import's problems read in the reader's language: every problem an import can name has its Spanish and English words.</summary>
public sealed class ImportErrorsTests : BunitContext
{
    public ImportErrorsTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly MethodInfo[] Texts = typeof(ImportTexts).GetMethods(BindingFlags.Public | BindingFlags.Static);

    private static Dictionary<string, string> Resources(string culture)
    {
        var resources = new ResourceManager("Dashboard.Web.Resources.Components.Shared.ImportErrors", typeof(ImportErrors).Assembly);
        var set = resources.GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    /// <summary>Each text with sample values: text "x", numbers 7.</summary>
    private static ImportText Sample(MethodInfo method) =>
        (ImportText)method.Invoke(null, [.. method.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : Convert.ChangeType(7, p.ParameterType, CultureInfo.InvariantCulture))])!;

    [Theory]
    [InlineData("")]
    [InlineData("en")]
    public void EveryImportText_HasWordsInTheLanguage_ThatTakeItsValues(string culture)
    {
        var words = Resources(culture);
        Assert.NotEmpty(Texts);
        foreach (var method in Texts)
        {
            var text = Sample(method);
            Assert.Equal(method.Name, text.Key);
            Assert.True(words.TryGetValue(text.Key, out var template), $"{text.Key} has no words in '{culture}'");
            // Every value the English names is named in this language too.
            for (var i = 0; i < text.Args.Length; i++)
            {
                Assert.Matches($"\\{{{i}(:N0)?\\}}", template);
            }

            _ = string.Format(CultureInfo.GetCultureInfo("es-MX"), template, text.Args);
        }
    }

    [Fact]
    public void Render_ASpanishReader_ReadsTheProblemInSpanishBesideItsLineAndColumn()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-MX");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-MX");
        CsvRowError[] errors =
        [
            new("encuestas.csv", 3, "satisfied", ImportTexts.AtMostRespondents(1200)),
            new("encuestas.csv", 4, "", ImportTexts.TooManyFields(8, 6)),
            new("catalogo.csv", 5, "code", "must be 1–64 characters"),
        ];

        var cut = Render<ImportErrors>(p => p.Add(c => c.Errors, errors).Add(c => c.Title, "No se guardó nada; corrija el archivo:").Add(c => c.TestId, "errors"));

        var items = cut.FindAll("li").Select(li => li.TextContent).ToArray();
        Assert.Equal("Línea 3, columna satisfied: debe estar entre 0 y el número de encuestados (1,200)", items[0]);
        Assert.StartsWith("Línea 4: la fila tiene 8 campos pero el encabezado tiene 6", items[1], StringComparison.Ordinal);
        // A problem without translatable words (the catalogue's own checks) still reads, as it came.
        Assert.Equal("Línea 5, columna code: must be 1–64 characters", items[2]);
    }

    [Fact]
    public void Render_NoErrors_Nothing()
    {
        Assert.Empty(Render<ImportErrors>(p => p.Add(c => c.Errors, []).Add(c => c.Title, "t")).Markup.Trim());
    }
}
