using System.Text.Json;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using static Dashboard.Core.Tests.Cases.CaseFixtures;

namespace Dashboard.Core.Tests.Catalogue;

public sealed class ClassificationCatalogueTests
{
    [Theory]
    [InlineData("Imss")]
    [InlineData("EsSalud")]
    public void For_EveryInstitution_CoversTheThreeHcatDomainsAndTheFieldCategories(Institution institution)
    {
        var catalogue = ClassificationCatalogue.For(institution);

        Assert.Equal(Enum.GetValues<ComplaintDomain>(), catalogue.Categories.Select(c => c.Domain).Distinct().Order());
        foreach (var code in new[] { "mistreatment", "waiting-time", "appointment-deferral", "medicine-supply", "information", "quality", "safety" })
        {
            Assert.NotNull(catalogue.FindCategory(code));
        }

        Assert.NotNull(catalogue.FindStaffRole("pharmacy"));
        Assert.All(catalogue.Categories, c => Assert.False(string.IsNullOrWhiteSpace(c.Es)));
    }

    [Fact]
    public void For_InstitutionsHaveTheirOwnCategories()
    {
        Assert.NotNull(ClassificationCatalogue.For(Institution.Imss).FindCategory("disability-certificate"));
        Assert.Null(ClassificationCatalogue.For(Institution.EsSalud).FindCategory("disability-certificate"));
        Assert.NotNull(ClassificationCatalogue.For(Institution.EsSalud).FindCategory("referral"));
        Assert.Equal("Mal trato", ClassificationCatalogue.For(Institution.Imss).FindCategory("mistreatment")!.Es);
    }

    [Theory]
    [InlineData("Imss", "Mal trato", "Asistente médica")]
    [InlineData("EsSalud", "Maltrato", "Técnico asistencial")]
    public void Mistreatment_IsACategoryOfEveryInstitutionAndItsPriorityRolesAreStaffRoles(Institution institution, string mistreatment, string assistant)
    {
        var classification = ClassificationCatalogue.For(institution);

        Assert.Equal(mistreatment, classification.FindCategory(ClassificationCatalogue.Mistreatment)!.Es);
        Assert.Equal(assistant, classification.FindStaffRole("medical-assistant")!.Es);
        Assert.Equal("Farmacia", classification.FindStaffRole("pharmacy")!.Es);
    }

    [Fact]
    public void Parse_CategoryOfAnotherInstitution_IsInvalidAtItsPath()
    {
        var json = """
            {"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","type":"CaseOpened","caseId":"QR-1","occurredAt":"2026-11-24T09:30:00-06:00",
             "data":{"unitCode":"HN-REB-001","kind":"Complaint","channel":"Module","category":"disability-certificate","priority":"High","complex":false,
                     "summary":"Reclamo.","staffRole":"lawyer"}}
            """;

        var parsed = CaseEventParser.Parse(JsonDocument.Parse(json).RootElement, Now, FindUnit);

        Assert.Contains("not a category of EsSalud", Assert.Single(parsed.Errors["data.category"]));
        Assert.Contains("not a staff role of EsSalud", Assert.Single(parsed.Errors["data.staffRole"]));
    }

    [Fact]
    public void Apply_ReclassifyToAnotherInstitutionsCategory_IsRejected()
    {
        var id = "QR-2";
        var opened = new CaseEvent(Guid.NewGuid(), id, Now, new CaseOpenedData(Rebagliati.Code, CaseKind.Complaint, Channel.Web, "waiting-time", Priority.Medium, false, "Reclamo."));
        var state = CaseRules.Apply(null, opened, Context).Next!;

        var decision = CaseRules.Apply(state, Next(id, new CaseReclassifiedData("disability-certificate", null, null)), Context);

        Assert.False(decision.IsAccepted);
        Assert.Contains("not a category of EsSalud", decision.Rejection);
    }
}
