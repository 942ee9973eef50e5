using NewsArchive.Output;

namespace NewsArchive.Cli;

/// <summary>Everything <c>newsarchive extract</c> was asked to do, as parsed from the command line.</summary>
public sealed record RunOptions
{
    public required InputSelection Input { get; init; }

    public RecordFormat Format { get; init; } = RecordFormat.Json;

    /// <summary>Which parsed records are written (<c>--source</c>, <c>--since</c>, <c>--until</c>).</summary>
    public RecordFilter Filter { get; init; } = RecordFilter.None;

    /// <summary>One record per id (<c>--dedupe</c>): the inputs are read twice.</summary>
    public bool Dedupe { get; init; }

    /// <summary>One JSON file per record under this directory (<c>--output-dir</c>), instead of one output.</summary>
    public string? OutputDir { get; init; }

    /// <summary>With <see cref="OutputDir"/>: files named by the inputs' paths, not by ids (<c>--keep-dirs</c>).</summary>
    public bool KeepDirs { get; init; }

    /// <summary>With <see cref="Dedupe"/>: records with the same title and text are copies too, whatever their ids (<c>--dedupe=text</c>).</summary>
    public bool DedupeByText { get; init; }

    /// <summary>Learn the archive's template and take it out of the records (the default; <c>--no-template</c> turns it off).</summary>
    public bool LearnTemplate { get; init; } = true;

    /// <summary>A template file to use instead of learning one (<c>--template FILE</c>).</summary>
    public string? TemplateFile { get; init; }

    public string? Output { get; init; }

    public string? ErrorsFile { get; init; }

    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    public bool Strict { get; init; }

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    public const long DefaultMaxFileSize = 32L * 1024 * 1024;
}
