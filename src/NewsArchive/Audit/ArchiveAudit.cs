using System.Collections.Immutable;
using System.Text;
using NewsArchive.Assembly;
using NewsArchive.Extraction;

namespace NewsArchive.Audit;

/// <summary>
/// Reads the outcomes of an archive's inputs, one by one in input order, and reports per source:
/// records, warnings by kind, the paragraphs and images that repeat across records (text a template
/// adds repeats: the first place to look for boilerplate no rule knows yet), the records that lost
/// text, and the rules that fired. Errors are counted by kind. Memory stays bounded whatever the
/// archive's size: texts seen once are dropped when the budget is reached (see <see cref="RepeatCounter"/>).
/// </summary>
internal sealed class ArchiveAudit : IDisposable
{
    /// <summary>How many distinct texts the audit keeps in all before it drops those seen once.</summary>
    public const int DefaultBudget = 1_000_000;

    private readonly RepeatBudget budget;
    private readonly Extraction.TemplateLearner learner = new();
    private readonly Extraction.TemplateTally tally = new();
    private readonly SortedDictionary<string, SourceState> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> errorKinds = new(StringComparer.Ordinal);
    private int files;
    private int archived;
    private int revisits;
    private int records;
    private int errors;

    public ArchiveAudit(int budget = DefaultBudget) => this.budget = new RepeatBudget(budget);

    /// <param name="outcome">What became of the input.</param>
    /// <param name="archived">The input is a page of a web archive, not a file of its own.</param>
    public void Add(ParseOutcome outcome, bool archived = false)
    {
        if (archived)
        {
            this.archived++;
        }
        else
        {
            files++;
        }

        switch (outcome)
        {
            case ParseOutcome.Failed failed:
                errors++;
                Increment(errorKinds, KindOf(failed.Reason));
                break;
            case ParseOutcome.Parsed parsed:
                records++;
                var record = parsed.Record;
                if (!sources.TryGetValue(record.Source, out var state))
                {
                    state = new SourceState(budget);
                    sources[record.Source] = state;
                }

                state.Add(record, parsed.RuleHits);
                var sample = Extraction.TemplateLearner.Sample(record);
                learner.Add(sample);
                tally.Add(sample);
                break;
        }
    }

    /// <summary>A web archive opened: a file, whose pages are added one by one.</summary>
    public void AddEnvelope() => files++;

    /// <summary>A web archive's revisit record: counted, no record.</summary>
    public void AddRevisit() => revisits++;

    /// <summary>An input that could not be read at all (no outcome): counted as an error of its kind.</summary>
    public void AddError(string reason)
    {
        files++;
        errors++;
        Increment(errorKinds, KindOf(reason));
    }

    /// <summary>The report, with at most <paramref name="top"/> entries in each list of a source.</summary>
    public AuditReport Report(int top = 50)
    {
        var template = Template;
        var removed = tally.Count(template);
        return new(files, records, errors, Top(errorKinds, int.MaxValue), [.. sources.Select(s => s.Value.Report(s.Key, top, template.Sources.First(t => t.Source == s.Key), removed.GetValueOrDefault(s.Key)))])
        {
            Archived = archived,
            Revisits = revisits,
        };
    }

    /// <summary>Deletes the spooled keys the template's counts are made from.</summary>
    public void Dispose() => tally.Dispose();

    /// <summary>The template the archive's records teach (<c>--template-out</c>; <see cref="Extraction.TemplateLearner"/>).</summary>
    public Extraction.ArchiveTemplate Template => learner.Build();

    /// <summary>
    /// A warning or error reduced to its kind: numbers become N and values in single quotes an
    /// ellipsis, so <c>unreadable date '2023-02-30'</c> and <c>unreadable date '2023-13-01'</c> are one kind.
    /// Rule names in double quotes stay: they say which rule.
    /// </summary>
    public static string KindOf(string message)
    {
        var builder = new StringBuilder(message.Length);
        var inQuote = false;
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (c == '\'' && (inQuote || i == 0 || !char.IsLetter(message[i - 1])))
            {
                if (!inQuote)
                {
                    builder.Append("'…");
                }

                inQuote = !inQuote;
                if (!inQuote)
                {
                    builder.Append('\'');
                }

                continue;
            }

            if (inQuote)
            {
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                if (builder.Length == 0 || builder[^1] != 'N')
                {
                    builder.Append('N');
                }

                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whether a warning says text was lost: a rule removed much of the body, or no text was found.</summary>
    public static bool IsLossWarning(string warning) =>
        warning.StartsWith(LossAccounting.WarningPrefix, StringComparison.Ordinal) || warning == ArticleRecordBuilder.NoTextWarning;

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;

    private static ImmutableArray<CountedText> Top(Dictionary<string, int> counts, int top) =>
        [.. counts.Select(c => new CountedText(c.Key, c.Value)).OrderByDescending(c => c.Count).ThenBy(c => c.Text, StringComparer.Ordinal).Take(top)];

    private sealed class SourceState(RepeatBudget budget)
    {
        private readonly RepeatCounter paragraphs = budget.NewCounter();
        private readonly RepeatCounter images = budget.NewCounter();
        private readonly Dictionary<string, int> warningKinds = new(StringComparer.Ordinal);
        private readonly List<LossRecord> losses = [];
        private readonly Dictionary<IRule, (int Records, int Hits, int Paragraphs, int Chars)> rules = new(ReferenceEqualityComparer.Instance);
        private int records;

        public void Add(Records.ArticleRecord record, ImmutableArray<RuleHit> hits)
        {
            records++;
            paragraphs.AddRecord(record.Paragraphs);
            images.AddRecord(record.Images.Select(i => i.Url ?? i.Caption ?? string.Empty).Where(t => t.Length > 0));
            foreach (var warning in record.Warnings)
            {
                Increment(warningKinds, KindOf(warning));
                if (IsLossWarning(warning))
                {
                    losses.Add(new LossRecord(record.Path, warning));
                }
            }

            foreach (var hit in hits.IsDefault ? [] : hits)
            {
                var use = rules.TryGetValue(hit.Rule, out var found) ? found : default;
                rules[hit.Rule] = (use.Records + 1, use.Hits + hit.Count, use.Paragraphs + hit.RemovedParagraphs, use.Chars + hit.RemovedChars);
            }
        }

        public SourceAudit Report(string source, int top, Extraction.SourceTemplate template, Extraction.TemplateTotals removed) => new(
            source,
            records,
            Top(warningKinds, top),
            [.. paragraphs.Repeated().Take(top)],
            [.. images.Repeated().Take(top)],
            [.. losses],
            [.. rules
                .Select(r => new RuleUse(r.Key.Kind, r.Key.Reason, r.Value.Records, r.Value.Hits, r.Value.Paragraphs, r.Value.Chars))
                .OrderByDescending(r => r.Records).ThenBy(r => r.Reason, StringComparer.Ordinal)],
            template,
            removed);
    }
}
