using NewsArchive.Extraction;

namespace NewsArchive.Tests;

/// <summary>The small named tests behind the advertising-image, image-credit and template-text rules.</summary>
public sealed class FurnitureSignalTests
{
    [Theory]
    [InlineData("https://static.example.tw/website/img/ad300x223.jpg", true)]
    [InlineData("/img/ads_728x90.png?v=3", true)]
    [InlineData("https://cdn.example.com/ads/house/spring.jpg", true)]
    [InlineData("https://cdn.example.com/advertising/slot.gif", true)]
    [InlineData("https://img.example.tw/banner-970x250.webp", true)]
    [InlineData("https://img.example.tw/news/2024/11/adrian-300x200.jpg", false)]
    [InlineData("https://img.example.tw/news/2024/11/roads-closed.jpg", false)]
    [InlineData("https://img.example.tw/uploads/headline.jpg#ads/", false)]
    [InlineData(null, false)]
    public void AdvertisingImageFile_TellsAdSlotsFromPhotos(string? src, bool advertising) =>
        Assert.Equal(advertising, FurnitureSignals.AdvertisingImageFile(src));

    [Theory]
    [InlineData("图像来源，Getty Images", true)]
    [InlineData("圖片來源：範例通訊社", true)]
    [InlineData("Image source, Reuters", true)]
    [InlineData("Photo credit: City Hall", true)]
    [InlineData("图像来源", false)]
    [InlineData("市府表示，圖片來源不明的照片將不再使用。", false)]
    public void ImageCreditPattern_MatchesALabelAndItsCredit(string line, bool credit) =>
        Assert.Equal(credit, FurnitureSignals.ImageCreditPattern().IsMatch(line));

    [Theory]
    [InlineData("編輯：王小明　網編：李小華", true)]
    [InlineData("（範例社）", true)]
    [InlineData("<上午>", true)]
    [InlineData("【晚間】", true)]
    [InlineData("訂閱範例晨報電子報，每天早上七點收到當日重點新聞！", false)]
    [InlineData("阅读更多", false)]
    [InlineData("（更多報導請見範例晨報網站，下載範例晨報App即時掌握新聞動態）", false)]
    public void IsTextThatRecurs_KeepsCreditsAttributionsAndHeadings(string line, bool text) =>
        Assert.Equal(text, TemplateLearner.IsTextThatRecurs(line));
}
