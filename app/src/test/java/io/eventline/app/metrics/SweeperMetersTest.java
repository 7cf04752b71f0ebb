package io.eventline.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.app.broker.SweeperCounts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SweeperMetersTest {
    @Test
    void shouldShowWhatTheSweeperDidWhenScraped() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<SweeperCounts> counts = new AtomicReference<>(SweeperCounts.NONE);
        new SweeperMeters(counts::get).bindTo(registry);

        counts.set(new SweeperCounts(9, 1, 0, 2));

        assertThat(registry.scrape()).contains(
                "eventline_broker_hanging_transactions_total{action=\"committed\"} 9.0",
                "eventline_broker_hanging_transactions_total{action=\"aborted\"} 1.0",
                "eventline_broker_hanging_transactions_total{action=\"reported\"} 0.0",
                "eventline_broker_hanging_transaction_look_failures_total 2.0");
    }
}
