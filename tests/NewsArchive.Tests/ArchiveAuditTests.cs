using NewsArchive.Audit;
using NewsArchive.Testing;

namespace NewsArchive.Tests;

public sealed class ArchiveAuditTests
{
    [Theory]
    [InlineData("unreadable date '2023-02-30'", "unreadable date '…'")]
    [InlineData("furniture rule \"hidden elements\" removed 85% of the body text", "furniture rule \"hidden elements\" removed N% of the body text")]
    [InlineData("invalid UTF-8: 12 byte sequence(s) replaced with U+FFFD", "invalid UTF-N: N byte sequence(s) replaced with U+FFFD")]
    [InlineData("no dateline found", "no dateline found")]
    public void KindOf_FoldsNumbersAndQuotedValues(string message, string kind)
    {
        Assert.Equal(kind, ArchiveAudit.KindOf(message));
    }

    [Fact]
    public void Report_RepeatsAcrossRecords_CountEachRecordOnceMostFrequentFirst()
    {
        var audit = new ArchiveAudit();
        for (var i = 0; i < 10; i++)
        {
            string[] paragraphs = i % 2 == 0 ? [$"第{i}段。", "樣板句子出現在一半的文章裡。", "樣板句子出現在一半的文章裡。"]
                : i < 6 ? [$"第{i}段。", "另一句只在三篇出現。"] : [$"第{i}段。"];
            audit.Add(Parsed("cna", paragraphs, []));
        }

        var source = Assert.Single(audit.Report().Sources);
        Assert.Equal("cna", source.Source);
        Assert.Equal(10, source.Records);
        Assert.Equal(new CountedText("樣板句子出現在一半的文章裡。", 5), source.Paragraphs[0]);
        Assert.Equal(new CountedText("另一句只在三篇出現。", 3), source.Paragraphs[1]);
        Assert.Equal(2, source.Paragraphs.Length);
    }

    [Fact]
    public void Report_BudgetExceeded_DropsOnceSeenTextsAndKeepsRepeatsExact()
    {
        // A budget of 50 keys over 1,000 records with one unique paragraph each: the unique ones are
        // dropped again and again, the template line seen in every fourth record is kept and counted.
        var audit = new ArchiveAudit(budget: 50);
        for (var i = 0; i < 1000; i++)
        {
            audit.Add(Parsed("udn", i % 4 == 0 ? [$"獨有的第{i}段。", "每四篇出現一次的推廣文字。"] : [$"獨有的第{i}段。"], []));
        }

        var source = Assert.Single(audit.Report().Sources);
        Assert.Equal(new CountedText("每四篇出現一次的推廣文字。", 250), Assert.Single(source.Paragraphs));
    }

    [Fact]
    public void Report_ErrorsAndLosses_AreCountedByKind()
    {
        var audit = new ArchiveAudit();
        audit.Add(new ParseOutcome.Failed("a.txt", "empty file"));
        audit.Add(new ParseOutcome.Failed("b.txt", "empty file"));
        audit.AddError("no such file or directory");
        audit.Add(Parsed("dw", ["一段。"], ["furniture rule \"hidden elements\" removed 90% of the body text"]));
        var report = audit.Report();
        Assert.Equal(4, report.Files);
        Assert.Equal(3, report.Errors);
        Assert.Equal([new CountedText("empty file", 2), new CountedText("no such file or directory", 1)], report.ErrorKinds.ToArray());
        var loss = Assert.Single(Assert.Single(report.Sources).Losses);
        Assert.Equal("dw-0.txt", loss.Path);
    }

    private static ParseOutcome.Parsed Parsed(string source, string[] paragraphs, string[] warnings) =>
        new(TestRecords.Bare(source) with
        {
            Path = $"{source}-0.txt",
            Paragraphs = [.. paragraphs],
            Text = string.Join('\n', paragraphs),
            Warnings = [.. warnings],
        });
}
