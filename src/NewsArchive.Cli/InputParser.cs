using NewsArchive.Decoding;

namespace NewsArchive.Cli;

/// <summary>
/// Reads one input and parses it, for one worker thread (it owns an <see cref="ArchiveParser"/>). Never
/// throws: a read error, a parse failure or an internal error is a <see cref="ParseOutcome.Failed"/>.
/// </summary>
internal sealed class InputParser(long maxFileSize, bool verbose)
{
    private readonly ArchiveParser parser = new(new DecoderOptions { MaxBytes = maxFileSize });

    /// <param name="source">The input.</param>
    /// <param name="wanted">When given, an input whose header it refuses is <see cref="ParseOutcome.Skipped"/>, its body unread.</param>
    public ParseOutcome Parse(InputSource source, Func<ArticleHeader, bool>? wanted = null)
    {
        try
        {
            if (source.Item is { } item && source.Error is null)
            {
                // An item of a web archive, or standard input: read already (InputItems).
                return parser.Parse(item, wanted);
            }

            return InputReader.TryRead(source, maxFileSize, out var bytes, out var readError)
                ? parser.Parse(new InputFile(source.DisplayPath, bytes), wanted)
                : new ParseOutcome.Failed(source.DisplayPath, readError);
        }
        catch (Exception ex)
        {
            return new ParseOutcome.Failed(source.DisplayPath, InternalError(ex, verbose));
        }
    }

    public static string InternalError(Exception ex, bool verbose) =>
        "internal error: " + (verbose ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}");
}
