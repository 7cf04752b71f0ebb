package io.eventline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

class CatalogDatabaseTest {

    /**
     * A logical replication client that receives changes and never confirms them, as a CDC task that
     * stalled mid-stream: at a shutdown its walsender waits for it, and the server does not exit on its
     * own. Stopping must still end in bounded time, and the data must start again on the same directory.
     */
    @Test
    @Timeout(150)
    void shouldStopAndStartAgainWhileAReplicationClientConfirmsNothing(@TempDir Path dataDir) throws Exception {
        CatalogDatabase database = CatalogDatabase.start(dataDir);
        PostgresAddress address = database.address();
        Duration stopping;
        try (Connection sql = DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
             Connection replication = DriverManager.getConnection(address.jdbcUrl(), replicationProperties(address));
             Statement statement = sql.createStatement()) {
            statement.execute("CREATE TABLE stalled (id int PRIMARY KEY)");
            statement.execute("CREATE PUBLICATION stalled FOR TABLE stalled");
            PGConnection pg = replication.unwrap(PGConnection.class);
            pg.getReplicationAPI().createReplicationSlot().logical().withSlotName("stalled")
                    .withOutputPlugin("pgoutput").make();
            PGReplicationStream stream = pg.getReplicationAPI().replicationStream().logical().withSlotName("stalled")
                    .withSlotOption("proto_version", 1).withSlotOption("publication_names", "stalled")
                    .withStatusInterval(1, java.util.concurrent.TimeUnit.HOURS).start();
            statement.execute("INSERT INTO stalled VALUES (1)");
            assertThat(stream.read()).as("a change sent, and never confirmed").isNotNull();

            long began = System.nanoTime();
            database.close();
            stopping = Duration.ofNanos(System.nanoTime() - began);
        }

        assertThat(stopping).as("stopped within its bound, not wal_sender_timeout and beyond").isLessThan(Duration.ofSeconds(50));
        try (CatalogDatabase again = CatalogDatabase.start(dataDir);
             Connection sql = DriverManager.getConnection(again.address().jdbcUrl(), address.user(), address.password());
             ResultSet rows = sql.createStatement().executeQuery("SELECT count(*) FROM stalled")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("the committed row, recovered").isEqualTo(1);
        }
    }

    private static Properties replicationProperties(PostgresAddress address) {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, address.user());
        PGProperty.PASSWORD.set(properties, address.password());
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return properties;
    }
}
