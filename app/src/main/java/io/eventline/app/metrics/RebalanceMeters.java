package io.eventline.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code eventline_consumer_group_rebalances_total{group}}: the rebalances this instance's members of
 * each group took part in, as their consumers count them ({@code rebalance-total}). It starts again
 * from 0 when a stream thread is replaced, as a restart does; Prometheus reads that as a reset.
 */
final class RebalanceMeters implements MeterBinder {
    private static final String GROUP = "consumer-coordinator-metrics";
    private static final String TOTAL = "rebalance-total";

    private final Supplier<Map<String, KafkaStreams>> streams;
    private final Map<String, Double> counts = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    /** @param streams this instance's streams, by application id (which is their group's id) */
    RebalanceMeters(Supplier<Map<String, KafkaStreams>> streams) {
        this.streams = streams;
    }

    /** A group's counter is registered when its streams are first seen, at a scrape. */
    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Reads the counts from the consumers' own metrics: no request leaves the process. */
    void refresh() {
        streams.get().forEach((group, app) -> {
            double total = app.metrics().values().stream()
                    .filter(metric -> metric.metricName().group().equals(GROUP)
                            && metric.metricName().name().equals(TOTAL))
                    .mapToDouble(RebalanceMeters::value).sum();
            if (counts.put(group, total) == null) {
                FunctionCounter.builder("eventline.consumer.group.rebalances", counts,
                                all -> all.getOrDefault(group, 0.0))
                        .description("Rebalances this instance's members of a consumer group took part in")
                        .tag("group", group)
                        .register(registry);
            }
        });
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number number ? number.doubleValue() : 0;
    }
}
