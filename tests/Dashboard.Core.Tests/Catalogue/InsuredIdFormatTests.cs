using Dashboard.Core.Catalogue;

namespace Dashboard.Core.Tests.Catalogue;

public sealed class InsuredIdFormatTests
{
    [Theory]
    [InlineData("12345678903", "*******8903")]
    [InlineData("87654321", "****4321")]
    [InlineData("123", "***")]
    public void Mask_KeepsOnlyTheLastFourDigits(string insuredId, string masked) => Assert.Equal(masked, InsuredIdFormat.Mask(insuredId));

    [Theory]
    [InlineData("Imss", "12345678903", true)]
    [InlineData("Imss", "12345678901", false)]
    [InlineData("Imss", "21345678903", false)]
    [InlineData("Imss", "1234567890", false)]
    [InlineData("EsSalud", "87654321", true)]
    [InlineData("EsSalud", "8765432A", false)]
    public void Check_AcceptsOnlyTheInstitutionsFormat(Institution institution, string insuredId, bool valid) =>
        Assert.Equal(valid, InsuredIdFormat.Check(institution, insuredId) is null);
}
