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

    [Fact]
    public void Write_GivesTheTextTheFormatStringGives_AndReadsBack()
    {
        var random = new Random(24);
        var samples = new[] { DateTime.MinValue, new DateTime(2026, 11, 24, 15, 30, 15, DateTimeKind.Utc), new DateTime(2026, 11, 24, 15, 30, 15, DateTimeKind.Utc).AddTicks(1000) }
            .Concat(Enumerable.Range(0, 10_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc)))
            .Concat(Enumerable.Range(0, 1_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc)));
        Span<char> text = stackalloc char[32];

        foreach (var utc in samples)
        {
            var written = text[..StoredInstant.Write(utc, text)].ToString();

            Assert.Equal(utc.ToString(StoredInstant.Format, CultureInfo.InvariantCulture), written);
            Assert.True(StoredInstant.TryParse(written, out var back));
            Assert.Equal(utc, back);
        }
    }
}
