package io.eventline.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fraud detection as the app runs it ({@link StreamsSettings}): a record of {@code orders.events} it
 * cannot read, or whose processing throws, lands in {@code fraud.dlq} with its reason and coordinates,
 * and the next orders still raise their alerts.
 */
class FraudDeadLetterTest {
    static final Instant T0 = FraudDetectionTest.T0;

    /** Records no reader of orders.events can make sense of, each with the reason it is dead-lettered for. */
    enum Bad {
        GARBAGE("unreadable"), UNKNOWN_TYPE("unknown-type"), FUTURE_VERSION("unsupported-version"),
        DATA_THAT_DOES_NOT_FIT("malformed-data");

        final String reason;

        Bad(String reason) {
            this.reason = reason;
        }

        byte[] bytes(String orderId) {
            return switch (this) {
                case GARBAGE -> new byte[] {(byte) 0xFF, 'g', 'a', 'r', 'b', 'a', 'g', 'e'};
                case UNKNOWN_TYPE -> envelope("order.unheard-of", 1, orderId, "{}");
                case FUTURE_VERSION -> envelope("order.placed", 99, orderId, "{}");
                case DATA_THAT_DOES_NOT_FIT -> envelope("order.placed", 1, orderId, "{\"unexpected\":true}");
            };
        }

        private static byte[] envelope(String type, int version, String orderId, String data) {
            return ("{\"eventId\":\"6f1e1f2a-1111-4a4a-9b9b-000000000002\",\"eventType\":\"" + type
                    + "\",\"version\":" + version + ",\"timestamp\":\"2026-11-22T10:00:00.000Z\",\"aggregateId\":\""
                    + orderId + "\",\"data\":" + data + ",\"metadata\":{\"correlationId\":\"c\",\"causationId\":\"c\","
                    + "\"source\":\"rogue\"}}").getBytes(StandardCharsets.UTF_8);
        }
    }

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> orders;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        FraudDetection.addTo(new Sources(builder), FraudRules.DEFAULTS);
        var props = StreamsSettings.exactlyOnce("eventline-fraud", Map.of("bootstrap.servers", "unused:9092"),
                stateDir);
        driver = new TopologyTestDriver(builder.build(props), props);
        orders = driver.createInputTopic(OrderContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void shouldDeadLetterABadEventAndAlertOnTheNextWhenAnOrderEventCannotBeRead(Bad bad) {
        byte[] value = bad.bytes("o-0");
        RecordHeaders traced = new RecordHeaders();
        traced.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        orders.pipeInput(new TestRecord<>("o-0", value, traced, T0));
        placeTooMuch("bob");

        List<TestRecord<String, byte[]>> letters = deadLetters();
        assertThat(letters).hasSize(1);
        TestRecord<String, byte[]> letter = letters.getFirst();
        assertThat(letter.key()).as("keyed as it came, by order id").isEqualTo("o-0");
        assertThat(letter.value()).as("the original bytes").isEqualTo(value);
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(bad.reason);
        assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(OrderContracts.TOPIC);
        assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(letter, DeadLetterHeaders.ERROR)).isNotBlank();
        assertThat(header(letter, "trace")).as("the original headers are kept").isEqualTo("t-1");
        assertThat(alertedCustomers()).as("the next orders were counted").containsExactly("bob");
    }

    @Test
    void shouldDeadLetterThroughKafkaStreamsAndAlertOnTheNextWhenAmountsCannotBeAddedUp() {
        // Two orders whose amounts add up beyond a long: readable, but the window's sum throws.
        Money half = new Money(Long.MAX_VALUE / 2 + 1);
        List<OrderLine> items = List.of(FraudDetectionTest.line("10.00"));
        pipe(new OrderPlaced("a-1", "alice", items, "EUR", half), T0);
        pipe(new OrderPlaced("a-2", "alice", items, "EUR", half), T0.plusSeconds(1));
        placeTooMuch("bob");

        TestRecord<String, byte[]> letter = deadLetters().getFirst();
        assertThat(header(letter, DeadLetterHeaders.STREAMS_EXCEPTION)).isEqualTo(ArithmeticException.class.getName());
        assertThat(header(letter, DeadLetterHeaders.STREAMS_TOPIC)).as("read after the repartition by customer")
                .endsWith("fraud-orders-by-customer-repartition");
        assertThat(alertedCustomers()).contains("bob");
    }

    @Test
    void shouldCountAReplayOnlyWhenItIsForFraud() {
        for (int i = 0; i < 3; i++) {
            pipeReplay("bob-" + i, "orders-view.dlq", T0.plusSeconds(i)); // fraud counted these the first time
        }
        assertThat(alertedCustomers()).isEmpty();
        for (int i = 3; i < 6; i++) {
            pipeReplay("bob-" + i, "fraud.dlq", T0.plusSeconds(i));
        }
        assertThat(alertedCustomers()).containsExactly("bob");
        assertThat(deadLetters()).isEmpty();
    }

    /** Three orders of 900.00 within a minute: over the 2,000.00 limit. */
    private void placeTooMuch(String customerId) {
        for (int i = 0; i < 3; i++) {
            pipe(placed(customerId + "-" + i, customerId), T0.plusSeconds(i));
        }
    }

    private void pipeReplay(String orderId, String queue, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, queue.getBytes(StandardCharsets.UTF_8));
        orders.pipeInput(new TestRecord<>(orderId,
                TestEvents.envelope(OrderContracts.EVENTS, orderId, placed(orderId, "bob"), at), headers, at));
    }

    private static OrderPlaced placed(String orderId, String customerId) {
        return new OrderPlaced(orderId, customerId, List.of(FraudDetectionTest.line("900.00")), "EUR",
                FraudDetectionTest.money("900.00"));
    }

    private void pipe(OrderPlaced order, Instant at) {
        orders.pipeInput(order.orderId(), TestEvents.envelope(OrderContracts.EVENTS, order.orderId(), order, at), at);
    }

    private List<String> alertedCustomers() {
        return AlertQuery.run(driver.getKeyValueStore(FraudDetection.ALERTS_STORE), null).stream()
                .map(FraudAlert::customerId).distinct().toList();
    }

    private List<TestRecord<String, byte[]>> deadLetters() {
        return driver.createOutputTopic("fraud.dlq", new StringDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    private static String header(TestRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
