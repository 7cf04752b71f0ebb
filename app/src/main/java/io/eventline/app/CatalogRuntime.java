package io.eventline.app;

import io.eventline.catalog.CatalogConnector;
import io.eventline.catalog.CatalogDatabase;
import io.eventline.catalog.ConnectWorker;
import io.eventline.catalog.PostgresAddress;
import io.eventline.catalog.WorkerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the catalog service runs beside its streams: the embedded PostgreSQL that is its system of
 * record, and the in-process Kafka Connect worker running Debezium's connector on it. Started only
 * when the catalog service is; closed in reverse: the worker (its last offsets committed), then
 * PostgreSQL.
 */
final class CatalogRuntime implements AutoCloseable {
    private static final Duration CONNECTOR_READY = Duration.ofSeconds(60);

    private final CatalogDatabase database;
    private final ConnectWorker worker;

    private CatalogRuntime(CatalogDatabase database, ConnectWorker worker) {
        this.database = database;
        this.worker = worker;
    }

    /** @param clients the Kafka client settings, bootstrap servers included */
    static CatalogRuntime start(Path dataDir, Map<String, Object> clients, boolean embeddedBroker) {
        CatalogDatabase database = CatalogDatabase.start(dataDir);
        ConnectWorker worker = null;
        try {
            worker = ConnectWorker.start(connectLibraries(), WorkerSettings.of(clients, embeddedBroker));
            new CatalogConnector(worker.restUrl()).submit(database.address(), CONNECTOR_READY);
            return new CatalogRuntime(database, worker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(worker, database);
            throw new IllegalStateException("interrupted while starting the catalog's connector", e);
        } catch (RuntimeException | Error e) {
            closeQuietly(worker, database);
            throw e;
        }
    }

    private static void closeQuietly(ConnectWorker worker, CatalogDatabase database) {
        try (database) {
            if (worker != null) {
                worker.close();
            }
        } catch (Exception e) {
            // the start's own failure is what the caller must see
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
        return database.address();
    }

    URI connectUrl() {
        return worker.restUrl();
    }

    @Override
    public void close() throws Exception {
        try (database) {
            worker.close();
        }
    }
}
