package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceCommandTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "service orders; Missing required option: '--bootstrap-servers",
            "service --bootstrap-servers 127.0.0.1:9092; Missing required parameter: 'NAME'",
            "service billing --bootstrap-servers 127.0.0.1:9092; billing",
            "service orders --bootstrap-servers 127.0.0.1:9092 --saga sideways; --saga: choreography or orchestration"})
    void shouldExitWithUsageWhenTheServiceCommandIsWrong(String commandLine, String message) {
        Cli.Result result = Cli.execute(commandLine.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(message).contains("Usage: eventline service");
    }
}
