package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long rebuilding the orders read model takes over 100,000 events (not in the default test run):
 * {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -pl app test -Dgroups=bench -Dsurefire.excludedGroups=none
 * -Dtest=ProjectionRebuildBench -Dbench.events=100000}.
 */
@Tag("bench")
class ProjectionRebuildBench {
    @TempDir
    Path dataDir;

    @Test
    @Timeout(1800)
    void shouldTimeTheRebuildOfTheOrdersView() throws Exception {
        int events = Integer.getInteger("bench.events", 100_000);
        EventlineConfig config = new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir,
                EventlineConfig.Saga.CHOREOGRAPHY, List.of("orders")); // only the read model is measured
        try (Eventline eventline = Eventline.start(config)) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            long produced = System.nanoTime();
            produce(eventline.bootstrapServers(), events);
            System.out.printf("bench: produced %,d order.placed events in %.1f s%n", events,
                    (System.nanoTime() - produced) / 1e9);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(api.get("/api/orders/bench-" + (events - 1)).statusCode()).isEqualTo(200));

            long started = System.nanoTime();
            assertThat(api.post("/api/projections/orders-view/rebuild", "").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(api.json("/api/projections/orders-view").get("activeVersion").asInt()).isEqualTo(2));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("bench: rebuilt orders-view v2 from %,d events in %.1f s (%,.0f events/s), "
                    + "%d partitions, 1 stream thread, exactly_once_v2, commit.interval.ms=100, embedded broker%n",
                    events, seconds, events / seconds, Eventline.PARTITIONS);
            assertThat(api.get("/api/orders/bench-0").statusCode()).isEqualTo(200);
        }
    }

    private static void produce(String bootstrap, int events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        List<OrderLine> items = List.of(new OrderLine("tea", 2, Money.of(new BigDecimal("10.25"))));
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                String orderId = "bench-" + i;
                OrderPlaced placed = new OrderPlaced(orderId, "c-" + (i % 1000), items, "EUR",
                        Money.of(new BigDecimal("20.50")));
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "order.placed", 1, Instant.now(),
                        orderId, OrderContracts.EVENTS.encode(placed), new EventMetadata(orderId, orderId, "bench"));
                producer.send(new ProducerRecord<>(OrderContracts.TOPIC, null, envelope.timestamp().toEpochMilli(),
                        orderId, EnvelopeCodec.toBytes(envelope), EnvelopeCodec.headers(envelope)));
            }
        }
    }
}
