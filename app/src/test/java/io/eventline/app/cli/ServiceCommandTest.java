package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.app.broker.DataDirLock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceCommandTest {
    @TempDir
    Path dataDir;

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

    /** The process holding the data dir is stood for by its lock: the refusal comes before any broker is asked. */
    @Test
    @Timeout(30)
    void shouldRefuseToStartWhenAnotherProcessRunsOnTheDataDir() {
        try (DataDirLock running = DataDirLock.forServices(dataDir)) {
            Cli.Result result = Cli.execute("service", "orders", "--bootstrap-servers", "127.0.0.1:9",
                    "--data-dir", dataDir.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("eventline: the data dir " + dataDir.toAbsolutePath().normalize()
                    + " is in use by another Eventline process (run or service)").contains("its own --data-dir");
        }
        // Released with the process: the data dir is free again.
        DataDirLock.forServices(dataDir).close();
    }
}
