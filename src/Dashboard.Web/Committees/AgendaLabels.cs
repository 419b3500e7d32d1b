using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Committees;

namespace Dashboard.Web.Committees;

/// <summary>
/// One line per agenda item as a closed session keeps it with its minutes, in Spanish (the minutes' language) and the
/// institution's own category names; never personal data.
/// </summary>
public sealed class AgendaLabels(CatalogueIndex catalogue)
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-MX");

    public string Case(CaseState c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"{c.CaseId} · {UnitName(c.UnitCode)} · {Category(c.Institution, c.Category)}{(c.EscalationLevel > 0 ? $" · nivel {c.EscalationLevel}" : "")}";
    }

    public string Impact(ImpactCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var institution = catalogue.FindUnit(c.UnitCode)?.Institution;
        return $"{c.CaseId} · {UnitName(c.UnitCode)} · {(institution is { } i ? Category(i, c.Category) : c.Category)} · impacto institucional: {c.Reason}";
    }

    public string Rise(UnitComplaintChange u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var institution = catalogue.FindUnit(u.UnitCode)?.Institution;
        return $"{UnitName(u.UnitCode)} · {(institution is { } i ? Category(i, ClassificationCatalogue.Mistreatment) : "Mal trato")}: {u.Previous} → {u.Current}";
    }

    public string Deterioration(Indicators.UnitDeterioration u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var institution = catalogue.FindUnit(u.UnitCode)?.Institution;
        return string.Create(Spanish, $"{u.UnitName} · {(institution is { } i ? Category(i, ClassificationCatalogue.Mistreatment) : "Mal trato")}: {(u.IsRate ? string.Create(Spanish, $"{u.Value:0.#} por 10 000 atenciones") : u.Latest.Count.ToString(Spanish))} en {u.Latest.Start:MMMM yyyy}, deterioro frente a su línea base (media {u.Limits.Mean:0.#}, límite {u.Limits.UpperLimit:0.#})");
    }

    public string Finding(AgendaFinding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return $"Brigada del {f.Brigade.VisitedOn.ToString("d MMM yyyy", Spanish)} en {UnitName(f.Brigade.UnitCode)} · {Category(f.Brigade.Institution, f.Finding.Category)}: {f.Finding.Text}";
    }

    public string Agreement(Agreement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return $"Acuerdo: {a.Text} · vence {a.DueOn.ToString("d MMM yyyy", Spanish)}";
    }

    private string UnitName(string code) => catalogue.FindUnit(code)?.Name ?? code;

    private static string Category(Institution institution, string code) => ClassificationCatalogue.For(institution).FindCategory(code)?.Es ?? code;
}
