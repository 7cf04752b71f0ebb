package io.eventline.catalog;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, a child process run from the binaries of Maven Central, its data under
 * {@code <data-dir>/postgres} and kept across restarts (the table, and the replication slot Debezium
 * resumes from). {@code wal_level=logical}: logical decoding is what Debezium reads the changes with.
 * The embedded server trusts local connections, so any password is accepted. Its port is chosen free
 * at the first start and kept in the data dir: the URL a person was shown, and the one the connector's
 * stored configuration names, stay right across restarts.
 */
public final class CatalogDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogDatabase.class);
    static final String DATABASE = "eventline";
    private static final String USER = "postgres";

    /** How long a server asked to stop may take to exit before it is told to stop at once (and again after). */
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final PostgresAddress address;
    private final Path pidFile;

    private CatalogDatabase(EmbeddedPostgres postgres, Path pidFile) {
        this.postgres = postgres;
        this.address = new PostgresAddress("127.0.0.1", postgres.getPort(), DATABASE, USER, USER);
        this.pidFile = pidFile;
    }

    /** Starts it (a first start runs initdb), creates the database and the products table if missing. */
    public static CatalogDatabase start(Path dataDir) {
        EmbeddedPostgres postgres;
        try {
            int port = PortFile.portAt(dataDir.resolve("postgres.port"));
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    // Where the binaries are unpacked: the data dir, not /tmp, so nothing is left elsewhere.
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile())
                    // The embedded server's defaults are for throwaway test databases (fsync off, commits
                    // acknowledged before they are on disk); this one is a system of record.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "4")
                    .setServerConfig("max_wal_senders", "4")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Eventline stops it, after the Connect worker whose connector reads it; a hook of its
                    // own would stop it at once on Ctrl-C, under Debezium.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start under " + dataDir.resolve("postgres"), e);
        }
        CatalogDatabase database = new CatalogDatabase(postgres, dataDir.resolve("postgres").resolve("postmaster.pid"));
        try {
            database.createIfMissing();
            CatalogSchema.apply(database.address());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        LOG.info("PostgreSQL at {}", database.address.url());
        return database;
    }

    private void createIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    public PostgresAddress address() {
        return address;
    }

    /**
     * Stops the server and waits until its process has exited. The embedded server's own stop gives
     * {@code pg_ctl} 5 s and then only logs: a server still writing its shutdown checkpoint (with
     * {@code fsync} on, on a busy machine) outlives it, and a start on the same data at once would
     * meet its lock file. Waiting for the postmaster of {@code postmaster.pid} to end closes that gap.
     *
     * <p>A server that has not exited {@link #STOPPED_WITHIN} after that is told to stop at once
     * (SIGQUIT, PostgreSQL's immediate shutdown): at a shutdown a logical walsender waits until its
     * client has confirmed every change sent, so a CDC client that stopped answering (a Debezium task
     * stopped or stalled mid-stream) holds the server up until {@code wal_sender_timeout} and longer. The
     * next start recovers from the WAL, where every committed transaction is ({@code fsync} on).
     */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        postmaster.ifPresent(process -> {
            if (!exitsWithin(process)) {
                LOG.warn("PostgreSQL (pid {}) has not exited {} after it was asked to stop: stopping it at once",
                        process.pid(), STOPPED_WITHIN);
                stopAtOnce(process);
                if (!exitsWithin(process)) {
                    LOG.warn("PostgreSQL (pid {}) has not exited {} after an immediate shutdown", process.pid(),
                            STOPPED_WITHIN);
                }
            }
        });
    }

    private static boolean exitsWithin(ProcessHandle process) {
        try {
            process.onExit().get(STOPPED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** SIGQUIT to the postmaster: Java's {@code destroy} sends SIGTERM, PostgreSQL's smart shutdown. */
    private static void stopAtOnce(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).inheritIO().start()
                    .waitFor(STOPPED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            LOG.warn("could not signal PostgreSQL (pid {}): {}", process.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The running postmaster, from the first line of its pid file. */
    private Optional<ProcessHandle> postmaster() {
        try {
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong)
                    .flatMap(ProcessHandle::of);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
