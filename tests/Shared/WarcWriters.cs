using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsArchive.Testing;

/// <summary>
/// WARC files written by real writers, for tests to read: GNU wget crawling pages served on the
/// loopback interface, and webrecorder's warcio (node, tests/tools/warcio) writing the records a
/// test describes. Where a writer is missing, <see cref="RequireWget"/> and <see cref="RequireWarcio"/>
/// skip the test and say why.
/// </summary>
internal static class WarcWriters
{
    /// <summary>How long wget, node or npm may run before it is killed and the test fails.</summary>
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long installing warcio's packages may take.</summary>
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<string> Root = new(FindRoot);

    private static readonly Lazy<(bool Available, string Message)> WgetProbe = new(ProbeWget);

    private static readonly Lazy<(bool Available, string Message)> WarcioProbe = new(ProbeWarcio);

    private static readonly JsonSerializerOptions SpecJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>The directory that holds NewsArchive.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The node package that writes WARC files with warcio (package.json, write-warc.mjs).</summary>
    public static string WarcioToolDirectory => Path.Combine(RepositoryRoot, "tests", "tools", "warcio");

    /// <summary>Whether GNU wget (with WARC output) can be run here.</summary>
    public static bool WgetAvailable => WgetProbe.Value.Available;

    /// <summary>Why wget cannot be run here; empty where it can.</summary>
    public static string WgetUnavailableMessage => WgetProbe.Value.Message;

    /// <summary>Whether node and the installed warcio package can be run here.</summary>
    public static bool WarcioAvailable => WarcioProbe.Value.Available;

    /// <summary>Why warcio cannot be run here; empty where it can.</summary>
    public static string WarcioUnavailableMessage => WarcioProbe.Value.Message;

    /// <summary>Skips the calling <c>[SkippableFact]</c>, saying why, where wget cannot be run.</summary>
    public static void RequireWget() => Skip.If(!WgetAvailable, WgetUnavailableMessage);

    /// <summary>Skips the calling <c>[SkippableFact]</c>, saying why, where warcio cannot be run.</summary>
    public static void RequireWarcio() => Skip.If(!WarcioAvailable, WarcioUnavailableMessage);

    /// <summary>
    /// Serves <paramref name="pages"/> on 127.0.0.1 and has wget fetch each once, in order, into a WARC
    /// file; returns its path, <paramref name="outputBase"/> with <c>.warc.gz</c> (one gzip member per
    /// record) or, when <paramref name="compress"/> is false, <c>.warc</c>.
    /// </summary>
    public static string WgetWarc(IReadOnlyList<(string UrlPath, byte[] Body, string ContentType)> pages, string outputBase, bool compress = true) =>
        WgetWarc(pages, outputBase, out _, compress);

