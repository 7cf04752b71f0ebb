package io.eventline.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The listed Kafka metrics of one service's streams as meters, named and tagged as Micrometer's own
 * Kafka binder names them ({@code kafka.stream.thread.process.total}, Kafka's tags, {@code kafka.version},
 * {@code service}), and no other.
 *
 * <p>Why not Micrometer's {@code KafkaStreamsMetrics}: at each look it reads the value of every metric
 * the application has, to see whether it is a number. With transactional state stores (Kafka 4.4), one
 * of those is each store's {@code uncommitted-bytes} gauge, which reads the store's native RocksDB write
 * batch: read from the binder's thread while a stream thread closes the store (a rebalance, a
 * shutdown), it touches freed memory and the JVM dies of SIGSEGV (seen in this project's tests). This
 * binder looks only at metric names, and reads the values of the listed metrics alone, at a scrape.
 * Thread-safe: refreshed from a scheduler thread, unbound from the one that closes the metrics.
 */
final class KeptStreamsMetrics {
    private final String service;
    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final MeterRegistry registry;
    private final Set<String> kept;
    private final String kafkaVersion;
    private final Map<MetricName, Meter> bound = new HashMap<>();

    /**
     * @param metrics the application's metrics, e.g. {@code KafkaStreams::metrics}
     * @param kept    meter names as {@link KafkaMeters#KEPT} lists them: a counter with {@code .total}
     */
    KeptStreamsMetrics(String service, Supplier<Map<MetricName, ? extends Metric>> metrics, MeterRegistry registry,
                       Set<String> kept, String kafkaVersion) {
        this.service = service;
        this.metrics = metrics;
        this.registry = registry;
        this.kept = Set.copyOf(kept);
        this.kafkaVersion = kafkaVersion;
    }

    /** Binds the listed metrics that appeared since the last look, and removes those that are gone. */
    synchronized void refresh() {
        Map<MetricName, ? extends Metric> now = metrics.get();
        now.forEach((name, metric) -> {
            String meterName = meterName(name);
            boolean counter = kept.contains(meterName + ".total") || meterName.endsWith(".total");
            if (!bound.containsKey(name) && (counter || kept.contains(meterName))) {
                bound.put(name, register(meterName, name, metric, counter));
            }
        });
        for (Iterator<Map.Entry<MetricName, Meter>> it = bound.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<MetricName, Meter> entry = it.next();
            if (!now.containsKey(entry.getKey())) {
                registry.remove(entry.getValue());
                it.remove();
            }
        }
    }

    /** Removes every meter this binder registered. */
    synchronized void unbind() {
        bound.values().forEach(registry::remove);
        bound.clear();
    }

    /** As Micrometer names a Kafka metric: {@code stream-thread-metrics}/{@code process-total} → {@code kafka.stream.thread.process.total}. */
    static String meterName(MetricName name) {
        return "kafka." + name.group().replace("-metrics", "").replace('-', '.') + "." + name.name().replace('-', '.');
    }

    private Meter register(String meterName, MetricName name, Metric metric, boolean counter) {
        List<Tag> tags = new ArrayList<>();
        name.tags().forEach((key, value) -> tags.add(Tag.of(key, value)));
        tags.add(Tag.of("kafka.version", kafkaVersion));
        tags.add(Tag.of("service", service));
        if (counter) {
            return FunctionCounter.builder(meterName, metric, KeptStreamsMetrics::value)
                    .description(name.description()).tags(tags).register(registry);
        }
        return Gauge.builder(meterName, metric, KeptStreamsMetrics::value).description(name.description()).tags(tags)
                .register(registry);
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
