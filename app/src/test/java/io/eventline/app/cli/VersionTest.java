package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
    /** The pom's versions, handed to the test by surefire (app/pom.xml): what the build says, not a copy. */
    private static final String PROJECT_VERSION = System.getProperty("eventline.test.projectVersion");
    private static final String KAFKA_VERSION = System.getProperty("eventline.test.kafkaVersion");

    @Test
    void shouldPrintTheBuildsVersionAndTheKafkaItEmbedsWhenAskedForTheVersion() {
        Cli.Result result = Cli.execute("--version");

        assertThat(PROJECT_VERSION).as("surefire passes the pom's version").isNotBlank();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly("Eventline " + PROJECT_VERSION,
                "Apache Kafka " + KAFKA_VERSION + " (clients, Streams and the embedded broker)");
    }
}