    /// <summary>
    /// As <see cref="WgetWarc(IReadOnlyList{ValueTuple{string, byte[], string}}, string, bool)"/>;
    /// <paramref name="targetUris"/> holds, page by page, the WARC-Target-URI of its response record as
    /// wget wrote it, less the angle brackets around it: <c>http://127.0.0.1:PORT</c> and the page's path,
    /// which wget percent-encodes where a URL needs it (non-ASCII bytes as UTF-8, spaces).
    /// </summary>
    public static string WgetWarc(
        IReadOnlyList<(string UrlPath, byte[] Body, string ContentType)> pages,
        string outputBase,
        out IReadOnlyList<string> targetUris,
        bool compress = true)
    {
        if (!WgetAvailable)
        {
            throw new InvalidOperationException(WgetUnavailableMessage);
        }

        if (pages.Count == 0)
        {
            throw new ArgumentException("wget needs at least one page to fetch", nameof(pages));
        }

        outputBase = Path.GetFullPath(StripWarcExtension(outputBase));
        Directory.CreateDirectory(Path.GetDirectoryName(outputBase)!);
        var output = outputBase + (compress ? ".warc.gz" : ".warc");
        File.Delete(output);

        using var server = new PageServer(pages);

        // Pages given by their whole URL are fetched through the server as wget's HTTP proxy, so the
        // WARC names them by their own hosts; pages given by a path are fetched from the server itself.
        var proxied = pages.Any(p => IsAbsolute(p.UrlPath));
        string UrlOf(string urlPath) => IsAbsolute(urlPath) ? urlPath : server.Origin + urlPath;
        var urls = pages.Select(p => UrlOf(p.UrlPath)).ToArray();
        var work = Directory.CreateTempSubdirectory("newsarchive-wget-");
        try
        {
            var list = Path.Combine(work.FullName, "urls.txt");
            File.WriteAllText(list, string.Join('\n', urls) + "\n", new UTF8Encoding(false));
            List<string> arguments =
            [
                "--no-config", "-q", "--no-hsts", "--tries=1", "--timeout=20",
                "--warc-file=" + outputBase, "--warc-tempdir=" + work.FullName,
            ];
            arguments.AddRange(proxied ? ["-e", "use_proxy=on", "-e", "http_proxy=" + server.Origin, "-e", "no_proxy="] : ["--no-proxy"]);
            if (!compress)
            {
                arguments.Add("--no-warc-compression");
            }

            arguments.AddRange(["-i", list, "-O", "/dev/null"]);
            var result = Run("wget", arguments, work.FullName, ToolTimeout);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"wget exited with {result.ExitCode}: {result.Output}\nserved: {string.Join(", ", server.Served)}");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        if (!File.Exists(output))
        {
            throw new InvalidOperationException($"wget exited with 0 but wrote no {output}");
        }

        // wget percent-encodes what a URL needs and writes the URI in angle brackets: the URIs are read back
        // from its response records, one per page in the order fetched, without the brackets.
        var written = ResponseTargetUris(output, compress);
        if (written.Count != pages.Count
            || written.Zip(pages).Any(w => !string.Equals(Uri.UnescapeDataString(w.First), Uri.UnescapeDataString(UrlOf(w.Second.UrlPath)), StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"wget wrote responses for {string.Join(", ", written)}, not for {string.Join(", ", urls)}");
        }

        targetUris = written;
        return output;
    }

    /// <summary>Whether a page is given by its whole URL (fetched through the server as a proxy) rather than a path on it.</summary>
    private static bool IsAbsolute(string urlPath) => urlPath.StartsWith("http://", StringComparison.Ordinal);

    /// <summary>The WARC-Target-URI of each response record, in order, without the angle brackets wget writes.</summary>
    private static List<string> ResponseTargetUris(string path, bool compressed)
    {
        byte[] warc;
        using (var file = File.OpenRead(path))
        using (var input = compressed ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file)
        using (var memory = new MemoryStream())
        {
            input.CopyTo(memory);
            warc = memory.ToArray();
        }

        var uris = new List<string>();
        var offset = 0;
        while (offset < warc.Length)
        {
            var end = warc.AsSpan(offset).IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                break;
            }

            var headers = Encoding.UTF8.GetString(warc, offset, end).Split("\r\n");
            string? Header(string name) => headers.FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
            if (Header("WARC-Type") == "response" && Header("WARC-Target-URI") is { } uri)
            {
                uris.Add(uri.StartsWith('<') && uri.EndsWith('>') ? uri[1..^1] : uri);
            }

            var length = long.Parse(Header("Content-Length") ?? "0", CultureInfo.InvariantCulture);
            offset += end + 4 + (int)length;
            while (offset < warc.Length && warc[offset] is (byte)'\r' or (byte)'\n')
            {
                offset++;
            }
        }

        return uris;
    }

    /// <summary>
    /// Has warcio write <paramref name="records"/>, in order, to <paramref name="outputPath"/>: each
    /// record its own gzip member when <paramref name="gzip"/>, else plain; <paramref name="warcVersion"/>
    /// is <c>WARC/1.0</c> or <c>WARC/1.1</c>. Returns the path.
    /// </summary>
    public static string WarcioWarc(IReadOnlyList<WarcioRecord> records, string outputPath, bool gzip = true, string warcVersion = "WARC/1.0")
    {
        if (!WarcioAvailable)
        {
            throw new InvalidOperationException(WarcioUnavailableMessage);
        }

        outputPath = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        var spec = new WarcioSpec(gzip, warcVersion, [.. records.Select(WarcioSpecRecord.From)]);
        var work = Directory.CreateTempSubdirectory("newsarchive-warcio-");
        try
        {
            var specPath = Path.Combine(work.FullName, "spec.json");
            File.WriteAllText(specPath, JsonSerializer.Serialize(spec, SpecJson), new UTF8Encoding(false));
            var script = Path.Combine(WarcioToolDirectory, "write-warc.mjs");
            var result = Run("node", [script, specPath, outputPath], WarcioToolDirectory, ToolTimeout);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"write-warc.mjs exited with {result.ExitCode}: {result.Output}");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        if (!File.Exists(outputPath))
        {
            throw new InvalidOperationException($"write-warc.mjs exited with 0 but wrote no {outputPath}");
        }

        return outputPath;
    }

