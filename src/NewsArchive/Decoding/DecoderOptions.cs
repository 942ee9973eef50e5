namespace NewsArchive.Decoding;

public sealed record DecoderOptions
{
    public static readonly DecoderOptions Default = new();

    /// <summary>Largest input accepted, before and after gzip decompression.</summary>
    public long MaxBytes { get; init; } = 32L * 1024 * 1024;
}
