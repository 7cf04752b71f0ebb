package io.eventline.app;

import io.eventline.core.kafka.ReplaceFailedThreads;
import io.eventline.core.kafka.RestingClients;
import io.eventline.core.kafka.RestoredRecords;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.metrics.ProcessingObserver;
import io.eventline.core.tracing.Tracing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Streams application of one service ({@code eventline-<service>}) or of several composed
 * ({@code eventline-<service>-<service>…}, {@link ApplicationLayout}): its own consumer group, its own
 * state under the data dir ({@code streams/<name>}).
 */
final class ServiceStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceStreams.class);

    private final String service;
    private final KafkaStreams streams;
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final RestoredRecords restored = new RestoredRecords();

    /**
     * @param applicationServer this instance's HTTP {@code host:port}: Kafka Streams tells every
     *     instance which one holds which store partition, so that any of them answers any key
     * @param offTheSagaPath whether it runs as an application no saga waits for ({@link StreamsSettings#offThePath})
     *     or as one on a saga's path ({@link StreamsSettings#onThePath})
     * @param observer what the service's processors report to, for metrics
     * @param tracing how its processors trace the records they handle
     */
    ServiceStreams(String service, boolean offTheSagaPath, Consumer<Sources> topology,
                   Map<String, Object> clientSettings, Path dataDir, String applicationServer,
                   ProcessingObserver observer, Tracing tracing) {
        this.service = service;
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(new Sources(builder));
        Properties props = settings(service, offTheSagaPath, clientSettings, dataDir, applicationServer, observer,
                tracing);
        this.streams = RestingClients.streams(builder.build(props), props);
        streams.setGlobalStateRestoreListener(restored);
        streams.setStateListener((now, before) -> {
            // The restored count tells a restart that reopened its stores from one that rebuilt them.
            LOG.info("{} streams: {} -> {}{}", service, before, now,
                    now == KafkaStreams.State.RUNNING ? ", " + restored.total() + " records restored so far" : "");
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(null);
            } else if (now == KafkaStreams.State.ERROR) {
                running.completeExceptionally(new IllegalStateException(service + " streams failed"));
            }
        });
        streams.setUncaughtExceptionHandler(new ReplaceFailedThreads(service));
    }

    /** The Kafka Streams settings of a service's application: see the constructor. */
    static Properties settings(String service, boolean offTheSagaPath, Map<String, Object> clientSettings,
                               Path dataDir, String applicationServer, ProcessingObserver observer, Tracing tracing) {
        var props = StreamsSettings.exactlyOnce(applicationId(service), clientSettings,
                dataDir.resolve("streams").resolve(service), InstanceId.of(dataDir));
        StreamsSettings.forServices(props);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        props.put(ProcessingObserver.CONFIG, observer);
        props.put(Tracing.CONFIG, tracing);
        return offTheSagaPath ? StreamsSettings.offThePath(props) : StreamsSettings.onThePath(props);
    }

    /** {@code eventline-<name>}: also what names its dead-letter topic ({@code <name>.dlq}). */
    static String applicationId(String service) {
        return "eventline-" + service;
    }

    void start() {
        streams.start();
    }

    String name() {
        return service;
    }

    KafkaStreams streams() {
        return streams;
    }

    boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Why it is not ready: not RUNNING, or still restoring stores; empty when running and caught up. */
    java.util.Optional<String> notReady() {
        if (!isRunning()) {
            return java.util.Optional.of(service + " streams are " + streams.state());
        }
        int restoring = restored.restoring();
        return restoring == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(service + " streams are restoring " + restoring + " store partitions");
    }

    void awaitRunning(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        closeLeavingGroup(streams);
        LOG.info("{} streams stopped", service);
    }

    /** Starts {@link #closeLeavingGroup} without waiting for it: a later close waits. */
    static void startClosing(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ZERO));
    }

    /**
     * Stops streams and leaves their group, so the other instances take their partitions at once.
     * Kafka Streams' plain close stays a member (so that a quick restart costs one rebalance, not
     * two), as does a static member (group.instance.id, kept so that a restart after a crash costs
     * none): the partitions, and their keys, would wait for the session to time out (45 s).
     */
    static void closeLeavingGroup(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
