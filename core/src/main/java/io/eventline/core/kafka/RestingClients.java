package io.eventline.core.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The clients of an Eventline Kafka Streams application: Kafka's own, but the stream and global threads'
 * consumers rest when their application is at rest ({@link RestingConsumer}), and the state updater's
 * finds a store restored without waiting on the broker ({@link RestoreConsumer}). Start applications with
 * {@link #streams}.
 */
public final class RestingClients implements KafkaClientSupplier {
    /**
     * The setting (milliseconds, in the Streams properties) of the longest a stream thread at rest waits
     * in a poll, {@value #DEFAULT_REST_MS} by default; 0 keeps Kafka Streams' {@code poll.ms} throughout.
     */
    public static final String REST_MS_CONFIG = "eventline.poll.at.rest.ms";
    public static final long DEFAULT_REST_MS = 2_000;
    /**
     * How long a resting consumer's fetch waits at the broker for records, unless the client settings
     * say ({@code fetch.max.wait.ms}, 500 ms by default): a record ends the wait at once, so this is how
     * often each consumer asks the broker at rest. What it costs: a partition that becomes fetchable
     * (a task restored, a rebalance) waits for the fetch in flight to its broker, up to this long.
     */
    public static final int FETCH_MAX_WAIT_MS = 2_000;
    /** How long each poll of a rest may block: a close or a pause is heard within it. */
    static final Duration SLICE = Duration.ofMillis(250);
    /** The least a thread must have polled nothing before it rests: see {@link #quiet}. */
    static final Duration LEAST_QUIET = Duration.ofSeconds(1);

    private final Duration quiet;
    private final Duration rest;
    private final boolean standbys;
    private volatile KafkaStreams application;

    private RestingClients(Duration quiet, Duration rest, boolean standbys) {
        this.quiet = quiet;
        this.rest = rest;
        this.standbys = standbys;
    }

    /** A Kafka Streams application of this topology and these properties, on resting clients. */
    public static KafkaStreams streams(Topology topology, Properties props) {
        StreamsConfig config = new StreamsConfig(props);
        RestingClients clients = new RestingClients(quiet(config), rest(config),
                config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG) > 0);
        KafkaStreams streams = new KafkaStreams(topology, props, clients);
        clients.application = streams;
        return streams;
    }

    /**
     * Two commit intervals and a poll, a second at least: by then the thread's timer has committed what
     * its last records made, and a punctuation they scheduled (a read model's index backfill) has run.
     */
    static Duration quiet(StreamsConfig config) {
        long millis = 2 * config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG) + config.getLong(StreamsConfig.POLL_MS_CONFIG);
        return Duration.ofMillis(Math.max(millis, LEAST_QUIET.toMillis()));
    }

    static Duration rest(StreamsConfig config) {
        Object configured = config.originals().get(REST_MS_CONFIG);
        long millis = configured == null ? DEFAULT_REST_MS : Long.parseLong(configured.toString().trim());
        if (millis < 0) {
            throw new IllegalArgumentException(REST_MS_CONFIG + " must be 0 (off) or more, not " + millis);
        }
        return Duration.ofMillis(millis);
    }

    /** One admin client for every application of the process: {@link SharedAdmin}. */
    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return SharedAdmin.lease(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return resting(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return restoreConsumer(config, standbys); // its thread (the state updater) has its own loop
    }

    /** Restores quickly ({@link RestoreConsumer}), or Kafka's own consumer when standbys keep it polling. */
    static Consumer<byte[], byte[]> restoreConsumer(Map<String, Object> config, boolean standbys) {
        return standbys ? plain(config) : new RestoreConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return resting(config);
    }

    private Consumer<byte[], byte[]> resting(Map<String, Object> config) {
        if (rest.isZero()) {
            return plain(config);
        }
        Map<String, Object> resting = new HashMap<>(config);
        resting.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        return new RestingConsumer(resting, this::atRest, quiet, rest, SLICE, System::nanoTime);
    }

    private static Consumer<byte[], byte[]> plain(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private boolean atRest() {
        KafkaStreams streams = application;
        return streams != null && streams.state() == KafkaStreams.State.RUNNING && !streams.isPaused();
    }
}
