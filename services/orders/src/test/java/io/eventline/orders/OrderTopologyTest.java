package io.eventline.orders;

import static io.eventline.orders.OrderFixtures.ID;
import static io.eventline.orders.OrderFixtures.PLACE;
import static io.eventline.orders.OrderFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.PaymentTaken;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.StockReservationFailed;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The orders service's whole topology: its decider and its reactions to payments and stock. */
class OrderTopologyTest {
    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    final TopologyTestDriver driver = driver();
    final TestInputTopic<String, byte[]> commands = input(OrdersService.AGGREGATE.commandTopic());
    final TestInputTopic<String, byte[]> payments = input(AccountContracts.TOPIC);
    final TestInputTopic<String, byte[]> stock = input(InventoryContracts.TOPIC);
    final TestOutputTopic<String, byte[]> orders = driver.createOutputTopic(OrderContracts.TOPIC,
            new StringDeserializer(), new ByteArrayDeserializer());
    final AggregateQueries<?, Order, ?> queries = new AggregateQueries<>(OrdersService.AGGREGATE,
            driver::getKeyValueStore);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldBePaidAndThenReservedAsThePaymentAndEachSkuAreConfirmed() {
        place();
        payments.pipeInput("alice", TestEvents.envelope(AccountContracts.EVENTS, "alice",
                new PaymentTaken("alice", ID, money("42.50")), T));
        assertThat(status()).isEqualTo(OrderStatus.PAID);

        stock.pipeInput("tea", TestEvents.envelope(InventoryContracts.EVENTS, "tea", new StockReserved("tea", ID, 2), T));
        stock.pipeInput("cake", TestEvents.envelope(InventoryContracts.EVENTS, "cake",
                new StockReserved("cake", ID, 1), T));

        assertThat(status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(orders.readValuesToList()).extracting(v -> EnvelopeCodec.fromBytes(v).eventType())
                .containsExactly("order.placed", "order.paid", "order.item-reserved", "order.item-reserved",
                        "order.reserved");
    }

    @Test
    void shouldCarryTheOrdersCorrelationIdThroughTheReaction() {
        place();
        byte[] taken = TestEvents.envelope(AccountContracts.EVENTS, "alice", new PaymentTaken("alice", ID, money("1")), T);
        payments.pipeInput("alice", taken);

        var events = orders.readValuesToList().stream().map(EnvelopeCodec::fromBytes).toList();
        assertThat(events.get(1).metadata().correlationId()).isEqualTo("corr-alice");
        assertThat(events.get(1).metadata().causationId()).isNotEqualTo(events.get(0).metadata().causationId());
    }

    @Test
    void shouldBeCancelledOutOfStockWhenOneSkuFails() {
        place();
        payments.pipeInput("alice", TestEvents.envelope(AccountContracts.EVENTS, "alice",
                new PaymentTaken("alice", ID, money("42.50")), T));
        stock.pipeInput("tea", TestEvents.envelope(InventoryContracts.EVENTS, "tea", new StockReserved("tea", ID, 2), T));
        stock.pipeInput("cake", TestEvents.envelope(InventoryContracts.EVENTS, "cake",
                new StockReservationFailed("cake", ID, 1, 0), T));

        Order order = queries.current(ID).orElseThrow().state();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason()).isEqualTo(CancelReason.OUT_OF_STOCK);
    }

    @Test
    void shouldAnswerEveryIntermediateStateOfTheOrderAsOfItsTime() {
        place();
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // reactions stamp their commands with the wall clock
        payments.pipeInput("alice", TestEvents.envelope(AccountContracts.EVENTS, "alice",
                new PaymentTaken("alice", ID, money("42.50")), T));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        stock.pipeInput("tea", TestEvents.envelope(InventoryContracts.EVENTS, "tea", new StockReserved("tea", ID, 2), T));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        stock.pipeInput("cake", TestEvents.envelope(InventoryContracts.EVENTS, "cake",
                new StockReserved("cake", ID, 1), T));
        var history = queries.events(ID);
        assertThat(history).hasSize(5);

        for (int i = 0; i < history.size(); i++) {
            var event = history.get(i);
            var asOf = queries.asOf(ID, event.timestamp()).orElseThrow();
            // Each state holds every event stamped at or before its own time (events of one command share it).
            long atOrBefore = history.stream().filter(e -> !e.timestamp().isAfter(event.timestamp())).count();
            assertThat(asOf.version()).as("as of %s", event.eventType()).isEqualTo(atOrBefore);
        }
        assertThat(history).extracting(e -> queries.asOf(ID, e.timestamp()).orElseThrow().state().status())
                .containsExactly(OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.RESERVED,
                        OrderStatus.RESERVED);
        assertThat(queries.asOf(ID, history.get(2).timestamp()).orElseThrow().state().reservedSkus())
                .containsExactly("tea");
        assertThat(queries.asOf(ID, history.getFirst().timestamp().minusMillis(1))).isEmpty();
    }

    private void place() {
        var type = OrderContracts.COMMANDS.typeOf(PLACE);
        commands.pipeInput(ID, Json.write(new CommandEnvelope("c-1", type.name(), 1, ID,
                OrderContracts.COMMANDS.encode(PLACE), new EventMetadata(ID, "c-1", "test"))), T);
    }

    private OrderStatus status() {
        return queries.current(ID).orElseThrow().state().status();
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private static TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        OrdersService.addTo(new Sources(builder), true);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-orders");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new TopologyTestDriver(builder.build(props), props);
    }
}
