package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit 2 with the usage on bad usage, whatever options follow the mistake; exit 0 when help is asked. */
class UsageTest {
    @ParameterizedTest
    @ValueSource(strings = {"NOSUCHCOMMAND", "NOSUCHCOMMAND --help", "NOSUCHCOMMAND --version", "--help NOSUCHCOMMAND",
            "NOSUCHCOMMAND -h --url http://127.0.0.1:1"})
    void shouldExitTwoSayingUnknownCommandWithTheUsageWhenTheCommandIsUnknown(String line) {
        Cli.Result result = Cli.execute(line.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("eventline: unknown command 'NOSUCHCOMMAND' (commands: run, broker,")
                .contains("Usage: eventline [-hV] [--log-format=text|json] [--log-level=LEVEL] [COMMAND]");
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dlq nosuch --help", "projections nosuch"})
    void shouldExitTwoWithTheSubcommandsUsageWhenASubcommandIsUnknown(String line) {
        Cli.Result result = Cli.execute(line.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("eventline: unknown command 'nosuch'")
                .contains("Usage: eventline " + line.split(" ")[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"load --orders 5 stray --help", "load --orders 5 --help --no-such-option"})
    void shouldExitTwoNamingTheArgumentWhenACommandGetsOneItDoesNotTake(String line) {
        Cli.Result result = Cli.execute(line.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).containsPattern("^eventline: (Unmatched argument|Unknown option).*'(stray|--no-such-option)'")
                .contains("Usage: eventline load");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "dlq --help", "help load"})
    void shouldPrintTheUsageAndExitZeroWhenHelpIsAsked(String line) {
        Cli.Result result = Cli.execute(line.split(" "));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: eventline");
        assertThat(result.err()).isEmpty();
    }
}
