package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./eventline verify}'s usage and failures; its verdicts are tested on live logs by the crash tests. */
class VerifyCommandTest {
    @Test
    void shouldExit2WithTheUsageWhenAnOptionIsOutOfRange() {
        Cli.Result result = Cli.execute("verify", "--show", "-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--show: 0 or more").contains("Usage: eventline verify");
    }

    @Test
    void shouldExit1InOneLineWhenNoClusterAnswers() {
        Cli.Result result = Cli.execute("verify", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("eventline: no Kafka cluster answered at 127.0.0.1:1")
                .doesNotContain("\n");
    }
}
