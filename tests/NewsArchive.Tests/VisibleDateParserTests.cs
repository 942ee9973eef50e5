using NewsArchive.Extraction;

namespace NewsArchive.Tests;

public sealed class VisibleDateParserTests
{
    [Theory]
    [InlineData("2013/06/29 22:54:00", "2013-06-29T22:54:00")]
    [InlineData("2014-03-19 18:58 記者王小明／台北報導", "2014-03-19T18:58:00")]
    [InlineData("2014.03.08 03:12 am 聯合報", "2014-03-08T03:12:00")]
    [InlineData("2014.03.08 03:12 pm", "2014-03-08T15:12:00")]
    [InlineData("發稿時間：2014/04/12 16:05", "2014-04-12T16:05:00")]
    [InlineData("2014年04月04日", "2014-04-04")]
    [InlineData("發布時間：2023年9月4日 下午6:35", "2023-09-04T18:35:00")]
    [InlineData("民國103年4月4日", "2014-04-04")]
    [InlineData("103年4月4日 上午10:05", "2014-04-04T10:05:00")]
    [InlineData("２０２４年５月１１日", "2024-05-11")]
    [InlineData("November 18, 2019 | 4:10pm", "2019-11-18T16:10:00")]
    [InlineData("Nov. 18, 2019", "2019-11-18")]
    [InlineData("18 November 2019", "2019-11-18")]
    [InlineData("Published 4:00 am CST, Wednesday, November 20, 2019", "2019-11-20T04:00:00-06:00")]
    [InlineData("March 14, 2024 12:30 p.m. UTC", "2024-03-14T12:30:00Z")]
    public void TryParse_DateLines_ReadsDateAndClock(string line, string iso)
    {
        Assert.True(VisibleDateParser.TryParse(line, out var date));
        Assert.Equal(iso, date.ToIso());
    }

    [Theory]
    [InlineData("更新時間：2024/05/02 14:20")]
    [InlineData("Updated November 18, 2019")]
    [InlineData("2023/02/30 10:00")]
    [InlineData("第3屆年會")]
    [InlineData("市府表示，老街的招牌也將統一改善，預計年底前完成，並在2024年5月1日公告詳細的施工期程與交通改道路線，民眾可上網查詢最新資訊，也可以撥打專線電話詢問相關事項與申請補助的方式，市府也將在各里辦公處張貼公告，讓不方便上網的長輩也能知道施工的時間。")]
    [InlineData("")]
    public void TryParse_NotAPublicationDate_ReturnsFalse(string line)
    {
        Assert.False(VisibleDateParser.TryParse(line, out _));
    }
}
