package io.eventline.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class KeptStreamsMetricsTest {
    private static final MetricName PROCESSED = new MetricName("process-total", "stream-thread-metrics",
            "The total number of calls to process", Map.of("thread-id", "orders-StreamThread-1"));
    private static final MetricName FAILED_THREADS = new MetricName("failed-stream-threads", "stream-metrics",
            "The number of failed stream threads", Map.of("client-id", "orders"));
    private static final MetricName LATENCY = new MetricName("commit-latency-avg", "stream-thread-metrics",
            "The average commit latency", Map.of("thread-id", "orders-StreamThread-1"));
    /** A store's gauge that must never be read off its stream thread (transactional stores' uncommitted bytes). */
    private static final MetricName UNCOMMITTED = new MetricName("uncommitted-bytes", "stream-state-metrics",
            "uncommitted bytes", Map.of("rocksdb-state-id", "orders-snapshots"));

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<MetricName, Metric> metrics = new HashMap<>();
    private final KeptStreamsMetrics binder = new KeptStreamsMetrics("orders", () -> metrics, registry,
            Set.of("kafka.stream.thread.process.total", "kafka.stream.failed.stream.threads.total",
                    "kafka.stream.thread.commit.latency.avg"), "4.4.0");

    @Test
    void shouldBindTheListedMetricsAsMicrometerNamesThemWhenTheyAppear() {
        metrics.put(PROCESSED, metric(PROCESSED, 12));
        metrics.put(FAILED_THREADS, metric(FAILED_THREADS, 0));
        metrics.put(LATENCY, metric(LATENCY, 3.5));

        binder.refresh();

        assertThat(registry.scrape()).contains(
                "kafka_stream_thread_process_total{kafka_version=\"4.4.0\",service=\"orders\","
                        + "thread_id=\"orders-StreamThread-1\"} 12.0",
                "# TYPE kafka_stream_failed_stream_threads_total counter",
                "kafka_stream_failed_stream_threads_total{client_id=\"orders\",kafka_version=\"4.4.0\","
                        + "service=\"orders\"} 0.0",
                "# TYPE kafka_stream_thread_commit_latency_avg gauge");
    }

    @Test
    void shouldNeverReadTheValueOfAnUnlistedMetricWhenLookingOrScraping() {
        metrics.put(PROCESSED, metric(PROCESSED, 1));
        metrics.put(UNCOMMITTED, new Metric() {
            @Override
            public MetricName metricName() {
                return UNCOMMITTED;
            }

            @Override
            public Object metricValue() {
                throw new AssertionError("read the value of " + UNCOMMITTED.name());
            }
        });

        binder.refresh();

        assertThat(registry.scrape()).contains("kafka_stream_thread_process_total").doesNotContain("uncommitted");
    }

    @Test
    void shouldRemoveTheMeterWhenItsMetricIsGone() {
        metrics.put(PROCESSED, metric(PROCESSED, 1));
        binder.refresh();

        metrics.clear();
        binder.refresh();

        assertThat(registry.scrape()).doesNotContain("kafka_stream_thread_process_total");
    }

    private static Metric metric(MetricName name, double value) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        };
    }
}
