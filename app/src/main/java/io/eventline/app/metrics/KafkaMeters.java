package io.eventline.app.metrics;

import io.eventline.core.kafka.KafkaVersion;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own client and Streams metrics of each service's streams, only the few that tell whether a
 * service keeps up: Kafka registers hundreds per application (per thread, task, processor node, store,
 * topic and broker connection), and {@link KeptStreamsMetrics} binds the listed ones alone.
 */
final class KafkaMeters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaMeters.class);
    /**
     * Per application: its live and failed stream threads; per stream thread: records processed and
     * how long its exactly-once commits take; per producer: records written to each topic (every
     * topic, internal ones too), failed sends and the broker's answer time. Lag, rebalances and
     * processing latency have Eventline's own meters, per group and service.
     */
    static final Set<String> KEPT = Set.of(
            "kafka.stream.alive.stream.threads",
            "kafka.stream.failed.stream.threads.total",
            "kafka.stream.thread.process.total",
            "kafka.stream.thread.commit.latency.avg",
            "kafka.stream.thread.commit.latency.max",
            "kafka.producer.topic.record.send.total",
            "kafka.producer.record.error.total",
            "kafka.producer.request.latency.avg");

    /**
     * How often, at most, a scrape has the binder look for metrics Kafka added or removed since (a
     * producer's per-topic ones appear at its first send to the topic). Only a scrape asks: a meter
     * reads its metric's live value, and between scrapes nobody needs new meters. Looking on a timer,
     * every 5 s, cost an idle process about 0.4 % of a core, scraped or not.
     */
    private static final Duration NEW_METRICS_EVERY = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final String kafkaVersion = KafkaVersion.ofClients();
    private final Map<KeptStreamsMetrics, String> bound = new HashMap<>(); // → its service
    private long lastLook;

    KafkaMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Keeps {@code kafka.*} meters whose names are listed, and every other meter. A counter is listed
     * as Prometheus names it, with {@code .total}, whether Kafka's own name ends so or not.
     */
    static MeterFilter only(Set<String> kept) {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                String name = id.getName();
                boolean listed = kept.contains(name) || kept.contains(name + ".total");
                return !name.startsWith("kafka.") || listed ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
            }
        };
    }

    synchronized void bind(String service, KafkaStreams streams) {
        KeptStreamsMetrics metrics = new KeptStreamsMetrics(service, streams::metrics, registry, KEPT,
                kafkaVersion);
        bound.put(metrics, service);
        refreshQuietly(service, metrics);
    }

    /** Binds the metrics Kafka added since the last look, unbinds those it removed; for a scrape. */
    synchronized void refreshIfStale() {
        long now = System.nanoTime();
        if (now - lastLook < NEW_METRICS_EVERY.toNanos()) {
            return;
        }
        lastLook = now;
        bound.forEach((metrics, service) -> refreshQuietly(service, metrics));
    }

    // A look that throws must not stop the scrape: log it, and look again at the next one.
    private static void refreshQuietly(String service, KeptStreamsMetrics metrics) {
        try {
            metrics.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Binding {}'s Kafka metrics failed ({}); trying again at the next scrape", service,
                    e.toString());
        }
    }

    @Override
    public synchronized void close() {
        bound.keySet().forEach(KeptStreamsMetrics::unbind);
        bound.clear();
    }
}
