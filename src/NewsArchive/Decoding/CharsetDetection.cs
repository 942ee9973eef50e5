using System.Collections.Frozen;

namespace NewsArchive.Decoding;

/// <summary>
/// Which legacy East Asian charset undeclared bytes are in: uchardet's statistics (the UTF.Unknown
/// package), limited to the charsets archives of Taiwanese and Chinese-language news hold. Only asked
/// about bytes that declare nothing and are not UTF-8.
/// </summary>
internal static class CharsetDetection
{
    /// <summary>Below this confidence the detector's answer is a guess too far.</summary>
    public const float MinConfidence = 0.5f;

    /// <summary>At most this much of a file is looked at: the statistics settle long before.</summary>
    public const int MaxSampleBytes = 64 * 1024;

    /// <summary>The code pages detection may answer, by the names the detector gives them.</summary>
    private static readonly FrozenDictionary<string, int> Allowed = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["big5"] = 950,
        ["gb18030"] = 54936,
        ["gb2312"] = 54936,
        ["gbk"] = 54936,
        ["hz-gb-2312"] = 54936,
        ["euc-jp"] = 51932,
        ["shift-jis"] = 932,
        ["shift_jis"] = 932,
        ["euc-kr"] = 949,
        ["iso-2022-jp"] = 50220,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The code page of one of the charsets above, or null when the detector is not sure of one.</summary>
    public static int? Detect(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, MaxSampleBytes)].ToArray();
        var result = UtfUnknown.CharsetDetector.DetectFromBytes(sample);
        var best = result.Detected;
        if (best is null || best.Confidence < MinConfidence || best.EncodingName is not { } name)
        {
            return null;
        }

        return Allowed.TryGetValue(name, out var page) ? page : null;
    }
}
