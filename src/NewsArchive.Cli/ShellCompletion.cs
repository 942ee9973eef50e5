namespace NewsArchive.Cli;

/// <summary>
/// Shell completion scripts. Each asks the command itself what may come next through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive (the line typed so far and the cursor's
/// place in it), so completions follow the options as they are defined; where the command suggests
/// nothing, the shell completes file names.
/// </summary>
internal static class ShellCompletion
{
    public static readonly string[] Shells = ["bash", "zsh"];

    public static string Script(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "no completion script for this shell"),
    };

    private const string Bash = """
        # newsarchive completion for bash: source <(newsarchive completion bash)
        _newsarchive_complete() {
          local IFS=$'\n'
          local word="${COMP_WORDS[COMP_CWORD]}"
          COMPREPLY=($(compgen -W "$(newsarchive "[suggest:$COMP_POINT]" "$COMP_LINE" 2>/dev/null)" -- "$word"))
        }
        complete -o default -o bashdefault -F _newsarchive_complete newsarchive

        """;

    private const string Zsh = """
        # newsarchive completion for zsh: source <(newsarchive completion zsh)
        _newsarchive_complete() {
          local -a suggestions
          suggestions=("${(@f)$(newsarchive "[suggest:$CURSOR]" "$BUFFER" 2>/dev/null)}")
          compadd -a suggestions
          _files
        }
        (( $+functions[compdef] )) || { autoload -Uz compinit && compinit }
        compdef _newsarchive_complete newsarchive

        """;
}
