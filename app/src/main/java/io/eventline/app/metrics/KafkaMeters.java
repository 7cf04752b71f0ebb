package io.eventline.app.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka's own client and Streams metrics of each service's streams, through Micrometer's binder, less
 * all but the few that tell whether a service keeps up: Kafka registers hundreds per application
 * (per thread, task, processor node, store, topic and broker connection).
 */
final class KafkaMeters implements AutoCloseable {
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
     * How often the binder looks for metrics Kafka added since: a producer's per-topic ones appear at
     * its first send to the topic (Micrometer's default is a minute).
     */
    private static final Duration NEW_METRICS_EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final List<KafkaStreamsMetrics> bound = new ArrayList<>();

    KafkaMeters(MeterRegistry registry, ScheduledExecutorService scheduler) {
        this.registry = registry;
        this.scheduler = scheduler;
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
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, Tags.of("service", service), scheduler,
                NEW_METRICS_EVERY);
        metrics.bindTo(registry);
        bound.add(metrics);
    }

    @Override
    public synchronized void close() {
        bound.forEach(KafkaStreamsMetrics::close);
        bound.clear();
    }
}
