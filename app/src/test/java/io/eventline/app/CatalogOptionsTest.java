package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.app.cli.Cli;
import io.eventline.catalog.PostgresAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --postgres-url} and {@code --connect-url}: read, checked at start-up, printed without the password. */
class CatalogOptionsTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldEmbedBothWhenNeitherIsGiven() {
        assertThat(EventlineConfig.Catalog.of(null, " ")).isEqualTo(EventlineConfig.Catalog.EMBEDDED);
    }

    @Test
    void shouldUseTheGivenServersAndPrintNoPasswordWhenBothAreGiven() {
        EventlineConfig.Catalog catalog = EventlineConfig.Catalog.of(
                "postgresql://debezium:s3cret@db.example.com:5433/shop", "http://connect.example.com:8083");

        assertThat(catalog.postgres()).contains(new PostgresAddress("db.example.com", 5433, "shop", "debezium", "s3cret"));
        assertThat(catalog.connect()).contains(URI.create("http://connect.example.com:8083"));
        assertThat(config(catalog).describe())
                .contains("postgres=postgresql://debezium@db.example.com:5433/shop connect=http://connect.example.com:8083")
                .doesNotContain("s3cret");
        assertThat(catalog.postgres().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldDefaultToPort5432AndNoPasswordWhenTheUrlSaysNeither() {
        assertThat(EventlineConfig.Catalog.of("postgres://me@localhost/catalog", null).postgres())
                .contains(new PostgresAddress("localhost", 5432, "catalog", "me", ""));
    }

    @ParameterizedTest
    @CsvSource({"jdbc:postgresql://h/db, '', --postgres-url", "postgresql://h/db, '', --postgres-url",
            "postgresql://u@h, '', --postgres-url", "postgresql://u@h/a/b, '', --postgres-url",
            "'', ftp://connect, --connect-url", "'', 'http:///nohost', --connect-url"})
    void shouldRefuseToStartSayingWhatToSetWhenAUrlIsBad(String postgres, String connect, String option) {
        assertThatThrownBy(() -> EventlineConfig.Catalog.of(postgres, connect))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(option);

        Cli.Result result = Cli.execute("run", "--data-dir", dataDir.toString(), "--postgres-url", postgres,
                "--connect-url", connect);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(option).contains("Usage:");
    }

    private EventlineConfig config(EventlineConfig.Catalog catalog) {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir, EventlineConfig.Saga.CHOREOGRAPHY,
                List.of(CatalogModule.NAME), EventlineConfig.Mail.FILES, catalog);
    }
}
