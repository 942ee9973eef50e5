using System.CommandLine;
using System.Text;

namespace NewsArchive.Cli;

/// <summary>
/// Writes the manual page <c>newsarchive.1</c> (roff, man(7) macros) from the command tree that
/// <c>--help</c> prints, so the two never disagree. <c>docs/newsarchive.1</c> is this output; a test
/// holds them equal and the tool packages carry the file.
/// </summary>
internal static class ManPage
{
    public static string Render(RootCommand root)
    {
        var page = new StringBuilder();
        page.Append(".TH NEWSARCHIVE 1 \"\" ").Append(Quoted($"newsarchive {BuildInfo.Version}")).Append(" \"User Commands\"\n");
        page.Append(".SH NAME\nnewsarchive \\- ").Append(Escape(root.Description ?? string.Empty)).Append('\n');

        page.Append(".SH SYNOPSIS\n");
        foreach (var command in root.Subcommands)
        {
            page.Append(".B newsarchive ").Append(Escape(command.Name)).Append('\n');
            foreach (var argument in command.Arguments)
            {
                page.Append(".RI ").Append(Quoted(Usage(argument))).Append('\n');
            }

            page.Append(".RI [ options ]\n.br\n");
        }

        page.Append(".B newsarchive\n.RB [ \\-\\-help | \\-\\-version ]\n");

        page.Append(".SH DESCRIPTION\n");
        page.Append(Escape(root.Description ?? string.Empty)).Append('\n');
        Paragraphs(page, CliApp.Epilogue(root));
        page.Append(".SH OPTIONS\n");
        Options(page, root);

        foreach (var command in root.Subcommands)
        {
            page.Append(".SH ").Append(Escape(command.Name.ToUpperInvariant())).Append('\n');
            page.Append(Escape(command.Description ?? string.Empty)).Append('\n');
            foreach (var argument in command.Arguments)
            {
                page.Append(".TP\n.I ").Append(Escape(argument.HelpName ?? argument.Name)).Append('\n');
                page.Append(Escape(argument.Description ?? string.Empty)).Append('\n');
            }

            Options(page, command);
            Paragraphs(page, CliApp.Epilogue(command));
        }

        page.Append(".SH SEE ALSO\n.BR jq (1)\n");
        return page.ToString();
    }

    private static void Options(StringBuilder page, Command command)
    {
        foreach (var option in command.Options.Where(option => !option.Hidden))
        {
            page.Append(".TP\n").Append(OptionHeading(option)).Append('\n');
            page.Append(Escape(option.Description ?? string.Empty));
            if (option.HasDefaultValue && option.GetDefaultValue() is { } value and not false)
            {
                page.Append(" Default: ").Append(Escape(value.ToString() ?? string.Empty)).Append('.');
            }

            page.Append('\n');
        }
    }

    private static string Usage(Argument argument)
    {
        var name = argument.HelpName ?? argument.Name;
        return argument.Arity.MaximumNumberOfValues > 1 ? $"[{name}...]" : name;
    }

    /// <summary><c>\fB\-f\fR, \fB\-\-format\fR \fIjson|jsonl|csv\fR</c>.</summary>
    private static string OptionHeading(Option option)
    {
        var names = option.Aliases.Where(alias => alias.StartsWith('-')).OrderBy(alias => alias.Length).Append(option.Name).Distinct();
        var heading = string.Join(", ", names.Where(name => name.StartsWith('-')).OrderBy(name => name.Length).Select(name => $"\\fB{Escape(name)}\\fR"));
        var takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        return takesValue ? $"{heading} \\fI{Escape(option.HelpName ?? "VALUE")}\\fR" : heading;
    }

    /// <summary>A help epilogue: a line ending with ':' is a bold heading, indented lines are literal.</summary>
    private static void Paragraphs(StringBuilder page, string? text)
    {
        if (text is null)
        {
            return;
        }

        var literal = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var indented = line.StartsWith("  ", StringComparison.Ordinal);
            if (indented && !literal)
            {
                page.Append(".PP\n.nf\n.RS 4\n");
                literal = true;
            }
            else if (!indented && literal)
            {
                page.Append(".RE\n.fi\n.PP\n");
                literal = false;
            }

            if (indented)
            {
                page.Append(Escape(line.Trim())).Append('\n');
            }
            else if (line.EndsWith(':'))
            {
                page.Append(".PP\n.B ").Append(Escape(line)).Append('\n');
            }
            else
            {
                page.Append(Escape(line)).Append('\n');
            }
        }

        if (literal)
        {
            page.Append(".RE\n.fi\n");
        }
    }

    private static string Quoted(string text) => "\"" + Escape(text).Replace("\"", "\\(dq", StringComparison.Ordinal) + "\"";

    /// <summary>Text safe in roff: backslashes and hyphens escaped, no line starting a request.</summary>
    internal static string Escape(string text)
    {
        var escaped = text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
