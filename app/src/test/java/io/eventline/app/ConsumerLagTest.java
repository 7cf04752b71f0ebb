package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventline_consumer_lag_records}, read from the cluster: a consumer that stops reading falls
 * behind by what is appended meanwhile, and catches up to 0 once it reads again.
 */
@Tag("integration")
class ConsumerLagTest {
    private static final String GROUP = "eventline-notifications";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void shouldRiseWhileAServiceIsPausedAndFallBackToZeroWhenItResumes() throws Exception {
        Scenario scenario = Scenario.generate(Long.getLong("eventline.seed", 11), 10, 5, 40);
        // Notifications alone, so that pausing it leaves the services whose events it reads running.
        EventlineConfig config = new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of(ApplicationLayout.COMPOSE_CONFIG, "false")),
                dataDir, EventlineConfig.Saga.CHOREOGRAPHY, EventlineConfig.ORDER_SERVICES);
        try (Eventline eventline = Eventline.start(config)) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            PlatformRun.setUp(api, scenario);
            assertThat(lag(api)).as("nothing to read before any order").isZero();
            KafkaStreams notifications = eventline.streamsOf("notifications");

            notifications.pause();
            PlatformRun.placeAll(api, scenario);
            // At least order.placed for each order is on orders.events, unread by the paused service.
            long behind = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> lag(api), lag -> lag >= scenario.orders().size());
            System.out.printf("ConsumerLagTest: %s paused, %d orders placed: lag %d%n", GROUP,
                    scenario.orders().size(), behind);

            notifications.resume();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> lag(api), lag -> lag == 0);
            // The mail goes out after the order is read (an effect off the stream thread, its outcome
            // recorded on the next punctuation): wait for it, then count exactly, so a duplicate fails.
            int sent = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.json("/api/notifications").size(), size -> size >= scenario.orders().size());
            assertThat(sent).as("one per order, once read").isEqualTo(scenario.orders().size());
        }
    }

    /** The group's lag on orders.events, summed over its partitions (a series each). */
    private static long lag(TestApi api) {
        PrometheusText metrics = PrometheusText.parse(api.get("/metrics").body());
        assertThat(metrics.series("eventline_consumer_lag_records", Map.of("group", GROUP, "topic", "orders.events")))
                .hasSize(Eventline.PARTITIONS);
        return (long) metrics.sum("eventline_consumer_lag_records",
                labels -> labels.get("group").equals(GROUP) && labels.get("topic").equals("orders.events"));
    }
}
