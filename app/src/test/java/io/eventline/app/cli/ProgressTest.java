package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void shouldPrintALineEveryFewSecondsWithoutCarriageReturnsWhenNotATerminal() {
        Progress progress = new Progress(new PrintWriter(err), false, nanos::get, Duration.ofSeconds(5));

        for (int tick = 0; tick < 20; tick++) { // 10 s of ticks every half second
            progress.show("at " + tick);
            nanos.addAndGet(Duration.ofMillis(500).toNanos());
        }
        progress.end("done");

        assertThat(err.toString()).doesNotContain("\r");
        assertThat(err.toString().lines()).containsExactly("at 0", "at 10", "done");
    }

    @Test
    void shouldRedrawOneLineInPlaceWhenATerminal() {
        Progress progress = new Progress(new PrintWriter(err), true, nanos::get, Duration.ofSeconds(5));

        progress.show("at 0");
        progress.show("at 1");
        progress.end("done");

        assertThat(err.toString()).isEqualTo("\rat 0\u001b[K\rat 1\u001b[K\rdone\u001b[K" + System.lineSeparator());
    }

    @Test
    void shouldSeeNoTerminalWhenStderrIsAPipe() {
        // surefire's forked JVM writes its stderr to a pipe, as CI and `2>file` do
        assertThat(Progress.stderrIsTerminal()).isFalse();
    }
}
