package io.eventline.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --api-token} and {@code --api-token-file}, a picocli mixin. A token on the command line shows in
 * {@code ps} to every user of the machine; the variable or a file readable by its owner only does not.
 */
final class ApiTokenOptions {
    @Option(names = "--api-token", paramLabel = "TOKEN", defaultValue = "${env:EVENTLINE_API_TOKEN}",
            description = "the bearer token every request but /health/* carries. On the command line it shows in ps "
                    + "to every user of this machine: EVENTLINE_API_TOKEN or --api-token-file is the safe way")
    String token;

    @Option(names = "--api-token-file", paramLabel = "FILE", defaultValue = "${env:EVENTLINE_API_TOKEN_FILE}",
            description = "a file holding the bearer token (surrounding whitespace and a final newline ignored)")
    Path file;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /**
     * The token, from {@code --api-token} or the file, or empty when neither is given.
     *
     * @throws CommandLine.ParameterException when both are given, or the file cannot be read, is empty or
     *         holds more than one line (exit 2, with the usage)
     */
    Optional<String> token() {
        boolean inline = token != null && !token.isBlank();
        if (file == null || file.toString().isBlank()) {
            return inline ? Optional.of(token) : Optional.empty();
        }
        if (inline) {
            throw refused("--api-token and --api-token-file: give one, not both (EVENTLINE_API_TOKEN and "
                    + "EVENTLINE_API_TOKEN_FILE count as them)");
        }
        String read;
        try {
            read = Files.readString(file).strip();
        } catch (IOException e) {
            throw refused("--api-token-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (read.isEmpty() || read.lines().count() > 1) {
            throw refused("--api-token-file: " + file + " must hold the token alone on one line, "
                    + (read.isEmpty() ? "it is empty" : "it holds " + read.lines().count() + " lines"));
        }
        return Optional.of(read);
    }

    private CommandLine.ParameterException refused(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }
}
