package io.eventline.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, broker and controller in one) running inside this JVM, its data
 * under {@code dataDir/kafka}. Starting again on the same data dir resumes with every topic,
 * offset and transaction; only the ports may change.
 *
 * <p>{@link #start} returns once the broker accepts topic creation, or throws a
 * {@link BrokerStartException} after stopping whatever had started (Kafka's controller threads are
 * not daemons: left running, they would keep the JVM alive). {@link #close()} stops it and waits;
 * it is idempotent and thread-safe. While it runs, a {@link HangingTransactionSweeper} aborts the
 * transactions a restart after a kill can leave hanging.
 *
 * {@snippet :
 * try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", 9092)) {
 *     startServices(broker.bootstrapServers());
 * }
 * }
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);
    /** The file Kafka's log manager writes in a log dir when it stops cleanly, and removes at start. */
    static final String CLEAN_SHUTDOWN_MARKER = ".kafka_cleanshutdown";

    private final KafkaRaftServer server;
    private final BrokerSettings settings;
    private final String clusterId;
    private final DataDirLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HangingTransactionSweeper sweeper;
    private final boolean restartedAfterCrash;

    private EmbeddedBroker(KafkaRaftServer server, BrokerSettings settings, String clusterId, DataDirLock lock,
                           boolean restartedAfterCrash) {
        this.server = server;
        this.settings = settings;
        this.clusterId = clusterId;
        this.lock = lock;
        this.restartedAfterCrash = restartedAfterCrash;
    }

    /** {@link #start(Path, String, int, Map)} with no overrides. */
    public static EmbeddedBroker start(Path dataDir, String host, int brokerPort) {
        return start(dataDir, host, brokerPort, Map.of());
    }

    /** A node alone, with no overrides, treating hanging transactions as {@code policy} says. */
    public static EmbeddedBroker start(Path dataDir, String host, int brokerPort, HangingTransactionPolicy policy) {
        return start(dataDir, host, brokerPort, null, Map.of(), policy);
    }

    /** A node alone, its controller on a free loopback port. */
    public static EmbeddedBroker start(Path dataDir, String host, int brokerPort, Map<String, String> overrides) {
        return start(dataDir, host, brokerPort, null, overrides);
    }

    /**
     * Formats the storage if new, starts the broker and waits until it is ready. A node of several
     * is ready once a majority of the quorum is up and it has registered: start the nodes together.
     *
     * @param dataDir    the broker keeps everything under {@code dataDir/kafka}
     * @param host       the broker listener's host, also advertised to clients
     * @param brokerPort the broker listener's port; 0 picks a free one
     * @param quorum     the controllers and this node's id among them; null for a node alone
     * @param overrides  broker properties applied over the embedded defaults
     * @throws BrokerStartException if the port is taken, the data dir unusable, or the broker fails
     */
    public static EmbeddedBroker start(Path dataDir, String host, int brokerPort, Quorum quorum,
                                       Map<String, String> overrides) {
        return start(dataDir, host, brokerPort, quorum, overrides, HangingTransactionPolicy.CLOSE);
    }

    private static EmbeddedBroker start(Path dataDir, String host, int brokerPort, Quorum quorum,
                                        Map<String, String> overrides, HangingTransactionPolicy policy) {
        requireValid(dataDir, host, brokerPort, overrides);
        long startedAt = System.nanoTime();
        Path root = dataDir.resolve("kafka");
        Path logDir = root.resolve("logs");
        createDirectories(logDir);
        DataDirLock lock = DataDirLock.acquire(root);
        boolean afterCrash = quorum == null && stoppedUncleanly(logDir);
        BrokerSettings settings;
        String clusterId;
        try {
            int port = brokerPort == 0 ? Ports.pickFree(host) : brokerPort;
            Ports.requireFree(host, port);
            Quorum nodes = quorum == null ? Quorum.single(Ports.pickFree("127.0.0.1")) : quorum;
            if (quorum != null) {
                Ports.requireFree(nodes.self().host(), nodes.self().port());
            }
            settings = new BrokerSettings(logDir, host, port, nodes, overrides);
            clusterId = clusterId(root, logDir, nodes);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        EmbeddedBroker broker = launched(settings, clusterId, lock, false);
        if (afterCrash) {
            broker = broker.restartedCleanly();
        }
        if (broker.settings.quorum().size() == 1) { // where a restart leaves every partition leaderless
            broker.sweeper = HangingTransactionSweeper.start(broker.bootstrapServers(), SWEEP_INTERVAL, policy);
        }
        LOG.info("Embedded Kafka broker listening on {}, data in {}, cluster id {} (started in {} ms)",
                broker.bootstrapServers(), root, broker.clusterId(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
        return broker;
    }

    /**
     * Whether the node's last run ended without Kafka's clean shutdown (a SIGKILL, a power cut): its log
     * dir holds data but not the marker Kafka writes when it stops cleanly.
     */
    static boolean stoppedUncleanly(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties")) && !Files.exists(logDir.resolve(CLEAN_SHUTDOWN_MARKER));
    }

    /**
     * Stops this node cleanly and starts it again, before any client is told it is ready.
     *
     * <p>Why, on Kafka 4.4.0: a node alone restarted after a crash first leads its partitions in the
     * leader epoch it had, then, once its controller fences the crashed incarnation, in two newer ones;
     * its group coordinator starts loading {@code __consumer_offsets} in the first epoch, unloads, and
     * loads again. When the first load outlasts the epoch changes (it grows with the topic), its
     * completion finds the second load's context still loading and makes it active
     * ({@code CoordinatorRuntime} checks the context's state, not its epoch), while the second load
     * goes on replaying old records into the live state. The coordinator then answers from offsets
     * its own log has superseded: a read model resumed from an offset it had committed two restarts
     * before and folded events twice, and groups whose transactions all had their markers read as
     * unstable for minutes (CrashTest's 100-kill soak, 5 December, with the coordinator's logs). A
     * node stopped cleanly restarts leaderless, in one new epoch, with one load.
     */
    private EmbeddedBroker restartedCleanly() {
        LOG.info("The embedded Kafka broker had not been stopped cleanly: stopping and starting it once more, so that "
                + "its group coordinator loads the consumer offsets once");
        stop(server);
        return launched(settings, clusterId, lock, true);
    }

    /** A node started on the locked data dir and ready; the lock is released if it fails to. */
    private static EmbeddedBroker launched(BrokerSettings settings, String clusterId, DataDirLock lock,
                                           boolean restartedAfterCrash) {
        EmbeddedBroker broker;
        try {
            broker = new EmbeddedBroker(launch(settings, clusterId), settings, clusterId, lock, restartedAfterCrash);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        broker.awaitReady(); // closes it, and so the lock, when it fails
        return broker;
    }

    /** Whether this start stopped the node and started it again because its last run had crashed: for tests. */
    boolean restartedAfterCrash() {
        return restartedAfterCrash;
    }

    /** What the hanging-transaction sweeper did; none for a node of a cluster, which runs none. */
    public SweeperCounts sweeperCounts() {
        HangingTransactionSweeper running = sweeper;
        return running == null ? SweeperCounts.NONE : running.counts();
    }

    /** The {@code host:port} clients bootstrap from. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /**
     * What a topic created without settings of its own gets on this node, e.g. {@code replication 3,
     * min.insync.replicas 2}: Eventline creates its topics so.
     */
    public String topicDefaults() {
        Properties properties = settings.toProperties();
        return "replication " + properties.getProperty("default.replication.factor") + ", min.insync.replicas "
                + properties.getProperty("min.insync.replicas");
    }

    /** The cluster id, the same on every start on the same data dir. */
    public String clusterId() {
        return clusterId;
    }

    /** Stops the broker and waits for its threads to end. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                if (sweeper != null) {
                    sweeper.close();
                }
                stop(server);
            } finally {
                lock.close();
            }
            LOG.info("Embedded Kafka broker on {} stopped", settings.bootstrapServers());
        }
    }

    /** The controller's port: for a node alone, a loopback port new at each start. */
    int controllerPort() {
        return settings.controllerPort();
    }

    // Package-private for the test of Kafka's own failure path, which the port check pre-empts.
    static KafkaRaftServer launch(BrokerSettings settings, String clusterId) {
        KafkaRaftServer server = null;
        try {
            KafkaConfig config = KafkaConfig.fromProps(settings.toProperties(), false);
            StorageFormat.format(config, clusterId);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return server;
        } catch (Exception e) { // Kafka's Scala code throws checked exceptions undeclared, too
            if (server != null) {
                stop(server);
            }
            throw failure(settings, e);
        }
    }

    private void awaitReady() {
        try {
            new Readiness(settings.bootstrapServers(), settings.quorum().nodeId()).await(READY_TIMEOUT);
        } catch (RuntimeException e) {
            close();
            throw new BrokerStartException("cannot start the embedded Kafka broker: it did not become ready on "
                    + settings.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    // shutdown() alone returns while threads still run; awaitShutdown() is what frees the JVM.
    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static BrokerStartException failure(BrokerSettings settings, Exception e) {
        Throwable bindFailure = wrapperOf(e, BindException.class);
        if (bindFailure != null) {
            // Taken between our check and Kafka's bind: Kafka's message names the host and port.
            return new BrokerStartException("cannot start the embedded Kafka broker: " + bindFailure.getMessage()
                    + " A port is taken; pass --broker-port or stop what uses it", e);
        }
        return new BrokerStartException("cannot start the embedded Kafka broker (data in " + settings.logDir()
                + "): " + e.getMessage(), e);
    }

    // The exception that wraps one of the given type: Kafka's own, whose message says what failed.
    private static Throwable wrapperOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t.getCause()) || type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static void requireValid(Path dataDir, String host, int brokerPort, Map<String, String> overrides) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(overrides, "overrides");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: a host name or address is required");
        }
        if (brokerPort < 0 || brokerPort > 65_535) {
            throw new IllegalArgumentException("brokerPort: 0 (any free port) to 65535, was " + brokerPort);
        }
    }

    private static String clusterId(Path root, Path logDir, Quorum quorum) {
        try {
            return ClusterId.loadOrCreate(root, logDir, quorum::newClusterId);
        } catch (UncheckedIOException e) {
            throw new BrokerStartException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new BrokerStartException("cannot start the embedded Kafka broker: cannot create its data dir "
                    + logDir + ": " + e, e);
        }
    }
}
