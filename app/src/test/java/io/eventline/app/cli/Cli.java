package io.eventline.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code ./eventline} in-process, as {@link Main} does, capturing what it prints: for tests elsewhere. */
public final class Cli {
    private Cli() {
    }

    /** What a command line ended with. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result execute(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
