using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;

namespace Dashboard.Web.Components.Shared;

/// <summary>The words every page shares (event types, statuses, SLA states, escalation levels), in one resource file.</summary>
public sealed class Vocabulary
{
    /// <summary>A case category in the reader's language, from its institution's classification (the code if unknown).</summary>
    public static string CategoryName(Institution institution, string code)
    {
        var category = ClassificationCatalogue.For(institution).FindCategory(code);
        return category is null ? code : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? category.Es : category.En;
    }
}
