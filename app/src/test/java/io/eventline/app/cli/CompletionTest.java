package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./eventline completion}: picocli's script, tried in bash as the shell calls it on TAB. */
class CompletionTest {
    private static final Path BASH = Path.of("/bin/bash");

    @TempDir
    Path dir;

    @Test
    void shouldPrintACompletionScriptForEventlineWhenAskedForCompletion() {
        Cli.Result result = Cli.execute("completion");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("bashcompinit")
                .contains("complete -F _complete_eventline -o default eventline");
    }

    @Test
    @Timeout(60)
    void shouldCompleteCommandsSubcommandsAndOptionsWhenBashSourcesTheScript() throws Exception {
        assumeTrue(Files.isExecutable(BASH), "needs bash");
        Path script = Files.writeString(dir.resolve("eventline-completion.bash"), Cli.execute("completion").out());

        assertThat(complete(script, "./eventline pro")).containsExactly("projections");
        assertThat(complete(script, "./eventline projections ")).containsExactly("list", "rebuild");
        assertThat(complete(script, "./eventline projections rebuild --ti")).containsExactly("--timeout");
        assertThat(complete(script, "./eventline load --api-token-f")).containsExactly("--api-token-file");
        assertThat(complete(script, "./eventline comp")).containsExactly("completion");
    }

    /** What bash offers on TAB at the end of {@code line}, through the script's completion function. */
    private static List<String> complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String call = "source '" + script + "'\n"
                + "COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMPREPLY=()\n"
                + "_complete_eventline 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder(BASH.toString(), "--norc", "--noprofile", "-c", call)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(word -> !word.isBlank()).toList();
    }
}
