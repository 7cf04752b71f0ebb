package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrokerCommandTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "--node-id 1; --node-id and --controllers go together",
            "--controllers 1@127.0.0.1:19093; --node-id and --controllers go together",
            "--node-id 2 --controllers 1@127.0.0.1:19093; --node-id: 2 is not among --controllers",
            "--node-id 1 --controllers 1@127.0.0.1; --controllers: each entry is id@host:port"})
    void shouldExitWithUsageWhenTheClusterOptionsAreWrong(String options, String message) {
        Cli.Result result = Cli.execute(("broker " + options).split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("eventline: " + message).contains("Usage: eventline broker");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "--host 0.0.0.0; PLAINTEXT://0.0.0.0:9092 (PLAINTEXT)",
            "--node-id 1 --controllers 1@192.0.2.1:19093; CONTROLLER://192.0.2.1:19093 (PLAINTEXT)"})
    void shouldExitWithUsageWhenAListenerGoesBeyondLoopbackWithoutAuthentication(String options, String listener) {
        Cli.Result result = Cli.execute(("broker " + options).split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(listener).contains("without authentication")
                .contains("--broker-config").contains("--trusted-network");
    }
}
