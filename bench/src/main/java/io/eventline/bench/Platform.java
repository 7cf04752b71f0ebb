package io.eventline.bench;

import io.eventline.app.Eventline;
import io.eventline.app.EventlineConfig;
import io.eventline.contracts.customers.CustomerContracts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole platform started in-process as {@code ./eventline run --bootstrap-servers} starts it (every
 * service, its read models and the REST API) against the bench's broker. Closing it stops it and
 * deletes the topics and groups it made, so that the next run starts as the first did.
 */
final class Platform implements AutoCloseable {
    private final Cluster cluster;
    private final Set<String> topicsBefore;
    private final Set<String> groupsBefore;
    private final Eventline eventline;

    private Platform(Cluster cluster, Set<String> topicsBefore, Set<String> groupsBefore, Eventline eventline) {
        this.cluster = cluster;
        this.topicsBefore = topicsBefore;
        this.groupsBefore = groupsBefore;
        this.eventline = eventline;
    }

    /**
     * Starts it, and once more on a fresh data dir if the first start fails: right after a run's topics
     * were deleted and created again, a global table's consumer can see a new topic before the broker
     * has its partitions ("no partitions available for topic customers"), which fails the start. The
     * bench creates that topic itself first and waits for its leaders, which makes this rarer.
     */
    static Platform start(Cluster cluster, EventlineConfig.Saga saga, int commitMs, Path dataDir, Progress progress,
                          EventlineConfig.Telemetry telemetry) {
        Set<String> topicsBefore = cluster.topics();
        Set<String> groupsBefore = cluster.groups();
        // The topic of the global tables, created (as the app would: compacted) and led before the start.
        cluster.create(List.of(CustomerContracts.TOPIC),
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        Eventline eventline;
        try {
            eventline = startReady(config(cluster, saga, commitMs, dataDir, telemetry));
        } catch (RuntimeException first) {
            progress.note("the platform did not start (" + first.getMessage() + "); starting it again");
            try {
                eventline = startReady(config(cluster, saga, commitMs,
                        dataDir.resolveSibling(dataDir.getFileName() + "-again"), telemetry));
            } catch (RuntimeException second) {
                new Platform(cluster, topicsBefore, groupsBefore, null).close();
                throw second;
            }
        }
        return new Platform(cluster, topicsBefore, groupsBefore, eventline);
    }

    /** The platforms' repartition topics are not purged while the bench runs: see {@link #config}. */
    static final String REPARTITION_PURGE_MS = Integer.toString(Integer.MAX_VALUE);

    private static EventlineConfig config(Cluster cluster, EventlineConfig.Saga saga, int commitMs, Path dataDir,
                                          EventlineConfig.Telemetry telemetry) {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.of(cluster.bootstrap()), 0,
                        Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.toString(commitMs),
                                // Records per order are read back after the phase: a purge in between
                                // (every 30 s by default) deleted repartition records before they were
                                // counted (0.0-2.0 per order across runs, 2.0 written).
                                StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, REPARTITION_PURGE_MS)),
                dataDir, saga, EventlineConfig.ORDER_SERVICES, EventlineConfig.Mail.FILES,
                EventlineConfig.Catalog.EMBEDDED, telemetry);
    }

    private static Eventline startReady(EventlineConfig config) {
        Eventline eventline = Eventline.start(config);
        try {
            eventline.awaitReady(Duration.ofMinutes(2));
            return eventline;
        } catch (TimeoutException | RuntimeException e) {
            eventline.close();
            throw new IllegalStateException("not ready: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            eventline.close();
            throw Cluster.interrupted(e);
        }
    }

    int httpPort() {
        return eventline.httpPort();
    }

    @Override
    public void close() {
        if (eventline != null) {
            eventline.close();
        }
        Set<String> groups = new HashSet<>(cluster.groups());
        groups.removeAll(groupsBefore);
        Set<String> topics = new HashSet<>(cluster.topics());
        topics.removeAll(topicsBefore);
        cluster.delete(groups, topics);
    }
}