    /// <summary>A path without a trailing .warc or .warc.gz: wget adds its own.</summary>
    private static string StripWarcExtension(string path)
    {
        foreach (var extension in new[] { ".warc.gz", ".warc" })
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return path[..^extension.Length];
            }
        }

        return path;
    }

    private static (bool Available, string Message) ProbeWget()
    {
        const string Install = "GNU wget is not installed (apt-get install wget); .ci/run installs it";
        if (FindExecutable("wget") is null)
        {
            return (false, Install);
        }

        try
        {
            var version = Run("wget", ["--version"], Path.GetTempPath(), ToolTimeout);
            if (version.ExitCode != 0 || !version.Output.Contains("GNU Wget", StringComparison.Ordinal))
            {
                return (false, "the wget on PATH is not GNU wget (no --warc-file); " + Install);
            }

            var help = Run("wget", ["--help"], Path.GetTempPath(), ToolTimeout);
            if (!help.Output.Contains("--warc-file", StringComparison.Ordinal))
            {
                return (false, "this GNU wget has no --warc-file option; " + Install);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return (false, $"wget --version failed ({ex.Message}); " + Install);
        }

        return (true, string.Empty);
    }

    private static (bool Available, string Message) ProbeWarcio()
    {
        var directory = WarcioToolDirectory;
        var ci = $"npm ci --prefix {Path.GetRelativePath(RepositoryRoot, directory)}";
        if (FindExecutable("node") is null)
        {
            return (false, $"node is not installed (apt-get install nodejs npm), so warcio cannot write WARC files; then {ci} (.ci/run runs it where npm is installed)");
        }

        if (!WarcioInstalled(directory))
        {
            if (FindExecutable("npm") is null)
            {
                return (false, $"warcio is not installed in {directory} and npm is not installed to install it (apt-get install npm; then {ci}, as .ci/run does)");
            }

            var installed = InstallWarcio(directory);
            if (!installed.Available)
            {
                return installed;
            }
        }

        try
        {
            var version = Run("node", ["--version"], directory, ToolTimeout);
            if (version.ExitCode != 0)
            {
                return (false, $"node --version exited with {version.ExitCode}: {version.Output}");
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return (false, $"node --version failed ({ex.Message})");
        }

        return (true, string.Empty);
    }

    private static bool WarcioInstalled(string directory) =>
        File.Exists(Path.Combine(directory, "node_modules", "warcio", "package.json"));

    /// <summary>
    /// Runs <c>npm ci</c> once for both test projects: a lock file in the temporary folder keeps a
    /// second test run from installing at the same time, and it installs only if warcio is still missing.
    /// </summary>
    private static (bool Available, string Message) InstallWarcio(string directory)
    {
        var lockPath = Path.Combine(Path.GetTempPath(), "newsarchive-warcio-npm-ci.lock");
        var clock = Stopwatch.StartNew();
        FileStream? held = null;
        while (held is null)
        {
            try
            {
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < InstallTimeout)
            {
                Thread.Sleep(200);
            }
            catch (IOException ex)
            {
                return (false, $"another test run held {lockPath} for {InstallTimeout.TotalMinutes} minutes ({ex.Message})");
            }
        }

        using (held)
        {
            if (WarcioInstalled(directory))
            {
                return (true, string.Empty);
            }

            try
            {
                var result = Run("npm", ["ci", "--prefix", directory, "--no-audit", "--no-fund"], directory, InstallTimeout);
                if (result.ExitCode != 0 || !WarcioInstalled(directory))
                {
                    return (false, $"npm ci --prefix {directory} exited with {result.ExitCode} and warcio is not installed: {result.Output}");
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
            {
                return (false, $"npm ci --prefix {directory} failed ({ex.Message})");
            }
        }

        return (true, string.Empty);
    }

    private static string? FindExecutable(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a program to its end, killing it (and what it started) after <paramref name="timeout"/>.</summary>
    private static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The servers are on the loopback interface: no proxy is asked.
        foreach (var variable in new[] { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran longer than {timeout.TotalSeconds} s and was killed");
        }

        process.WaitForExit();
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsArchive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NewsArchive.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A small HTTP/1.1 server on 127.0.0.1 (a free port): each page at its path with its Content-Type
    /// and Content-Length, 404 for any other path; one request per connection (Connection: close).
    /// </summary>
    private sealed class PageServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly Dictionary<string, (byte[] Body, string ContentType)> pages = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;
        private readonly List<string> served = [];

        public PageServer(IReadOnlyList<(string UrlPath, byte[] Body, string ContentType)> pages)
        {
            foreach (var (path, body, contentType) in pages)
            {
                if (!path.StartsWith('/') && !IsAbsolute(path))
                {
                    throw new ArgumentException($"a page's path starts with / or is a whole http:// URL: {path}", nameof(pages));
                }

                if (!this.pages.TryAdd(Key(path), (body, contentType)))
                {
                    throw new ArgumentException($"two pages at {path}", nameof(pages));
                }
            }

            listener.Start();
            Origin = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
            loop = Task.Run(AcceptAsync);
        }

        /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
        public string Origin { get; }

        /// <summary>Each request as served: its target and status.</summary>
        public IReadOnlyList<string> Served
        {
            get
            {
                lock (served)
                {
                    return [.. served];
                }
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            try
            {
                loop.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // The loop ends with the listener; how it ended does not matter here.
            }

            stop.Dispose();
        }

        /// <summary>A path as compared: percent-escapes decoded, so wget's encoding of a path matches the path given.</summary>
        private static string Key(string target) => Uri.UnescapeDataString(target);

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                    timeout.CancelAfter(TimeSpan.FromSeconds(30));
                    var stream = client.GetStream();
                    var head = await ReadHeadAsync(stream, timeout.Token);
                    var requestLine = head.Split("\r\n", 2)[0].Split(' ');
                    var target = requestLine.Length >= 2 ? requestLine[1] : string.Empty;
                    byte[] body;
                    string status;
                    string contentType;
                    if (requestLine[0] is "GET" or "HEAD" && pages.TryGetValue(Key(target), out var page))
                    {
                        (body, contentType, status) = (page.Body, page.ContentType, "200 OK");
                    }
                    else
                    {
                        (body, contentType, status) = (Encoding.UTF8.GetBytes("not found\n"), "text/plain; charset=utf-8", "404 Not Found");
                    }

                    lock (served)
                    {
                        served.Add($"{target} {status}");
                    }

                    var headers = string.Create(
                        CultureInfo.InvariantCulture,
                        $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), timeout.Token);
                    if (requestLine[0] != "HEAD")
                    {
                        await stream.WriteAsync(body, timeout.Token);
                    }

                    await stream.FlushAsync(timeout.Token);
                    client.Client.Shutdown(SocketShutdown.Send);
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client went away or the server is stopping: wget's exit code tells the test.
                }
            }
        }

        /// <summary>The request line and headers, up to the blank line (at most 64 KB).</summary>
        private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancel)
        {
            var buffer = new byte[65536];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancel);
                if (read == 0)
                {
                    break;
                }

                length += read;
                var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    return Encoding.Latin1.GetString(buffer, 0, end);
                }
            }

            return Encoding.Latin1.GetString(buffer, 0, length);
        }
    }

    private sealed record WarcioSpec(bool Gzip, string WarcVersion, IReadOnlyList<WarcioSpecRecord> Records);

    /// <summary>One record as write-warc.mjs reads it (the payload as base64).</summary>
    private sealed record WarcioSpecRecord(
        string Type,
        string? TargetUri,
        string? Date,
        string? ContentType,
        int? Status,
        string? Reason,
        string? Method,
        IReadOnlyDictionary<string, string>? HttpHeaders,
        IReadOnlyDictionary<string, string>? WarcHeaders,
        string? RefersToUri,
        string? RefersToDate,
        string? Filename,
        byte[]? Payload)
    {
        public static WarcioSpecRecord From(WarcioRecord record) => new(
            record.Type,
            record.TargetUri,
            WarcDate(record.Date),
            record.ContentType,
            record.Status,
            record.Reason,
            record.Method,
            record.HttpHeaders,
            record.WarcHeaders,
            record.RefersToUri,
            WarcDate(record.RefersToDate),
            record.Filename,
            record.Payload is { Length: > 0 } payload ? payload : null);

        /// <summary>UTC, to the second (fractions where there are any: WARC/1.0 output drops them).</summary>
        private static string? WarcDate(DateTimeOffset? date) => date?.UtcDateTime switch
        {
            null => null,
            { } utc when utc.Ticks % TimeSpan.TicksPerSecond == 0 => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            { } utc => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// One record for <see cref="WarcWriters.WarcioWarc"/> to write. <see cref="ContentType"/> is the HTTP
/// Content-Type for response and revisit records, and the record's own Content-Type for resource,
/// metadata and warcinfo records (warcio writes application/octet-stream for a resource without one).
/// </summary>
internal sealed record WarcioRecord(string Type, string? TargetUri, byte[] Payload)
{
    /// <summary>WARC-Date; warcio writes the time it runs where there is none.</summary>
    public DateTimeOffset? Date { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The HTTP status of a response (200 where none is given) or of a revisit (no HTTP headers where none is given).</summary>
    public int? Status { get; init; }

    /// <summary>The reason phrase after the status; warcio's script knows the common ones.</summary>
    public string? Reason { get; init; }

    /// <summary>A request record's method (GET where none is given).</summary>
    public string? Method { get; init; }

    /// <summary>HTTP headers after Content-Type (response, revisit) or Host (request).</summary>
    public IReadOnlyDictionary<string, string>? HttpHeaders { get; init; }

    /// <summary>WARC headers to add (WARC-Payload-Digest for a revisit, WARC-Concurrent-To, …); those warcio computes win.</summary>
    public IReadOnlyDictionary<string, string>? WarcHeaders { get; init; }

    public string? RefersToUri { get; init; }

    public DateTimeOffset? RefersToDate { get; init; }

    /// <summary>A warcinfo record's WARC-Filename.</summary>
    public string? Filename { get; init; }

    public static WarcioRecord Response(string targetUri, DateTimeOffset date, string contentType, byte[] body, int status = 200) =>
        new("response", targetUri, body) { Date = date, ContentType = contentType, Status = status };

    public static WarcioRecord Resource(string targetUri, DateTimeOffset date, string contentType, byte[] body) =>
        new("resource", targetUri, body) { Date = date, ContentType = contentType };

    /// <summary>An identical-payload-digest revisit of the capture of <paramref name="refersToUri"/> at <paramref name="refersToDate"/>.</summary>
    public static WarcioRecord Revisit(string targetUri, DateTimeOffset date, string refersToUri, DateTimeOffset refersToDate, int? status = 200, string? contentType = null) =>
        new("revisit", targetUri, []) { Date = date, RefersToUri = refersToUri, RefersToDate = refersToDate, Status = status, ContentType = contentType };

    public static WarcioRecord Metadata(string targetUri, DateTimeOffset date, string contentType, byte[] body) =>
        new("metadata", targetUri, body) { Date = date, ContentType = contentType };

    public static WarcioRecord Request(string targetUri, DateTimeOffset date, string method = "GET") =>
        new("request", targetUri, []) { Date = date, Method = method };

    /// <summary>A warcinfo record of <c>name: value</c> lines.</summary>
    public static WarcioRecord Warcinfo(string filename, IEnumerable<KeyValuePair<string, string>> fields, DateTimeOffset? date = null) =>
        new("warcinfo", null, Encoding.UTF8.GetBytes(string.Concat(fields.Select(f => $"{f.Key}: {f.Value}\r\n"))))
        {
            Date = date,
            ContentType = "application/warc-fields",
            Filename = filename,
        };
}
