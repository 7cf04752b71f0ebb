package io.eventline.app;

import io.eventline.catalog.CatalogConnector;
import io.eventline.catalog.CatalogDatabase;
import io.eventline.catalog.CatalogSchema;
import io.eventline.catalog.ConnectWorker;
import io.eventline.catalog.ConnectorWatch;
import io.eventline.catalog.PostgresAddress;
import io.eventline.catalog.ReplicationSlot;
import io.eventline.catalog.WorkerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the catalog service runs beside its streams: its PostgreSQL, the system of record, and a Kafka
 * Connect worker running Debezium's connectors on it: the source capturing the products table and the
 * JDBC sink writing the reporting schema. Each is the one {@code --postgres-url} and
 * {@code --connect-url} name, or else started here, embedded. Started only when the catalog service
 * is; closed in reverse: the worker (its last offsets committed), then PostgreSQL, if started here.
 */
final class CatalogRuntime implements AutoCloseable {
    private static final Duration CONNECTOR_READY = Duration.ofSeconds(60);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    private final PostgresAddress database;
    private final URI connect;
    private final Optional<CatalogDatabase> embeddedDatabase;
    private final Optional<ConnectWorker> embeddedWorker;
    private final ConnectorWatch watch;

    private CatalogRuntime(PostgresAddress database, URI connect, Optional<CatalogDatabase> embeddedDatabase,
                           Optional<ConnectWorker> embeddedWorker) {
        this.database = database;
        this.connect = connect;
        this.embeddedDatabase = embeddedDatabase;
        this.embeddedWorker = embeddedWorker;
        this.watch = new ConnectorWatch(List.of(new CatalogConnector(connect), CatalogConnector.reportingSink(connect)),
                WATCH_EVERY);
    }

    /** @param clients the Kafka client settings, bootstrap servers included */
    static CatalogRuntime start(EventlineConfig.Catalog settings, Path dataDir, Map<String, Object> clients,
                                boolean embeddedBroker) {
        CatalogDatabase startedDatabase = null;
        ConnectWorker startedWorker = null;
        try {
            PostgresAddress database;
            if (settings.postgres().isPresent()) {
                database = settings.postgres().get();
                CatalogSchema.apply(database);
            } else {
                startedDatabase = CatalogDatabase.start(dataDir);
                database = startedDatabase.address();
            }
            URI connect;
            if (settings.connect().isPresent()) {
                connect = settings.connect().get();
            } else {
                startedWorker = ConnectWorker.start(connectLibraries(), WorkerSettings.of(clients, embeddedBroker));
                connect = startedWorker.restUrl();
            }
            new CatalogConnector(connect).submit(database, CONNECTOR_READY);
            CatalogConnector.reportingSink(connect).submit(database, CONNECTOR_READY);
            return new CatalogRuntime(database, connect, Optional.ofNullable(startedDatabase),
                    Optional.ofNullable(startedWorker));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(Optional.ofNullable(startedWorker), Optional.ofNullable(startedDatabase));
            throw new IllegalStateException("interrupted while starting the catalog's connector", e);
        } catch (RuntimeException | Error e) {
            closeQuietly(Optional.ofNullable(startedWorker), Optional.ofNullable(startedDatabase));
            throw e;
        }
    }

    private static void closeQuietly(Optional<ConnectWorker> worker, Optional<CatalogDatabase> database) {
        try {
            close(worker, database);
        } catch (Exception e) {
            // the start's own failure is what the caller must see
        }
    }

    private static void close(Optional<ConnectWorker> worker, Optional<CatalogDatabase> database) throws Exception {
        try {
            if (worker.isPresent()) {
                worker.get().close();
            }
        } finally {
            database.ifPresent(CatalogDatabase::close);
        }
    }

    /**
     * The worker's jars: {@code target/connect} beside the app's classes or jar, where the build unpacks
     * them (app/pom.xml) for the tests and the launcher alike.
     */
    private static Path connectLibraries() {
        try {
            Path location = Path.of(CatalogRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().resolve("connect");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the app's classes are", e);
        }
    }

    PostgresAddress database() {
        return database;
    }

    URI connectUrl() {
        return connect;
    }

    /** Why the catalog is not ready: its connector or its task is not running; empty while they run. */
    Optional<String> notReady() {
        return watch.running() ? Optional.empty()
                : Optional.of("the catalog's connector " + watch.status());
    }

    /** The source's lag: write-ahead log its replication slot holds, in bytes; -1 without a slot. */
    long slotLagBytes() throws SQLException {
        return ReplicationSlot.lagBytes(database);
    }

    /** What {@code GET /api/catalog/connectors} answers. */
    record Connectors(String status, boolean running, long slotLagBytes) {
    }

    /**
     * The connectors' status as the watch last saw it, and the slot's lag read now (-1 when it cannot
     * be read: no slot, or PostgreSQL not answering; the status then says why).
     */
    Connectors connectors() {
        long lag;
        try {
            lag = slotLagBytes();
        } catch (SQLException e) {
            lag = -1;
        }
        return new Connectors(watch.status(), watch.running(), lag);
    }

    boolean connectorRunning() {
        return watch.running();
    }

    @Override
    public void close() throws Exception {
        watch.close();
        close(embeddedWorker, embeddedDatabase);
    }
}
