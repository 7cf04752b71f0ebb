package io.eventline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A command's progress, on stderr (results go to stdout). On a terminal one line redrawn in place with
 * {@code \r}; elsewhere (a log file, a pipe, CI) a plain line every few seconds, so that a log holds
 * neither carriage returns nor a line per tick.
 */
final class Progress {
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long everyNanos;
    private long lastLineAt;
    private boolean printed;

    Progress(PrintWriter err, boolean terminal, LongSupplier nanoTime, Duration every) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.everyNanos = every.toNanos();
    }

    /** Progress on {@code err}, as a bar when the process's stderr is a terminal. */
    static Progress on(PrintWriter err) {
        return new Progress(err, stderrIsTerminal(), System::nanoTime, EVERY);
    }

    /** The state now: redrawn on a terminal; elsewhere printed when none was yet, or the last {@link #EVERY} ago. */
    void show(String line) {
        if (terminal) {
            err.print("\r" + line + CLEAR_TO_END);
        } else {
            long now = nanoTime.getAsLong();
            if (printed && now - lastLineAt < everyNanos) {
                return;
            }
            err.println(line);
            lastLineAt = now;
            printed = true;
        }
        err.flush();
    }

    /** The last state: always printed, and the line ended. */
    void end(String line) {
        err.print(terminal ? "\r" + line + CLEAR_TO_END + System.lineSeparator() : line + System.lineSeparator());
        err.flush();
    }

    /**
     * Whether file descriptor 2 is a terminal. Java tells only of stdin and stdout together
     * ({@link System#console()}); on Linux, {@code /proc} tells of stderr itself, so that
     * {@code ./eventline load 2>load.log} writes lines even from a terminal.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return consoleIsTerminal(); // not Linux: stdin and stdout's answer is the best there is
        }
    }

    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Console.isTerminal() is Java 22's (the build targets 21): since 22 a console may be no terminal
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only when stdin and stdout are a terminal
        }
    }
}
