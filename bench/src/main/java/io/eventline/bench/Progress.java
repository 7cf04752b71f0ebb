package io.eventline.bench;

import java.io.PrintStream;

/** Progress lines on stderr while the bench runs: which phase, and the time since the start. */
final class Progress {
    private final PrintStream out;
    private final long started = System.nanoTime();
    private String phase = "";

    Progress(PrintStream out) {
        this.out = out;
    }

    void phase(String name) {
        phase = name;
        line("", "");
    }

    /** A line within the current phase, e.g. a figure as it comes. */
    void note(String text) {
        line("  ", text);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void line(String indent, String text) {
        out.printf("bench [%6.1f s] %s%s%s%n", elapsedSeconds(), indent, phase, text.isEmpty() ? "" : ": " + text);
        out.flush();
    }
}
