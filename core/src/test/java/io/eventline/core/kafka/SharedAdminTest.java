package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

// No broker: an admin call to 127.0.0.1:1 waits for its minute while the client is open, and fails
// at once when it is closed. Each test uses an address of its own, as the clients are shared; each
// close gives up on pending calls at once.
class SharedAdminTest {
    @Test
    void callersWithTheSameSettingsShareOneClientThatTheLastOneCloses() throws Exception {
        // As Kafka Streams gives its admin client's settings, and as the metrics have theirs.
        Admin streams = SharedAdmin.lease(Map.of("bootstrap.servers", "127.0.0.1:1", "client.id", "eventline-orders-admin",
                "enable.metrics.push", true, "bootstrap.resolve.timeout.ms", 0L));
        Admin metrics = SharedAdmin.lease(Map.of("bootstrap.servers", "127.0.0.1:1", "client.id", "eventline-metrics"));
        Admin elsewhere = SharedAdmin.lease(Map.of("bootstrap.servers", "127.0.0.2:1"));
        try {
            assertThat(metrics).isSameAs(streams).isNotSameAs(elsewhere);
            assertThat(((SharedAdmin) streams).leases()).isEqualTo(2);

            streams.close(Duration.ZERO);
            assertThat(metrics.listTopics().names().isDone()).as("still open for the other lessee").isFalse();

            metrics.close(Duration.ZERO);
            assertFailsAtOnce(metrics.listTopics().names());
            Admin next = SharedAdmin.lease(Map.of("bootstrap.servers", "127.0.0.1:1"));
            assertThat(next).isNotSameAs(metrics);
            metrics.close(Duration.ZERO); // a second close of a closed lease
            assertThat(next.listTopics().names().isDone()).as("leaves the new client open").isFalse();
            next.close(Duration.ZERO);
        } finally {
            elsewhere.close(Duration.ZERO);
        }
    }

    @Test
    void takesTheClientMetricsKafkaStreamsRegistersWithItsAdminClient() {
        Admin admin = SharedAdmin.lease(Map.of("bootstrap.servers", "127.0.0.5:1"));
        try (Metrics metrics = new Metrics()) {
            MetricName name = metrics.metricName("version", "stream-metrics");
            metrics.addMetric(name, (Measurable) (config, now) -> 1);
            KafkaMetric metric = metrics.metric(name);
            assertThatCode(() -> {
                admin.registerMetricForSubscription(metric);
                admin.unregisterMetricFromSubscription(metric);
            }).doesNotThrowAnyException();
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static void assertFailsAtOnce(Future<?> call) {
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }
}
