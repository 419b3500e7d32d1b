using System.Data;
using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Committees;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Dashboard.Web.Committees;

/// <summary>
/// The quarterly report as an Excel workbook, one sheet per part, in the institution's Spanish (the minutes' language)
/// with the page's words: "Indicadores por unidad" (with a totals row), "Impacto institucional", "Escalamientos" (with a
/// totals row), "Acuerdos", "Brigadas y hallazgos".
/// </summary>
/// <remarks>
/// Why MiniExcel (1.47.1) among the kept libraries: the report needs several sheets, a styled header, totals, column
/// widths, and a test that opens the file again with the same library. SpreadCheetah writes fast but cannot read a
/// workbook back, so the test could not use it. ClosedXML 0.95.4 (the version the mirror serves) can do all of it, but
/// it is a 2019 build that drags DocumentFormat.OpenXml 2.x and System.Drawing.Common (GDI+, Windows-only since .NET 6)
/// into a Linux host. MiniExcel has no dependencies, writes each sheet from a table (headers even for an empty one),
/// styles the header row, sizes the columns to their content, freezes the header, and reads sheets back by name. A
/// totals row is a row of sums we compute (the same figures the page shows), not a formula a reader must recalculate.
/// Text is written as a cell value, never a formula, so a reason typed as "=…" stays text.
/// </remarks>
public static class QuarterlyWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The Spanish the workbook is written in: Peru's for EsSalud, Mexico's otherwise.</summary>
    public static CultureInfo CultureFor(Institution institution) => CultureInfo.GetCultureInfo(institution == Institution.EsSalud ? "es-PE" : "es-MX");

    /// <summary>Writes the workbook; the words are taken in the institution's Spanish whatever the caller's language.</summary>
    public static void Write(Stream stream, QuarterlyReportData report, IStringLocalizer<CommitteesPage> words, IStringLocalizer<Vocabulary> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureFor(report.Committee.Institution);
        try
        {
            var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, table) in Sheets(report, words, vocabulary))
            {
                sheets.Add(name, table);
            }

            var configuration = new OpenXmlConfiguration
            {
                // Auto width measures the rows, which MiniExcel only keeps in fast mode; a report is small.
                FastMode = true,
                EnableAutoWidth = true,
                MinWidth = 10,
                MaxWidth = 70,
                FreezeRowCount = 1,
                StyleOptions = new OpenXmlStyleOptions
                {
                    WrapCellContents = false,
                    HeaderStyle = new OpenXmlHeaderStyle { BackgroundColor = System.Drawing.Color.FromArgb(0xD9, 0xE1, 0xF2), WrapText = true },
                },
            };
            MiniExcel.SaveAs(stream, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    /// <summary>The five sheets by name, in order, each a table whose columns are the headers.</summary>
    public static IReadOnlyList<(string Name, DataTable Table)> Sheets(QuarterlyReportData report, IStringLocalizer<CommitteesPage> L, IStringLocalizer<Vocabulary> V)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(V);
        var institution = report.Committee.Institution;
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var units = Table(
            (L["ReportColUnit"], typeof(string)), (L["ReportColOpened"], typeof(int)), (Capitalized(V.Word("Complaints", institution)), typeof(int)),
            (Vocabulary.CategoryName(institution, ClassificationCatalogue.Mistreatment), typeof(int)), (L["ReportColResolved"], typeof(int)),
            (L["ReportColOpen"], typeof(int)), (L["ReportColBreached"], typeof(int)), (L["ReportColEscalated"], typeof(int)));
        foreach (var u in report.Units)
        {
            units.Rows.Add(u.UnitName, u.Figures.Opened, u.Figures.Complaints, u.Figures.Mistreatment, u.Figures.Resolved, u.Figures.Open, u.Figures.ResolutionBreached, u.Figures.Escalated);
        }

        var t = report.Totals;
        units.Rows.Add(L["ReportTotal"].Value, t.Opened, t.Complaints, t.Mistreatment, t.Resolved, t.Open, t.ResolutionBreached, t.Escalated);

        var impact = Table((L["ReportColCase"], typeof(string)), (L["ReportColUnit"], typeof(string)), (L["ReportColCategory"], typeof(string)),
            (L["ReportColReason"], typeof(string)), (L["ReportColFlaggedOn"], typeof(string)), (L["ReportColStatus"], typeof(string)), (L["ReportColLevel"], typeof(string)));
        foreach (var c in report.Impact)
        {
            impact.Rows.Add(c.CaseId, c.UnitName, c.CategoryName, c.Reason, Day(c.FlaggedOn), V[$"Status{c.Status}"].Value, V.Level(c.EscalationLevel, institution));
        }

        var escalations = Table((L["ReportColLevel"], typeof(string)), (L["ReportColStatus"], typeof(string)), (L["ReportColCases"], typeof(int)));
        foreach (var e in report.Escalations)
        {
            escalations.Rows.Add(V.Level(e.Level, institution), V[$"Status{e.Status}"].Value, e.Cases);
        }

        escalations.Rows.Add(L["ReportTotal"].Value, "", report.Escalations.Sum(e => e.Cases));

        var agreements = Table((L["Committee"], typeof(string)), (L["Agreement"], typeof(string)), (L["AgreementType"], typeof(string)),
            (L["AgreementOwner"], typeof(string)), (L["AgreementDue"], typeof(string)), (L["AgreementStatus"], typeof(string)), (L["Overdue"], typeof(string)));
        foreach (var a in report.Agreements)
        {
            agreements.Rows.Add(a.CommitteeName, a.Agreement.Text, L[$"Type{a.Agreement.Type}"].Value, a.OwnerName ?? L["OwnerEveryCommittee"].Value, Day(a.Agreement.DueOn),
                L[$"AgreementStatus{a.Agreement.Status}"].Value, a.Overdue ? L["ReportYes"].Value : "");
        }

        var brigades = Table((L["ReportColVisitedOn"], typeof(string)), (L["ReportColUnit"], typeof(string)), (L["Members"], typeof(string)),
            (L["ReportColAreas"], typeof(string)), (L["ReportColCategory"], typeof(string)), (L["ReportColStaffRole"], typeof(string)),
            (L["ReportColFinding"], typeof(string)), (L["ReportColFindingAgreement"], typeof(string)));
        foreach (var b in report.Brigades)
        {
            brigades.Rows.Add(Day(b.Brigade.VisitedOn), b.UnitName, string.Join(", ", b.Brigade.Members), string.Join(", ", b.Brigade.Areas), b.CategoryName ?? "",
                b.StaffRoleName ?? "", b.Finding?.Text ?? L["ReportNoFindings"].Value, b.Finding?.AgreementId is null ? "" : L["ReportYes"].Value);
        }

        (string, DataTable)[] sheets =
        [
            (L["SheetUnits"], units), (L["SheetImpact"], impact), (L["SheetEscalations"], escalations), (L["SheetAgreements"], agreements), (L["SheetBrigades"], brigades),
        ];
        if (report.Committee.Kind != CommitteeKind.Central)
        {
            return sheets;
        }

        var compliance = Table((L["Committee"], typeof(string)), (L["ComplianceState"], typeof(string)), (L["AgreementsDone"], typeof(int)), (L["AgreementsOpen"], typeof(int)),
            (L["AgreementsOverdue"], typeof(int)), (L["AgreementStatusCancelled"], typeof(int)));
        foreach (var (name, c) in report.Compliance)
        {
            compliance.Rows.Add(name, L[$"Compliance{c.Compliance}"].Value, c.Done, c.Open, c.Overdue, c.Cancelled);
        }

        return [.. sheets, (L["SheetCompliance"], compliance)];
    }

    /// <summary>"quejas" → "Quejas", in the current culture.</summary>
    public static string Capitalized(string word) =>
        string.IsNullOrEmpty(word) ? word : string.Concat(char.ToUpper(word[0], CultureInfo.CurrentCulture).ToString(), word[1..]);

    private static DataTable Table(params (string Name, Type Type)[] columns)
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var (name, type) in columns)
        {
            table.Columns.Add(name, type);
        }

        return table;
    }
}
