using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsArchive.LibraryFloor;

/// <summary>
/// The floor under any extractor built on AngleSharp, YamlDotNet and System.Text.Json: for every file
/// of an archive it reads and decodes the bytes, parses the front matter's YAML events, parses the
/// body as an HTML document (as the command's parser is set up), gathers the body's text nodes and
/// writes one JSON line of path, title and text. No format detection, no rules, no record: what is
/// left of a run when everything that makes an article record is taken away.
///
///     library-floor ARCHIVE [--jobs N]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length is not (1 or 3) || (args.Length == 3 && (args[1] != "--jobs" || !int.TryParse(args[2], out _))))
        {
            Console.Error.WriteLine("usage: library-floor ARCHIVE [--jobs N]");
            return 2;
        }

        var jobs = args.Length == 3 ? Math.Max(1, int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)) : 1;
        using var stdout = Console.OpenStandardOutput();
        var gate = new object();

        var listing = Directory.EnumerateFiles(args[0], "*", SearchOption.AllDirectories);
        if (jobs == 1)
        {
            Work(listing, stdout, gate);
            return 0;
        }

        // The files are listed while the workers read them, in batches and in no particular order,
        // so no worker waits for the listing or for another.
        using var batches = new BlockingCollection<string[]>(boundedCapacity: 4 * jobs);
        var workers = Enumerable.Range(0, jobs)
            .Select(_ => new Thread(() => Work(batches.GetConsumingEnumerable().SelectMany(batch => batch), stdout, gate)))
            .ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var batch in listing.Chunk(64))
        {
            batches.Add(batch);
        }

        batches.CompleteAdding();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        return 0;
    }

    /// <summary>Reads every file it is given, writing their lines in 64 KB batches.</summary>
    private static void Work(IEnumerable<string> files, Stream stdout, object gate)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var text = new StringBuilder();
        foreach (var path in files)
        {
            var content = Encoding.UTF8.GetString(File.ReadAllBytes(path));
            var (title, body) = SplitFrontMatter(content);
            text.Clear();
            if (body.Contains('<', StringComparison.Ordinal))
            {
                foreach (var node in parser.ParseDocument(body).Body!.GetDescendants())
                {
                    if (node.NodeType == NodeType.Text)
                    {
                        text.Append(node.TextContent);
                    }
                }
            }
            else
            {
                text.Append(body);
            }

            json.Reset();
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteString("title", title);
            json.WriteString("text", text.ToString());
            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > 1 << 16)
            {
                Flush(buffer, stdout, gate);
            }
        }

        Flush(buffer, stdout, gate);
    }

    private static void Flush(ArrayBufferWriter<byte> buffer, Stream stdout, object gate)
    {
        lock (gate)
        {
            stdout.Write(buffer.WrittenSpan);
        }

        buffer.Clear();
    }

    /// <summary>The front matter's title (read from YamlDotNet's events) and the body after the closing fence.</summary>
    private static (string? Title, string Body) SplitFrontMatter(string content)
    {
        var end = content.StartsWith("---", StringComparison.Ordinal) ? content.IndexOf("\n---", 3, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            return (null, content);
        }

        string? title = null;
        try
        {
            var events = new Parser(new StringReader(content[3..end]));
            string? key = null;
            var isKey = true;
            while (events.MoveNext())
            {
                if (events.Current is Scalar scalar)
                {
                    title = !isKey && key == "title" ? scalar.Value : title;
                    key = isKey ? scalar.Value : key;
                    isKey = !isKey;
                }
            }
        }
        catch (YamlException)
        {
            // Front matter that is not YAML: the command reads it line by line; the floor goes on.
        }

        return (title, content[(end + 4)..]);
    }
}
