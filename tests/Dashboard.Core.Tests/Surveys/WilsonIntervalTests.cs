using Dashboard.Core.Surveys;

namespace Dashboard.Core.Tests.Surveys;

public sealed class WilsonIntervalTests
{
    // Worked by hand with z = 1.96: centre = (p + z²/2n)/(1 + z²/n), half = z·√(p(1−p)/n + z²/4n²)/(1 + z²/n).
    [Theory]
    [InlineData(80, 100, 0.71117, 0.86663)]
    [InlineData(0, 10, 0.0, 0.27753)]
    [InlineData(10, 10, 0.72247, 1.0)]
    [InlineData(6, 12, 0.25378, 0.74622)]
    public void Wilson_MatchesTheHandWorkedInterval(int successes, int total, double lower, double upper)
    {
        var p = Proportion.Wilson(successes, total);
        Assert.Equal(lower, p.Lower, 0.0001);
        Assert.Equal(upper, p.Upper, 0.0001);
    }

    [Fact]
    public void Wilson_TwelveAnswers_IsASmallSample() => Assert.True(Proportion.Wilson(6, 12).IsSmallSample);
}
