using NewsArchive.Extraction;

namespace NewsArchive.Tests;

public sealed class PublishedDateParserTests
{
    [Theory]
    [InlineData("2022-12-19T18:04:03.000Z", 8, "2022-12-20T02:04:03+08:00")]
    [InlineData("2022-12-19T18:04:03.000Z", null, "2022-12-19T18:04:03Z")]
    [InlineData("2024-11-01 11:34:03.000000000 +08:00", 8, "2024-11-01T11:34:03+08:00")]
    [InlineData("2024-11-19 16:00:00.000000000 +00:00", null, "2024-11-19T16:00:00Z")]
    [InlineData("2024-11-14T14:32:03.282Z", null, "2024-11-14T14:32:03.282Z")]
    [InlineData("2023-08-28 21:50", 8, "2023-08-28T21:50:00+08:00")]
    [InlineData("2025-08-23", 8, "2025-08-23")]
    [InlineData("2023/08/23", 8, "2023-08-23")]
    [InlineData("2024-11-01 11:34:03 -0500", null, "2024-11-01T11:34:03-05:00")]
    [InlineData("２０２４-１-１", 8, "2024-01-01")]
    [InlineData("2024-11-01 11:34 +14:00", null, "2024-11-01T11:34:00+14:00")]
    [InlineData("0001-01-01T12:00:00Z", null, "0001-01-01T12:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z", 8, "9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T10:00:00Z", 8, "9999-12-31T18:00:00+08:00")]
    [InlineData("0001-01-01", 8, "0001-01-01")]
    [InlineData("2023-08-28 21:50", 9, "2023-08-28T21:50:00+09:00")]
    [InlineData("2022-12-19T18:04:03.000Z", -5, "2022-12-19T13:04:03-05:00")]
    public void TryParse_DateStyles_GivesIso8601InTheSitesZone(string value, int? zoneHours, string expected)
    {
        Assert.True(PublishedDateParser.TryParse(value, zoneHours is { } hours ? TimeSpan.FromHours(hours) : null, out var iso, out var hasOffset));
        Assert.Equal(expected, iso);
        Assert.True(hasOffset);
    }

    [Fact]
    public void TryParse_LocalTimeFromForeignSource_KeepsItWithoutOffset()
    {
        Assert.True(PublishedDateParser.TryParse("2024-11-01 11:34", null, out var iso, out var hasOffset));
        Assert.Equal("2024-11-01T11:34:00", iso);
        Assert.False(hasOffset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("2023-02-30")]
    [InlineData("2024-11-01 25:00")]
    [InlineData("2024-1-\u0661")]
    [InlineData("2024-1-１\u0661")]
    [InlineData("2024-11-01 11:34 +14:30")]
    [InlineData("2024-11-01 11:34 -15:00")]
    [InlineData("0001-01-01T00:00:00+08:00")]
    [InlineData("9999-12-31T23:59:59-08:00")]
    [InlineData("0000-01-01")]
    public void TryParse_NotADate_ReturnsFalse(string value)
    {
        Assert.False(PublishedDateParser.TryParse(value, TimeSpan.FromHours(8), out _, out _));
    }
}
