using System.Text.Json.Nodes;

namespace NewsArchive.Tests;

/// <summary>
/// Runs every folder under <c>Cases/</c>. A record case compares the whole record, field by field, with
/// <c>expected.json</c>; on a difference it writes <c>actual.json</c> beside it and names the first field
/// that differs. Set <c>NEWSARCHIVE_ACCEPT=1</c> to rewrite <c>expected.json</c>, then review the diff.
/// </summary>
public sealed class GoldenCaseTests
{
    private static bool Accept => Environment.GetEnvironmentVariable("NEWSARCHIVE_ACCEPT") == "1";

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void Case_MatchesExpectation(string name)
    {
        var golden = GoldenCase.Get(name);
        AssertMatches(golden, golden.Parse());
    }

    /// <summary>
    /// The outcome is the case's expectation: its error, or its record field by field (on a difference,
    /// <c>actual.json</c> is written beside <c>expected.json</c>; <c>NEWSARCHIVE_ACCEPT=1</c> accepts it).
    /// </summary>
    internal static void AssertMatches(GoldenCase golden, ParseOutcome outcome)
    {
        var name = golden.Name;
        if (golden.ExpectsError)
        {
            var expected = GoldenCase.ReadText(golden.ExpectedErrorPath).Trim();
            var failed = Assert.IsType<ParseOutcome.Failed>(outcome);
            Assert.Equal(expected, failed.Reason);
            return;
        }

        var parsed = Assert.IsType<ParseOutcome.Parsed>(outcome);
        var actual = GoldenCase.Canonical(parsed.Record);
        var actualPath = Path.Combine(golden.Directory, "actual.json");
        if (Accept)
        {
            File.WriteAllText(golden.ExpectedJsonPath, actual);
        }

        Assert.True(File.Exists(golden.ExpectedJsonPath), $"{name}: no expected.json (run with NEWSARCHIVE_ACCEPT=1 and review it)");
        var expectedNode = JsonNode.Parse(GoldenCase.ReadText(golden.ExpectedJsonPath))!;
        var expectedText = GoldenCase.Canonical(expectedNode);
        if (expectedText == actual)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual);
        var actualNode = JsonNode.Parse(actual)!.AsObject();
        var field = expectedNode.AsObject()
            .Select(p => p.Key)
            .Concat(actualNode.Select(p => p.Key))
            .FirstOrDefault(key => !JsonNode.DeepEquals(expectedNode[key], actualNode[key])) ?? "(key order)";
        Assert.Fail($"{name}: field '{field}' differs.\n expected: {expectedNode[field]?.ToJsonString()}\n   actual: {actualNode[field]?.ToJsonString()}\nSee {actualPath}");
    }
}
