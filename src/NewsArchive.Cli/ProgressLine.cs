using System.Diagnostics;

namespace NewsArchive.Cli;

/// <summary>One updating progress line on a terminal's stderr: files done, files/s, time left when known.</summary>
internal sealed class ProgressLine(TextWriter stderr, bool enabled)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDraw;
    private bool drawn;
    private int total = -1;

    public bool Enabled => enabled;

    /// <summary>The number of files in the run, once a listing has counted them (-1 until then).</summary>
    public int Total
    {
        get => Volatile.Read(ref total);
        set => Volatile.Write(ref total, value);
    }

    public void Report(int files)
    {
        if (!enabled || clock.ElapsedMilliseconds - lastDraw < 200)
        {
            return;
        }

        lastDraw = clock.ElapsedMilliseconds;
        stderr.Write("\r" + Describe(files, Total, clock.Elapsed) + "\u001b[K");
        drawn = true;
    }

    /// <summary>No rate is shown before this much time: a rate over a fraction of a second says nothing.</summary>
    private static readonly TimeSpan MinTimeForRate = TimeSpan.FromSeconds(1);

    /// <summary>No time left is shown before this share of the files is done.</summary>
    private const double MinShareForEstimate = 0.02;

    internal static string Describe(int files, int total, TimeSpan elapsed)
    {
        if (elapsed < MinTimeForRate)
        {
            return total > 0 && files <= total ? $"newsarchive: {files}/{total} files" : $"newsarchive: {files} files";
        }

        var rate = files / elapsed.TotalSeconds;
        if (total <= 0 || files > total)
        {
            return $"newsarchive: {files} files, {rate:0} files/s";
        }

        if (files < total * MinShareForEstimate)
        {
            return $"newsarchive: {files}/{total} files, {rate:0} files/s";
        }

        var left = TimeSpan.FromSeconds(rate > 0 ? (total - files) / rate : 0);
        return $"newsarchive: {files}/{total} files, {rate:0} files/s, {left:m\\:ss} left";
    }

    public void Clear()
    {
        if (drawn)
        {
            stderr.Write("\r\u001b[K");
            drawn = false;
        }
    }
}
