using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// MudBlazor's own texts (the grid pager, filters) in Spanish from <c>Resources/Components/Shared/MudTexts.resx</c>;
/// other languages keep MudBlazor's built-in English.
/// </summary>
public sealed class MudTexts(IStringLocalizer<MudTexts> texts) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "es")
            {
                return new LocalizedString(key, key, resourceNotFound: true);
            }

            var text = texts[key];
            return new LocalizedString(key, text.Value, text.ResourceNotFound);
        }
    }

    // Texts with arguments are composite formats ("{0}–{1} de {2}"), filled here as MudBlazor's own resources are.
    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound || arguments is not { Length: > 0 }
                ? text
                : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), resourceNotFound: false);
        }
    }
}
