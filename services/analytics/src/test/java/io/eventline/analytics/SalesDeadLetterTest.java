package io.eventline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderShipped;
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
 * Analytics as the app runs it ({@link StreamsSettings}): a record of {@code orders.events} it cannot
 * read, or whose processing throws, lands in {@code analytics.dlq} byte for byte with its reason and
 * coordinates, and the next sale is counted.
 */
class SalesDeadLetterTest {
    static final Instant T0 = SalesAnalyticsTest.T0;

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
                case FUTURE_VERSION -> envelope("order.shipped", 99, orderId, "{}");
                case DATA_THAT_DOES_NOT_FIT -> envelope("order.shipped", 1, orderId, "{\"unexpected\":true}");
            };
        }

        private static byte[] envelope(String type, int version, String orderId, String data) {
            return ("{\"eventId\":\"6f1e1f2a-1111-4a4a-9b9b-000000000001\",\"eventType\":\"" + type
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
        SalesAnalytics.addTo(new Sources(builder));
        var props = StreamsSettings.exactlyOnce("eventline-analytics", Map.of("bootstrap.servers", "unused:9092"),
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
    void shouldDeadLetterABadEventAndCountTheNextWhenAnOrderEventCannotBeRead(Bad bad) {
        byte[] value = bad.bytes("o-0");
        RecordHeaders traced = new RecordHeaders();
        traced.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        orders.pipeInput(new TestRecord<>("o-0", value, traced, T0));
        pipe(shipped("o-1", new OrderLine("tea", 1, new Money(1025))), T0);

        List<TestRecord<String, byte[]>> letters = deadLetters();
        assertThat(letters).hasSize(1);
        TestRecord<String, byte[]> letter = letters.getFirst();
        assertThat(letter.key()).isEqualTo("o-0");
        assertThat(letter.value()).as("the original bytes").isEqualTo(value);
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(bad.reason);
        assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(OrderContracts.TOPIC);
        assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(letter, DeadLetterHeaders.ERROR)).isNotBlank();
        assertThat(header(letter, DeadLetterHeaders.AT)).isNotBlank();
        assertThat(header(letter, "trace")).as("the original headers are kept").isEqualTo("t-1");
        assertThat(unitsOfTea()).as("the next sale was counted").isEqualTo(1);
    }

    @Test
    void shouldDeadLetterThroughKafkaStreamsAndCountTheNextWhenASaleCannotBeAddedUp() {
        // A line whose total overflows: readable, but adding it up throws.
        OrderLine huge = new OrderLine("tea", 2, new Money(Long.MAX_VALUE / 2 + 1));
        byte[] value = TestEvents.envelope(OrderContracts.EVENTS, "o-0",
                new OrderShipped("o-0", "alice", List.of(huge), "EUR", new Money(1)), T0);
        orders.pipeInput("o-0", value, T0);
        pipe(shipped("o-1", new OrderLine("tea", 1, new Money(1025))), T0);

        TestRecord<String, byte[]> letter = deadLetters().getFirst();
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, DeadLetterHeaders.STREAMS_EXCEPTION)).isEqualTo(ArithmeticException.class.getName());
        assertThat(header(letter, DeadLetterHeaders.STREAMS_TOPIC)).isEqualTo(OrderContracts.TOPIC);
        assertThat(header(letter, DeadLetterHeaders.STREAMS_OFFSET)).isEqualTo("0");
        assertThat(unitsOfTea()).isEqualTo(1);
    }

    @Test
    void shouldCountAReplayOnlyWhenItIsForAnalytics() {
        pipeReplay("o-1", "orders-view.dlq"); // another reader failed it; analytics counted it the first time
        assertThat(unitsOfTea()).isZero();
        pipeReplay("o-2", "analytics.dlq");
        assertThat(unitsOfTea()).isEqualTo(1);
        assertThat(deadLetters()).isEmpty();
    }

    private void pipeReplay(String orderId, String queue) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, queue.getBytes(StandardCharsets.UTF_8));
        OrderShipped order = shipped(orderId, new OrderLine("tea", 1, new Money(1025)));
        orders.pipeInput(new TestRecord<>(orderId, TestEvents.envelope(OrderContracts.EVENTS, orderId, order, T0),
                headers, T0));
    }

    private void pipe(OrderShipped order, Instant at) {
        orders.pipeInput(order.orderId(), TestEvents.envelope(OrderContracts.EVENTS, order.orderId(), order, at), at);
    }

    private static OrderShipped shipped(String orderId, OrderLine line) {
        return new OrderShipped(orderId, "alice", List.of(line), "EUR", line.lineTotal());
    }

    private long unitsOfTea() {
        return SalesQuery.run(driver.getWindowStore(SalesAnalytics.STORE), "tea", SalesAnalyticsTest.FROM,
                SalesAnalyticsTest.TO).stream().mapToLong(SalesRow::units).sum();
    }

    private List<TestRecord<String, byte[]>> deadLetters() {
        return driver.createOutputTopic("analytics.dlq", new StringDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    private static String header(TestRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
