package io.eventline.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./eventline completion}: the bash and zsh completion script picocli generates from the commands
 * and options themselves, so it never falls behind them.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints the completion script of eventline's commands and options for bash and zsh (in zsh it "
                + "turns on bashcompinit itself). Load it in the current shell with",
                "  source <(./eventline completion)",
                "or for every new bash: ./eventline completion > ~/.local/share/bash-completion/completions/eventline"})
final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
