using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Recognition;

/// <summary>How the recognition page and the wall's slide name a praised person and say what she does.</summary>
public static class PraisedNames
{
    /// <summary>The técnica's name from the catalogue, or the name the compliment gave.</summary>
    public static string Name(CatalogueIndex catalogue, PraisedStaff praised, string notInCatalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(praised);
        return praised.AgentId is { } id ? catalogue.FindAgent(id)?.Name ?? notInCatalogue : praised.Name ?? "";
    }

    /// <summary>"Técnica de atención" (IMSS) or "Personal de Atención al Asegurado" (EsSalud) for a técnica; her staff role's name otherwise.</summary>
    public static string Role(IStringLocalizer<Vocabulary> words, CatalogueIndex catalogue, PraisedStaff praised, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(praised);
        var institution = catalogue.FindUnit(unitCode)?.Institution;
        var text = praised.AgentId is not null ? words.Word("RoleAgent", institution)
            : praised.Role is { } role ? Vocabulary.StaffRoleName(institution, role) : "";
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
    }
}
