using System.Globalization;

namespace Dashboard.Data.Tests;

public sealed class StoredInstantTests
{
    [Theory]
    [InlineData("2026-11-24 15:30:15")]
    [InlineData("2026-11-24 15:30:15.1")]
    [InlineData("2026-11-24 15:30:15.1234567")]
    [InlineData("2024-02-29 00:00:00.0000001")]
    [InlineData("0001-01-01 00:00:00")]
    public void TryParse_ReadsTheStoredForm_AsTheGeneralParserDoes(string stored)
    {
        var expected = DateTime.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        Assert.True(StoredInstant.TryParse(stored, out var utc));
        Assert.Equal(expected, utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("2026-11-24T15:30:15")]
    [InlineData("2026-11-24 15:30:15.")]
    [InlineData("2026-11-24 15:30:15.12345678")]
    [InlineData("2026-02-30 10:00:00")]
    [InlineData("2026-11-24 24:00:00")]
    [InlineData("0000-01-01 00:00:00")]
    [InlineData("2026-11-24 15:30")]
    [InlineData("2026-11-24 15:30:15+00:00")]
    public void TryParse_LeavesEveryOtherFormToTheGeneralParser(string other)
    {
        Assert.False(StoredInstant.TryParse(other, out _));
    }
}
