using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Shared;

namespace Dashboard.Web.Tests.Shared;

/// <summary>A case list as a link: what the overview writes, the lists read back, never an error for a bad value.</summary>
public sealed class CaseListLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public void QueryString_ReadsBackTheSameLink()
    {
        var link = new CaseListLink
        {
            Filter = new CaseFilter
            {
                RegionCode = "IMSS-JAL", UnitCode = "UMF-JAL-023", Kind = CaseKind.Complaint, Category = "mistreatment", Channel = Channel.CallCenter,
                StaffRole = "medical-assistant", ModuleCode = "MOD-UMF-JAL-023-A", Priority = Priority.High, Complex = false, OpenedFrom = new DateOnly(2026, 11, 1), OpenedTo = new DateOnly(2026, 11, 24),
            },
            StatusFilter = nameof(CaseStatus.Paused),
            SlaState = SlaState.AtRisk,
            EscalationLevel = 3,
            BreachedToday = true,
        };

        Assert.Equal(link, CaseListLink.Parse($"http://localhost/casos{link.ToQueryString()}"));
    }

    [Fact]
    public void StaffRole_IsCarriedInTheQueryStringAndReachesTheStoresQuery()
    {
        var link = CaseListLink.Parse("http://localhost/casos?staffRole=pharmacy&category=mistreatment&module=MOD-UMF-JAL-023-A");

        Assert.Equal(("pharmacy", "MOD-UMF-JAL-023-A"), (link.Filter.StaffRole, link.Filter.ModuleCode));
        Assert.Equal("/casos?category=mistreatment&staffRole=pharmacy&module=MOD-UMF-JAL-023-A", link.Href);
        Assert.Equal("pharmacy", link.ToQuery(1, 25, DayZones.Utc, Now).Filter.StaffRole);
    }

    [Fact]
    public void DefaultLink_HasNoQueryAndListsOpenCases()
    {
        var link = CaseListLink.Parse("http://localhost/casos");

        Assert.Equal("", link.ToQueryString());
        Assert.Equal("/casos", link.Href);
        Assert.True(link.ToQuery(1, 25, DayZones.Utc, Now).Open);
    }

    [Fact]
    public void Href_OfAUnitsNumbers_IsTheUnitsPageWithTheOtherFilters()
    {
        var link = new CaseListLink { Filter = new CaseFilter { UnitCode = "UMF-JAL-023", Priority = Priority.Critical }, SlaState = SlaState.Breached };

        Assert.Equal("/unidades/UMF-JAL-023?priority=Critical&sla=Breached", link.Href);
    }

    [Theory]
    [InlineData("open", true, null)]
    [InlineData("closed", false, null)]
    [InlineData("all", null, null)]
    [InlineData("Paused", null, CaseStatus.Paused)]
    [InlineData("paused", null, CaseStatus.Paused)]
    [InlineData("gone", true, null)]
    public void Status_BecomesTheStoresOpenOrStatusFilter(string status, bool? open, CaseStatus? exact)
    {
        var query = CaseListLink.Parse($"/casos?status={status}").ToQuery(1, 25, DayZones.Utc, Now);

        Assert.Equal((open, exact), (query.Open, query.Status));
    }

    [Fact]
    public void MalformedValues_AreIgnored()
    {
        var link = CaseListLink.Parse("/casos?priority=urgent&kind=7&from=2026-13-01&level=9&complex=maybe&sla=Late&breached=yesterday&region=");

        Assert.Equal(new CaseListLink(), link);
    }

    [Fact]
    public void PeriodWrittenBackwards_IsReadForwards()
    {
        var filter = CaseListLink.ParseFilter("/resumen?from=2026-11-24&to=2026-11-01");

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 24)), (filter.OpenedFrom, filter.OpenedTo));
    }
}
